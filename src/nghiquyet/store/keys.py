"""Stable keys: how a symbol is looked up and how an extracted item is recognised again.

A human correction is attached to an item's key, not to its row id, so the key must come out
the same when the same document is extracted again (a new version, a better extractor).
"""
from __future__ import annotations

import hashlib
import re
import uuid

from ..text import fold, squash


def symbol_key(symbol: str | None) -> str | None:
    """The lookup form of a document symbol: folded, upper-case, no spaces, no leading zeros.

    >>> symbol_key("26-NQ/TW")
    '26-NQ/TW'
    >>> symbol_key("Số 62 -KH/TU") == symbol_key("62-KH/TU")
    True
    >>> symbol_key("05-NQ/TU") == symbol_key("5-NQ/TU")
    True
    >>> symbol_key("123/QĐ-UBND")
    '123/QD-UBND'
    >>> symbol_key("  ") is None
    True
    """
    if not symbol:
        return None
    key = re.sub(r"\s+", "", fold(symbol)).upper()
    key = re.sub(r"^SO(?=\d)", "", key)          # "Số 62-KH/TU" written with its label
    key = re.sub(r"^0+(?=\d)", "", key)
    return key or None


def _digest(*parts: object) -> str:
    raw = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def figure_identity(family: str, indicator: str, year: int | None, period: str | None,
                    unit: str | None) -> str:
    """What makes two extracted figures "the same item": folded indicator, year, period, unit.

    >>> figure_identity("target", "Tốc độ tăng trưởng  GRDP", 2030, None, "%") == \\
    ...     figure_identity("target", "tốc độ tăng trưởng GRDP", 2030, None, "%")
    True
    """
    return f"{family[0]}:{_digest(squash(fold(indicator)), year, period, fold(unit or ''))}"


def deadline_identity(task: str, due: str | None) -> str:
    """What makes two deadlines the same: the folded task (first 200 chars) and the due date.

    >>> deadline_identity("Tổng kết", "2025-12-31") == deadline_identity("tong ket ", "2025-12-31")
    True
    """
    return f"d:{_digest(squash(fold(task))[:200], due)}"


def numbered(identities: list[str]) -> list[str]:
    """Make repeated identities distinct by their order of appearance (`#2`, `#3`...).

    >>> numbered(["a", "b", "a"])
    ['a', 'b', 'a#2']
    """
    seen: dict[str, int] = {}
    out = []
    for ident in identities:
        seen[ident] = seen.get(ident, 0) + 1
        out.append(ident if seen[ident] == 1 else f"{ident}#{seen[ident]}")
    return out


def human_key() -> str:
    """A key for an item a person added (never produced by the extractor)."""
    return f"h:{uuid.uuid4().hex[:16]}"
