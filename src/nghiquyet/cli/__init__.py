"""Command-line shell over the library. Importing the command modules registers them on `app`."""
from __future__ import annotations

from .app import app
from . import extract as _extract  # noqa: F401  (registers `extract`)


def main() -> None:
    app()
