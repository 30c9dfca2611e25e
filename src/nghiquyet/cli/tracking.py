"""`nghiquyet` commands for the tracking stage (filled in by its issue)."""
from __future__ import annotations

from .app import app  # noqa: F401
