"""Identity: kind, symbol, place and date, issuer, title, signer, recipients (stub)."""
from __future__ import annotations

from ..model import Identity
from .outline import Layout


def extract(layout: Layout) -> Identity:
    return Identity()
