"""Page contexts assembled from service results (no rules: reading and arranging only)."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store import library
from ..store.models import Document, OutlineSection
from .present import Mark

# family → CSS class of its highlight in the original text (see app.css `mark.q.*`)
MARK_CSS = {"target": "q", "result": "q r", "deadline": "q d"}
MARK_TITLES = {"target": "Chỉ tiêu", "result": "Kết quả", "deadline": "Thời hạn"}


def outline(session: Session, document_id: int) -> list[OutlineSection]:
    return list(session.scalars(select(OutlineSection).where(
        OutlineSection.document_id == document_id).order_by(OutlineSection.idx)).all())


def outline_tree(sections: list[OutlineSection]) -> list[dict]:
    """Nested outline: [{"section": s, "children": [...]}], by each section's parent index."""
    nodes = {s.idx: {"section": s, "children": []} for s in sections}
    roots: list[dict] = []
    for s in sections:
        parent = nodes.get(s.parent_idx) if s.parent_idx is not None else None
        (parent["children"] if parent else roots).append(nodes[s.idx])
    return roots


def item_marks(data: dict) -> list[Mark]:
    """Highlights of every item that carries a span into the current text."""
    marks = []
    for family, plural in (("target", "targets"), ("result", "results"), ("deadline", "deadlines")):
        for item in data.get(plural, []):
            start, end = item.get("span") or (0, 0)
            if end > start:
                label = item.get("indicator") or item.get("task") or ""
                marks.append(Mark(start, end, f"q-{family}-{item['id']}",
                                  f"{MARK_TITLES[family]}: {label}", MARK_CSS[family]))
    return marks


def document_text(doc: Document) -> str:
    return doc.current_version.text if doc.current_version is not None else ""


def cascade(session: Session, document_id: int) -> dict:
    """The cascade up (what this document implements) and down (what implements it)."""
    up = library.tree_dict(library.cascade_up(session, document_id=document_id))
    down = library.tree_dict(library.cascade_down(session, document_id=document_id))
    return {"up": up["children"], "down": down["children"]}


def target_statuses(rows: list, session: Session, as_of) -> dict[int, dict]:
    """{target id: {"status", "label", "observed", "observed_year", "forecast", ...}} for the
    status rows of one document (from the status cache).

    The forecast is the projected figure at the target year (compound growth when it applies,
    else the straight line) from the unit's observed series (`track.forecast`)."""
    from ..track import observations as obs
    from ..track.forecast import forecast
    from ..track.models import TargetIndicator
    if not rows:
        return {}
    links = {l.target_id: l for l in session.scalars(select(TargetIndicator).where(
        TargetIndicator.target_id.in_([r.target_id for r in rows])))}
    out = {}
    for r in rows:
        fc = None
        link = links.get(r.target_id)
        if link is not None and link.organisation_id and r.year and r.observed is not None:
            series = obs.series(session, indicator_id=link.indicator_id,
                                organisation_id=link.organisation_id, as_of=as_of)
            f = forecast(series, r.year, r.goal)
            fc = f.compound if f.compound is not None else f.linear
        out[r.target_id] = {"status": r.status, "label": r.label, "observed": r.observed,
                            "observed_year": r.observed_year, "forecast": fc, "note": r.note,
                            "indicator_code": r.indicator_code,
                            "organisation_id": link.organisation_id if link else None}
    return out
