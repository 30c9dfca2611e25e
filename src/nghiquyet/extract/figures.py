"""Figures: quantitative targets and reported results (stub)."""
from __future__ import annotations

from ..model import Figure, Identity
from .outline import Layout


def extract(layout: Layout, doc: Identity) -> tuple[list[Figure], list[Figure]]:
    return [], []
