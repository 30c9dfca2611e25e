"""Command-line shell over the library. Importing the command modules registers them on `app`."""
from __future__ import annotations

from .app import app
from . import extract as _extract, library as _library, review as _review  # noqa: F401
from . import catalogue as _catalogue  # noqa: F401
from . import tracking as _tracking, report as _report, web as _web  # noqa: F401


def main() -> None:
    app()
