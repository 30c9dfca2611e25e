"""Fixtures of the web application (registered from conftest.py), named for what they give.

`web_app` is the application built by `create_app` on a fresh SQLite file; `client` talks to
it in-process (no server). The end-to-end tests start a real server (`tests/e2e/conftest.py`).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nghiquyet.settings import Settings
from nghiquyet.store.db import make_engine


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory) -> Path:
    """One migrated empty database per run; each test gets a copy (migrating costs ~0.2 s)."""
    from nghiquyet.store.migrate import upgrade
    path = tmp_path_factory.mktemp("web-template") / "empty.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def web_settings(tmp_path: Path, _migrated_sqlite: Path) -> Settings:
    """Settings of an application on its own (migrated, empty) SQLite file."""
    db = tmp_path / "web.db"
    shutil.copyfile(_migrated_sqlite, db)
    return Settings(database_url=f"sqlite:///{db}")


@pytest.fixture
def web_app(web_settings: Settings):
    from nghiquyet.web import create_app
    app = create_app(web_settings)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def web_session(web_app):
    """A session on the application's database, to arrange data and check what a request did."""
    session = web_app.state.sessions()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def client(web_app) -> TestClient:
    """An httpx client talking to the application in-process."""
    with TestClient(web_app) as c:
        yield c
