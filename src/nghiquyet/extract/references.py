"""References: documents cited by symbol (stub)."""
from __future__ import annotations

from ..model import Reference
from .outline import Layout


def extract(layout: Layout) -> list[Reference]:
    return []
