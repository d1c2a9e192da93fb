"""Flask extensions, created unbound and initialised in create_app."""

from functools import partial

from flask import Flask, g
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import Connection, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention Alembic can rely on."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
AUTOCOMMIT = "autocommit"  # bind key: the app's database, each statement its own transaction
AUTOCOMMIT_CONNECTION = "_autocommit_connection"  # g key
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """Turn on WAL, foreign keys and a busy timeout for every SQLite connection."""
    if type(dbapi_connection).__module__ != "sqlite3":
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    # Switching to WAL takes a lock SQLite does not wait for; a WAL file stays WAL, so ask first.
    if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def init_sqlite(app: Flask) -> None:
    """Set SQLITE_SYNCHRONOUS on every new connection of the app's SQLite engines.

    With WAL, NORMAL commits without an fsync: a commit survives the process being killed (the
    WAL file holds it), and only a power cut or OS crash can lose the last commits, never
    corrupt the database. FULL adds an fsync per commit for power-cut durability.
    """
    level = app.config["SQLITE_SYNCHRONOUS"]
    with app.app_context():
        engines = [e for e in db.engines.values() if e.dialect.name == "sqlite"]
    for engine in engines:
        event.listen(engine, "connect", partial(_sqlite_synchronous, level))


def _sqlite_synchronous(level: str, dbapi_connection, connection_record) -> None:
    """Set the synchronous level of one SQLite connection."""
    dbapi_connection.execute(f"PRAGMA synchronous={level}")


def autocommit() -> Connection:
    """Return the app context's connection on which each statement commits by itself.

    For use-cases that are one statement, such as saving an answer: no ORM session, no BEGIN or
    COMMIT round trips. It comes from a separate engine (the AUTOCOMMIT bind, see config.py)
    whose connections stay in that mode. It is opened on first use and returned to its pool when
    the app context ends (close_autocommit); between statements it holds no transaction and no
    lock. A connection that the database dropped is replaced rather than reused.
    """
    connection = g.get(AUTOCOMMIT_CONNECTION)
    if connection is None or connection.closed or connection.invalidated:
        if connection is not None:
            connection.close()
        connection = db.engines[AUTOCOMMIT].connect()
        setattr(g, AUTOCOMMIT_CONNECTION, connection)
    return connection


def close_autocommit(exc: BaseException | None = None) -> None:
    """Return the app context's autocommit connection to its pool."""
    connection = g.pop(AUTOCOMMIT_CONNECTION, None)
    if connection is not None:
        connection.close()


def dispose_engines() -> None:
    """Close the pooled connections of every engine of the current app (and this context's)."""
    close_autocommit()
    for engine in db.engines.values():
        engine.dispose()
