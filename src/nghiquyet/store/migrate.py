"""Alembic, configured from inside the package: no alembic.ini, no assumption about the cwd.

`upgrade(engine)` brings a database to the newest schema; `ensure_current(engine)` is what
every command calls first: a new (empty) database is upgraded on the spot, an older one is
refused with a message telling the user to run `nghiquyet db upgrade`.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class SchemaOutOfDate(Exception):
    """The database was made by an older nghiquyet: `nghiquyet db upgrade` is needed."""


def alembic_config(connection: Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # The connection is passed in, so in-memory SQLite and per-test PostgreSQL schemas work.
    cfg.attributes["connection"] = connection
    return cfg


def head_revisions() -> set[str]:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return set(ScriptDirectory.from_config(cfg).get_heads())


def current_revisions(connection: Connection) -> set[str]:
    return set(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine: Engine, revision: str = "heads") -> tuple[set[str], set[str]]:
    """Migrate to `revision`; returns (revisions before, revisions after)."""
    with engine.begin() as conn:
        before = current_revisions(conn)
        command.upgrade(alembic_config(conn), revision)
        after = current_revisions(conn)
    return before, after


def ensure_current(engine: Engine) -> None:
    """Create the schema of a new database; refuse to work on an out-of-date one."""
    with engine.connect() as conn:
        current = current_revisions(conn)
        has_tables = bool(inspect(conn).get_table_names())
    heads = head_revisions()
    if current == heads:
        return
    if not current and not has_tables:
        upgrade(engine)
        return
    raise SchemaOutOfDate(
        "cơ sở dữ liệu chưa ở phiên bản mới nhất (database schema is out of date): "
        "chạy `nghiquyet db upgrade`")
