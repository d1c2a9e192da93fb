"""The `quizapp` command line: a Flask CLI group, so `flask --app quizapp ...` works too."""

from __future__ import annotations

import contextvars
import sys
from dataclasses import replace
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy.exc import SQLAlchemyError

from .config import ConfigError, check_secret_key, ensure_secret_key
from .core.banks.formats import FORMATS
from .services import ServiceError, accounts, bank_files, setup
from .services.bank_files import EXPORT_FORMATS


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
    made = ensure_secret_key(app)
    if made:
        click.echo(f"Secret key: {made} (made once, kept across restarts)")
    try:
        check_secret_key(app)
    except ConfigError as exc:
        click.echo(f"quizapp: configuration error: {exc}", err=True)
        sys.exit(2)
    loaded = _prepare_or_exit()
    if loaded:
        click.echo(f"Loaded bank file(s): {', '.join(loaded)}")
    from .extensions import dispose_engines

    dispose_engines()  # workers fork: they must not share the master's connections

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
    # Serve outside this command's app context: gunicorn's sync worker (--threads 1) handles
    # requests in this very thread, and each request must push, and tear down, its own.
    contextvars.Context().run(Server().run)


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


@click.command("reset-password")
@click.argument("username")
@with_appcontext
def reset_password_command(username: str) -> None:
    """Set a new password for an account; it is read from a prompt, or stdin when piped."""
    from .services import profile

    if sys.stdin.isatty():
        password = click.prompt("New password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        setup.check_database()
        user = profile.reset_password(username, password)
    except ServiceError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"New password set for {user.role} {user.username!r}.")


@click.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--bank", "bank_title", help="Add to the bank with this title (made if missing).")
@click.option("--owner", help="Username of the instructor who will own the bank.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Default: from the file.")
@click.option("--dry-run", is_flag=True,
              help="Print what would be imported, left out and changed; write nothing.")
@click.option("--strict", is_flag=True,
              help="Refuse the file if it holds kinds quizapp cannot ask (matching, essay...).")
@click.option("--skip-unsupported", is_flag=True, hidden=True,
              help="The default now: kinds quizapp cannot ask are left out and listed.")
@with_appcontext
def import_command(
    file: Path, bank_title: str | None, owner: str | None, fmt: str | None, dry_run: bool,
    strict: bool, skip_unsupported: bool,
) -> None:  # fmt: skip
    """Import a bank file (quizapp JSON/YAML, GIFT, Moodle XML, Aiken): all or nothing.

    Kinds quizapp cannot ask are left out and listed with their line and reason; a malformed
    question refuses the whole file.
    """
    from .services.import_previews import preview_file

    data = file.read_bytes()
    try:
        if strict:
            bank_files.parse_bank_file(data, file.name, fmt, skip_unsupported=False)
        summary = preview_file(data, file.name, fmt)
    except ServiceError as exc:
        raise click.ClickException(f"{file.name}: {exc}") from None
    for line in summary.lines() if dry_run else [summary.headline()]:
        click.echo(line)
    if dry_run:
        click.echo("Dry run: nothing was written.")
        return
    try:
        setup.upgrade_database()
        owner_id = bank_files.instructor_id(owner) if owner else None
        existing = bank_files.owned_bank_by_title(owner_id, bank_title) if bank_title else None
        result = bank_files.import_bank_file(
            owner_id, data, file.name, fmt, title=bank_title,
            bank_id=existing.id if existing else None, skip_unsupported=True,
        )  # fmt: skip
    except ServiceError as exc:
        raise click.ClickException(f"{file.name}: {exc}") from None
    except SQLAlchemyError as exc:  # a value the checks missed: one line, never a traceback
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise click.ClickException(f"{file.name}: the database refused it: {reason}") from None
    click.echo(
        f"Imported {result.questions} questions and {result.sources} articles into bank "
        f"{result.bank.id} {result.bank.title!r}."
    )
    for reason in result.skipped:
        click.echo(f"left out: {reason}")


@click.command("export")
@click.argument("bank")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_appcontext
def export_command(bank: str, fmt: str, output: Path) -> None:
    """Write the bank BANK (its id or title) to a file."""
    try:
        setup.check_database()
        found = bank_files.find_bank(bank)
        _, text = bank_files.export_bank(None, found.id, fmt)
        output.write_text(text, encoding="utf-8")
    except ServiceError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(f"Wrote {len(found.questions)} questions of {found.title!r} to {output} ({fmt}).")


@click.command("generate")
@click.argument(
    "articles", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The bank file to write: .json or .yaml.")  # fmt: skip
@click.option("--title", help="The bank's title. Default: the first article's title.")
@click.option("--description", default="", help="The bank's description.")
@click.option("--quiz-questions", type=click.IntRange(1), default=None,
              help="Questions per attempt of the quiz published from this bank at start-up.")
@click.option("--quiz-mode", type=click.Choice(["practice", "test"]), default=None,
              help="Mode of the quiz published from this bank at start-up.")
def generate_command(
    articles: tuple[Path, ...], output: Path, title: str | None, description: str,
    quiz_questions: int | None, quiz_mode: str | None,
) -> None:
    """Generate a question bank from article files (.txt, .md, .html); no database needed."""
    from .core.banks.formats import dump_any
    from .core.banks.model import QuizSettings
    from .core.questions import generate_bank
    from .core.reading.sources import SourceError, read_source_file
    from .services.authoring import generation_summary

    fmt = {".json": "json", ".yaml": "yaml", ".yml": "yaml"}.get(output.suffix.lower())
    if fmt is None:
        raise click.ClickException(f"{output.name}: the output must end in .json or .yaml")
    sources = []
    for i, path in enumerate(articles, start=1):
        try:
            sources.append(replace(read_source_file(path), id=f"s{i}"))
        except SourceError as exc:
            raise click.ClickException(f"{path.name}: {exc}") from None
    bank = generate_bank(sources, title or sources[0].title, description)
    if quiz_questions or quiz_mode:
        bank.quiz = QuizSettings(mode=quiz_mode or "practice", questions=quiz_questions)
    try:
        output.write_text(dump_any(bank, fmt), encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    click.echo(generation_summary(sources, bank.questions) + f"; wrote {output}")


COMMANDS = [
    init_command, serve_command, create_user_command, reset_password_command, import_command,
    export_command, generate_command,
]  # fmt: skip


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
