"""The web application: Vietnamese pages rendered on the server and a JSON API under `/api`.

`create_app(settings)` builds everything from the settings (engine, sessions, templates,
routes); nothing is created at import time, so tests run the app in-process on SQLite and
production runs it on PostgreSQL. Routes are thin: they parse the request, call a service
function of `store` or `track`, and render the result (see `web.routes`).
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy.engine import Engine

from ..settings import Settings
from ..store.db import make_engine, session_factory
from . import cache, errors
from .deps import make_templates
from .routes import ROUTERS

HERE = Path(__file__).resolve().parent

API_DESCRIPTION = """JSON API of nghiquyet: documents, their targets, results and deadlines,
indicators, organisations, observations and search. Every page of the web application is
built from the same service functions."""


def create_app(settings: Settings | None = None, *, engine: Engine | None = None,
               migrate: bool = True) -> FastAPI:
    """Build the application for `settings` (read from the environment when omitted).

    `engine` lets tests share one engine; `migrate` brings the database to the newest schema
    first (the server owns its database, so it upgrades on start).
    """
    settings = settings or Settings.from_env()
    engine = engine or make_engine(settings.database_url)
    if migrate:
        from ..store.migrate import upgrade
        upgrade(engine)

    app = FastAPI(title="nghiquyet", version=_version(), description=API_DESCRIPTION,
                  openapi_url="/api/openapi.json",
                  # FastAPI's docs pages load Swagger/ReDoc from a CDN: none is used here
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in ROUTERS:
        app.include_router(router)
    errors.install(app)
    cache.install(app)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("nghiquyet")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "0"
