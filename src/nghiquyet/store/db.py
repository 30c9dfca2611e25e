"""The database: declarative base shared by every table, engine and session factories.

Tables of the library live in `store.models`, tables of tracking in `track.models`; both
derive from `Base` so one Alembic history covers them.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

# Explicit constraint names, so migrations behave the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# `json.dumps(value, ensure_ascii=False)` builds a new encoder at each call (it only reuses
# one for the default options): a third of the time of encoding an item's values.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def json_dumps(value: object) -> str:
    """JSON as the library stores it: letters as they are, not `\\uXXXX` escapes (a third
    smaller for Vietnamese text; every item row and version keeps some). The same text as
    `json.dumps(value, ensure_ascii=False)`.

    >>> json_dumps({"đ": [1, "Đảng"]})
    '{"đ": [1, "Đảng"]}'
    >>> json_dumps({"a": [1.5, None, True]}) == json.dumps({"a": [1.5, None, True]})
    True
    """
    return _ENCODER.encode(value)


def make_engine(url: str, **kwargs) -> Engine:
    """An engine for `url`; SQLite gets its folder created, WAL, foreign keys and a bigger cache.
    JSON columns are written by `json_dumps` on both databases."""
    kwargs.setdefault("json_serializer", json_dumps)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            # A bigger page cache (64 MB, default 2 MB) keeps the indexes a batch of inserts
            # touches in memory, and savepoint journals stay in memory instead of temp files.
            cur.execute("PRAGMA cache_size=-65536")
            cur.execute("PRAGMA temp_store=MEMORY")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


LIBRARY_TABLES = ("documents", "document_versions", "citations", "sections", "targets",
                  "results", "deadlines", "search_entries")


def refresh_statistics(session: Session) -> None:
    """Give the query planner up-to-date table statistics (after a bulk ingest).

    Without them SQLite picks the index on `documents.placeholder` (two values) over the one
    on `source_name` or `symbol_key`, scanning half the library per lookup: at 10,000
    documents that made ingest 3x slower. A sampled ANALYZE costs ~0.1 s at that size.
    On PostgreSQL autovacuum does this too, but only later."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit=1000")
        conn.exec_driver_sql("ANALYZE")
    else:                             # the library's tables only, not the whole database
        conn.exec_driver_sql("ANALYZE " + ", ".join(LIBRARY_TABLES))


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back on any exception."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
