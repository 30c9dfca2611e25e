"""Alembic environment: every table of the package (library and, when present, tracking)."""
from __future__ import annotations

import importlib

from alembic import context

from nghiquyet.store import models as _library_models  # noqa: F401  (registers the tables)
from nghiquyet.store.db import Base, make_engine

try:  # tracking (issue 4) adds its tables to the same metadata and history
    importlib.import_module("nghiquyet.track.models")
except ModuleNotFoundError as e:  # only a missing tracking module is expected
    if e.name not in ("nghiquyet.track", "nghiquyet.track.models"):
        raise

target_metadata = Base.metadata


def _include(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    """Leave the search index (made by raw SQL in 0001, not in the models) to autogenerate."""
    if type_ == "column" and name == "tsv":
        return False
    return not (name or "").startswith(("search_fts", "ix_search_entries_fts"))


def _run(connection) -> None:  # noqa: ANN001
    context.configure(connection=connection, target_metadata=target_metadata,
                      include_object=_include,
                      render_as_batch=connection.dialect.name == "sqlite",
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    # `alembic -x url=...` from a developer's shell
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url")
    with make_engine(url).connect() as conn:
        _run(conn)
        conn.commit()


try:
    context.config  # noqa: B018  (only set while Alembic runs this file)
except AttributeError:  # imported by something else (pytest's doctest collection)
    pass
else:
    main()
