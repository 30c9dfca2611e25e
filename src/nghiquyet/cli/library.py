"""`nghiquyet` commands for the library stage (filled in by its issue)."""
from __future__ import annotations

from .app import app  # noqa: F401
