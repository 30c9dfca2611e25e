"""Database fixtures: every storage and search test runs on SQLite and on PostgreSQL.

PostgreSQL comes from `NGHIQUYET_TEST_POSTGRES_URL` (set by `scripts/test.sh`, or by hand after
`scripts/pg.sh start`: `export NGHIQUYET_TEST_POSTGRES_URL=$(scripts/pg.sh url)`). When it is
unset the PostgreSQL cases fail with that advice, unless `NGHIQUYET_TEST_SQLITE_ONLY=1`.
Each test gets a fresh database: a new SQLite file, or a new schema on the PostgreSQL server.
"""
from __future__ import annotations

import json
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from nghiquyet.model import (Deadline, Extraction, Figure, Identity, Reference, Signer)
from nghiquyet.store.db import make_engine, session_factory
from nghiquyet.store.migrate import upgrade

PG_ENV = "NGHIQUYET_TEST_POSTGRES_URL"
SQLITE_ONLY = os.environ.get("NGHIQUYET_TEST_SQLITE_ONLY") == "1"
BACKENDS = ["sqlite"] if SQLITE_ONLY else ["sqlite", "postgres"]


def postgres_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.fail(f"{PG_ENV} is not set: run `scripts/pg.sh start` and "
                    f"`export {PG_ENV}=$(scripts/pg.sh url)` (or scripts/test.sh), "
                    f"or set NGHIQUYET_TEST_SQLITE_ONLY=1 to test SQLite alone", pytrace=False)
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite file, copied for each test (migrating every time is slow)."""
    path = tmp_path_factory.mktemp("template") / "library.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@contextmanager
def new_schema(prefix: str):
    """(server URL, schema, engine bound to it) for a new, empty schema on the test server;
    the schema is dropped afterwards."""
    base = postgres_url()
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield base, schema, make_engine(base, connect_args={"options": f"-csearch_path={schema}"})
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_schema():
    """A schema of its own on the test server, migrated once per test session (per worker)."""
    with new_schema("t") as (base, schema, engine):
        upgrade(engine)
        tables = [t for t in engine.dialect.get_table_names(engine.connect(), schema=schema)
                  if t != "alembic_version"]
        engine.dispose()
        yield base, schema, tables


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path: Path):
    """A migrated, empty library database: a copy of the SQLite template, or the session's
    PostgreSQL schema emptied (TRUNCATE ... RESTART IDENTITY) before the test."""
    if request.param == "sqlite":
        path = tmp_path / "library.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        engine = make_engine(f"sqlite:///{path}")
        yield engine
        engine.dispose()
        return
    base, schema, tables = request.getfixturevalue("postgres_schema")
    engine = make_engine(base, connect_args={"options": f"-csearch_path={schema}"})
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    yield engine
    engine.dispose()


@pytest.fixture
def db_engine(db_url):
    """The engine of a fresh, migrated library database (SQLite and PostgreSQL)."""
    return db_url


@pytest.fixture
def db_session(db_engine):
    """A session on a fresh library database; closed (not committed) after the test."""
    session = session_factory(db_engine)()
    yield session
    session.rollback()
    session.close()


@pytest.fixture
def db_factory(db_engine):
    """The session factory of a fresh library database."""
    return session_factory(db_engine)


def extraction_from_contract(data: dict, text_: str = "") -> Extraction:
    """An `Extraction` from the contract JSON (the gold labels' shape), for tests that must not
    depend on how good the extractor is today."""
    d = dict(data["document"])
    signer = Signer(**(d.pop("signer", None) or {}))
    ident = Identity(signer=signer, **{k: v for k, v in d.items() if k in Identity.__annotations__})
    def fig(f: dict, kind: str) -> Figure:
        keep = {k: v for k, v in f.items() if k in Figure.__annotations__ and k != "span"}
        return Figure(kind=kind, **keep)
    refs = [Reference(**{k: v for k, v in r.items() if k in Reference.__annotations__ and k != "span"})
            for r in data.get("references", [])]
    return Extraction(source=data["source"], document=ident, references=refs,
                      targets=[fig(t, "target") for t in data.get("targets", [])],
                      results=[fig(r, "result") for r in data.get("results", [])],
                      deadlines=[Deadline(**{k: v for k, v in x.items()
                                             if k in Deadline.__annotations__ and k != "span"})
                                 for x in data.get("deadlines", [])],
                      text=text_, file_type="txt", encoding="utf-8")


@pytest.fixture(scope="session")
def gold_extractions(seeds_dir: Path, gold_dir: Path) -> dict[str, Extraction]:
    """The seeds' hand labels as extractions (with the seed text), by seed file name."""
    out = {}
    for label in sorted(gold_dir.glob("*.json")):
        data = json.loads(label.read_text(encoding="utf-8"))
        seed = seeds_dir / data["source"]
        x = extraction_from_contract(data, seed.read_text(encoding="utf-8"))
        # What other documents say of a document is the library's job, not the extractor's.
        x.document.symbol_inferred = x.document.date_inferred = None
        out[data["source"]] = x
    return out


def make_extraction(source: str, *, kind: str = "ke_hoach", symbol: str | None = None,
                    date: str | None = None, issuer: str | None = None, title: str | None = None,
                    references: list[Reference] | None = None, targets: list[Figure] | None = None,
                    results: list[Figure] | None = None, deadlines: list[Deadline] | None = None,
                    text_: str | None = None) -> Extraction:
    """A small extraction written by hand, in the style of the documents."""
    body = text_ if text_ is not None else " ".join(x for x in (title or "", source) if x)
    return Extraction(source=source, document=Identity(kind=kind, symbol=symbol, date=date,
                                                       issuer=issuer, title=title),
                      references=references or [], targets=targets or [],
                      results=results or [], deadlines=deadlines or [], text=body,
                      file_type="txt", encoding="utf-8")


def store(session: Session, extraction: Extraction, content: str | None = None):
    """Ingest an extraction as if from a file whose bytes are `content` (default: its text)."""
    import hashlib
    from nghiquyet.store.library import ingest_extraction
    raw = (content if content is not None else extraction.source + extraction.text).encode()
    outcome = ingest_extraction(session, extraction=extraction,
                                file_hash=hashlib.sha256(raw).hexdigest(), size=len(raw))
    session.commit()
    return outcome


@pytest.fixture(params=BACKENDS)
def empty_engine(request, tmp_path):
    """An engine on a database with no tables at all (a new file, or a new schema)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
        yield engine
        engine.dispose()
        return
    with new_schema("e") as (_, _, engine):
        yield engine
        engine.dispose()


def fail_indexing(monkeypatch, marker: str, message: str) -> None:  # noqa: ANN001
    """Make storing (the search-index step, not extraction) raise `message` for every
    document whose text holds `marker`: a file that breaks half-way through being stored."""
    from nghiquyet.store import index
    real = index.index_document

    def failing(session, document, text_, **kwargs):  # noqa: ANN001, ANN202
        # A batch ingest on SQLite hands the text over as its UTF-8 bytes.
        if marker in (text_.decode() if isinstance(text_, bytes) else text_ or ""):
            raise RuntimeError(message)
        return real(session, document, text_, **kwargs)

    monkeypatch.setattr(index, "index_document", failing)
