"""Extracted items (targets, results, deadlines) in the database: machine rows + corrections.

`sync_items` stores a new extraction's items beside the existing rows of the document: a row
whose stable key comes back is updated in place (its id, which tracking refers to, stays),
a new key adds a row, a key that no longer comes back marks its machine row `superseded`.
Effective values are the machine values overlaid by the document's corrections for that key.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import Deadline as XDeadline, Figure
from .keys import deadline_identity, figure_identity, numbered
from .models import ITEM_MODELS, Correction, Deadline, Document, Result, Target

FIGURE_FIELDS = ("indicator", "comparator", "value", "value_max", "unit", "year", "period",
                 "parent", "number", "base_year", "estimate", "planned", "quote", "section")
DEADLINE_FIELDS = ("task", "due", "responsible", "quote", "section")
EDITABLE = {"target": FIGURE_FIELDS, "result": FIGURE_FIELDS, "deadline": DEADLINE_FIELDS}


def machine_values(family: str, item: Figure | XDeadline) -> dict:
    """The JSON-able machine values of one extracted item (span split in two)."""
    d = {f: getattr(item, f, None) for f in EDITABLE[family]}
    span = getattr(item, "span", None) or (0, 0)
    d["span_start"], d["span_end"] = int(span[0]), int(span[1])
    return d


def item_keys(family: str, items: list) -> list[str]:
    if family == "deadline":
        idents = [deadline_identity(i.task, i.due) for i in items]
    else:
        idents = [figure_identity(family, i.indicator, i.year, i.period, i.unit) for i in items]
    return numbered(idents)


def to_column(field: str, value):  # noqa: ANN001, ANN201
    """JSON value → column value (dates are ISO strings in JSON)."""
    if field == "due" and isinstance(value, str):
        return date.fromisoformat(value[:10])
    return value


def apply_values(row, values: dict) -> None:  # noqa: ANN001
    for k, v in values.items():
        if k == "status":
            row.status = v
        elif hasattr(row, k):
            setattr(row, k, to_column(k, v))


def corrections_for(session: Session, document_id: int, family: str) -> dict[str, dict]:
    """key → {field: latest corrected value} for one document and family."""
    rows = session.scalars(select(Correction).where(
        Correction.document_id == document_id, Correction.family == family)
        .order_by(Correction.id)).all()
    out: dict[str, dict] = {}
    for c in rows:
        if c.field == "*":              # a whole human-added item (audit record)
            continue
        out.setdefault(c.item_key, {})[c.field] = c.value
    return out


def sync_items(session: Session, document: Document, family: str,
               found: list[tuple[str, dict]]) -> list:
    """Store one family of a new extraction of an existing document; returns the document's
    rows of that family. `found`: (stable key, machine values) of each extracted item, in
    document order (`item_keys`, `machine_values`)."""
    model = ITEM_MODELS[family]
    existing = {r.key: r for r in session.scalars(
        select(model).where(model.document_id == document.id)).all()}
    fixes = corrections_for(session, document.id, family) if existing else {}
    rows = list(existing.values())
    for idx, (key, values) in enumerate(found):
        row = existing.get(key)
        if row is None:
            row = model(document_id=document.id, key=key, origin="machine", status="draft")
            session.add(row)
            rows.append(row)
        row.machine, row.idx, row.superseded = values, idx, False
        apply_values(row, values)
        apply_values(row, fixes.get(key, {}))
    wanted = {key for key, _ in found}
    for key, row in existing.items():
        if row.origin == "machine" and key not in wanted:
            row.superseded = True
    return rows


def active_items(session: Session, document_id: int, family: str,
                 include_deleted: bool = False) -> list[Target | Result | Deadline]:
    """The items a reader sees: not superseded, not deleted (unless asked), in document order."""
    model = ITEM_MODELS[family]
    q = select(model).where(model.document_id == document_id, model.superseded.is_(False))
    if not include_deleted:
        q = q.where(model.status != "deleted")
    return list(session.scalars(q.order_by(model.idx, model.id)).all())


def item_dict(family: str, row) -> dict:  # noqa: ANN001
    """A plain dict of an item's effective values, for JSON output and the web."""
    fields = EDITABLE[family]
    d = {"id": row.id, "family": family, "key": row.key, "document_id": row.document_id}
    for f in fields:
        v = getattr(row, f)
        d[f] = v.isoformat() if isinstance(v, date) else v
    d.update(origin=row.origin, status=row.status, span=[row.span_start, row.span_end],
             corrected=bool(row.machine) and any(
                 d.get(f) != (row.machine or {}).get(f) for f in fields if f in (row.machine or {})))
    return d
