"""Schema and migrations: one Alembic history, the same on SQLite and PostgreSQL."""
from __future__ import annotations

import os

import pytest
from alembic import command
from sqlalchemy import inspect, text

from fixtures_db import BACKENDS, postgres_url
from nghiquyet.store.db import Base
from nghiquyet.store.migrate import (SchemaOutOfDate, alembic_config, current_revisions,
                                     ensure_current, head_revisions, upgrade)

LIBRARY_TABLES = {"documents", "document_versions", "citations", "sections", "targets",
                  "results", "deadlines", "corrections", "search_entries"}




def test_upgrade_downgrade_upgrade(empty_engine):
    before, after = upgrade(empty_engine)
    assert before == set() and after == head_revisions()
    assert LIBRARY_TABLES <= set(inspect(empty_engine).get_table_names())
    assert upgrade(empty_engine) == (after, after)           # idempotent
    with empty_engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    assert set(inspect(empty_engine).get_table_names()) <= {"alembic_version"}
    upgrade(empty_engine)
    assert LIBRARY_TABLES <= set(inspect(empty_engine).get_table_names())


def test_models_match_the_migrations(empty_engine):
    """Autogenerate finds nothing to add: the revision files describe the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    upgrade(empty_engine)
    with empty_engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _include})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def _include(obj, name, type_, reflected, compare_to):  # the raw-SQL search index is not a model
    if type_ == "column" and name == "tsv":
        return False
    return not (name or "").startswith(("search_fts", "ix_search_entries_fts"))


def test_new_database_is_created_old_one_refused(empty_engine):
    ensure_current(empty_engine)                              # new: migrated on the spot
    with empty_engine.connect() as conn:
        assert current_revisions(conn) == head_revisions()
    with empty_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    with pytest.raises(SchemaOutOfDate, match="nghiquyet db upgrade"):
        ensure_current(empty_engine)


def test_postgres_cases_fail_without_a_server(monkeypatch):
    """Without NGHIQUYET_TEST_POSTGRES_URL the PostgreSQL cases fail, saying what to run."""
    monkeypatch.delenv("NGHIQUYET_TEST_POSTGRES_URL", raising=False)
    with pytest.raises(pytest.fail.Exception, match="scripts/pg.sh start"):
        postgres_url()
    assert ("postgres" in BACKENDS) == (os.environ.get("NGHIQUYET_TEST_SQLITE_ONLY") != "1")
