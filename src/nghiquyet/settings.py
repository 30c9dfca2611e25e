"""Settings, declared once as (name, type, default, help) and read from the environment.

A `Settings` object is built at start (`Settings.from_env()`), validated, and passed to the
factories (`store.db.make_engine`, `web.create_app`); nothing reads the environment elsewhere.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

import platformdirs

APP_NAME = "nghiquyet"


def default_database_url() -> str:
    """The embedded default: a SQLite file in the user's data folder."""
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return f"sqlite:///{folder / 'nghiquyet.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    secret_key: str = ""

    # (environment variable, help) per field; the default is the field's own.
    ENV = {
        "database_url": ("NGHIQUYET_DATABASE_URL",
                         "SQLAlchemy URL: sqlite:///path.db (default: the user's data folder) "
                         "or postgresql+psycopg://user:pw@host/db"),
        "host": ("NGHIQUYET_HOST", "address the web application listens on"),
        "port": ("NGHIQUYET_PORT", "port the web application listens on"),
        "secret_key": ("NGHIQUYET_SECRET_KEY", "key that signs web sessions (random if unset)"),
    }

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values: dict = {}
        for f in fields(cls):
            env, _ = cls.ENV[f.name]
            raw = os.environ.get(env)
            if raw is not None and raw != "":
                try:
                    values[f.name] = int(raw) if f.type in ("int", int) else raw
                except ValueError:
                    raise SystemExit(f"{env}: expected a whole number, got {raw!r}") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = cls(**values)
        if not settings.database_url:
            settings = cls(**{**values, "database_url": default_database_url()})
        settings.validate()
        return settings

    def validate(self) -> None:
        url = self.database_url
        if not (url.startswith("sqlite") or url.startswith("postgresql")):
            raise SystemExit(f"NGHIQUYET_DATABASE_URL: only sqlite:/// and postgresql+psycopg:// "
                             f"URLs are supported, got {url!r}")
        if not 0 < self.port < 65536:
            raise SystemExit(f"NGHIQUYET_PORT: {self.port} is not a port number")
