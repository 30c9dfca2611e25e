"""Deadlines: dated tasks with the body responsible (stub)."""
from __future__ import annotations

from ..model import Deadline
from .outline import Layout


def extract(layout: Layout) -> list[Deadline]:
    return []
