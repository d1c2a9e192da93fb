"""The `quizapp` command line: a Flask CLI group, so `flask --app quizapp ...` works too."""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from .config import ConfigError, check_secret_key
from .services import ServiceError, accounts, setup


def _create_app_or_exit() -> Flask:
    """Create the app, turning configuration errors into one line and exit status 2."""
    from .app import create_app

    try:
        return create_app({"REQUIRE_SECRET_KEY": False})
    except ConfigError as exc:
        click.echo(f"quizapp: configuration error: {exc}", err=True)
        sys.exit(2)


def _prepare_or_exit() -> list[str]:
    """Upgrade the database and load the demo content, or exit with one clear line."""
    try:
        return setup.prepare()
    except ServiceError as exc:
        click.echo(f"quizapp: {exc}", err=True)
        sys.exit(2)


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or upgrade the database and load the bank files in questions/."""
    loaded = _prepare_or_exit()
    click.echo(f"Database ready ({setup.database_label()}); loaded {len(loaded)} new bank file(s).")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64))
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64))
@with_appcontext
def serve_command(host: str, port: int, workers: int, threads: int) -> None:
    """Serve quizapp with gunicorn, after upgrading the database and loading the demo."""
    from gunicorn.app.base import BaseApplication

    app = current_app._get_current_object()
    try:
        check_secret_key(app)
    except ConfigError as exc:
        click.echo(f"quizapp: configuration error: {exc}", err=True)
        sys.exit(2)
    loaded = _prepare_or_exit()
    if loaded:
        click.echo(f"Loaded bank file(s): {', '.join(loaded)}")
    from .extensions import db

    db.engine.dispose()  # workers fork: they must not share the master's connections

    class Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("accesslog", "-")
            self.cfg.set("control_socket_disable", True)
            self.cfg.set("graceful_timeout", 10)

        def load(self) -> Flask:
            return app

    click.echo(f"quizapp on http://{host}:{port}/ ({workers} workers, {setup.database_label()})")
    Server().run()


@click.command("create-user")
@click.argument("username")
@click.option(
    "--role", type=click.Choice(["student", "instructor"]), default="student", show_default=True
)
@with_appcontext
def create_user_command(username: str, role: str) -> None:
    """Create an account; the password is read from a prompt, or stdin when piped."""
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        setup.upgrade_database()
        user = accounts.create_user(username, password, role)
    except ServiceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {user.role} {user.username!r}.")


COMMANDS = [init_command, serve_command, create_user_command]


def register(app: Flask) -> None:
    """Add quizapp's commands to the app's CLI."""
    for command in COMMANDS:
        app.cli.add_command(command)


cli = FlaskGroup(
    create_app=_create_app_or_exit,
    add_version_option=False,
    help="quizapp: fact-checking quizzes from news articles.",
)


def main() -> None:
    """Run the `quizapp` console script."""
    cli.main(prog_name="quizapp")
