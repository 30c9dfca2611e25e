"""Cascade alignment: does a lower plan carry its parent's targets, and do the figures agree?

For each indicator the two documents share, the child's target is compared with the parent's
for the same year: the same threshold is `adopted`, a stricter one (in the indicator's better
direction) `strengthened`, a looser one `weakened`; different years are a conflicting
`horizon`. An indicator only the parent has is `dropped`, only the child `added`. Beside that:
the parts of a whole (the sectors of the economic structure) whose ranges cannot add up to
about 100 %, and one indicator given different figures for one unit and year by different
documents.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Document, Target
from ..text import format_number
from .catalogue import Catalogue
from .linking import as_catalogue_indicator, db_catalogue
from .models import Indicator, Organisation, TargetIndicator
from .status import _sign, _thresholds, spec_for

RELATIONS = {"adopted": "giữ nguyên", "strengthened": "cao hơn cấp trên", "weakened": "thấp hơn cấp trên",
             "dropped": "không đưa vào", "added": "bổ sung", "horizon": "khác mốc thời gian",
             "incomparable": "khác cách tính"}
SHARE_TOLERANCE = 1.0      # percentage points the parts of a whole may miss 100 by (rounding)
_SIGNS = {"eq": "", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "approx": "~", "range": ""}


@dataclass
class AlignRow:
    indicator_code: str
    indicator_name: str
    relation: str
    label: str
    child: str | None = None
    parent: str | None = None
    year: int | None = None


@dataclass
class Alignment:
    child: str
    parent: str
    rows: list[AlignRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"child": self.child, "parent": self.parent, "rows": [asdict(r) for r in self.rows],
                "warnings": self.warnings}


def describe_figure(comparator: str, value: float | None, value_max: float | None, unit: str | None,
                    year: int | None = None) -> str:
    """A target as people write it.

    >>> describe_figure("gte", 85, None, "%", 2030), describe_figure("range", 2.5, 3, "lần")
    ('≥85 % (2030)', '2,5-3 lần')
    """
    v = format_number(value) + (f"-{format_number(value_max)}" if value_max is not None else "")
    return f"{_SIGNS.get(comparator, '')}{v} {unit or ''}".strip() + (f" ({year})" if year else "")


def describe(t: Target) -> str:
    return describe_figure(t.comparator, t.value, t.value_max, t.unit, t.year)


def compare(child: Target, parent: Target, indicator, catalogue: Catalogue) -> str:  # noqa: ANN001
    """Relation of two targets of one indicator: adopted, strengthened, weakened, horizon..."""
    if child.year and parent.year and child.year != parent.year:
        return "horizon"
    specs = []
    for t in (child, parent):
        spec, _ = spec_for(comparator=t.comparator, value=t.value, value_max=t.value_max, unit=t.unit,
                           year=t.year or 1, period=t.period, base_year=t.base_year, indicator=indicator,
                           catalogue=catalogue, text=t.indicator)
        specs.append(spec)
    c, p = specs
    if c is None or p is None or c.multiple != p.multiple or c.nature != p.nature:
        return "incomparable"
    s = _sign(p)
    diff = s * (_thresholds(c)[0] - _thresholds(p)[0])
    if abs(diff) <= 1e-9 * max(1.0, abs(_thresholds(p)[0])):
        return "adopted"
    return "strengthened" if diff > 0 else "weakened"


def _targets(session: Session, document_id: int) -> dict[str, list[tuple[Target, Indicator]]]:
    out: dict[str, list[tuple[Target, Indicator]]] = defaultdict(list)
    q = (select(Target, Indicator).join(TargetIndicator, TargetIndicator.target_id == Target.id)
         .join(Indicator, Indicator.id == TargetIndicator.indicator_id)
         .where(Target.document_id == document_id, Target.superseded.is_(False), Target.status != "deleted")
         .order_by(Target.idx))
    for t, ind in session.execute(q).all():
        out[ind.code].append((t, ind))
    return out


def align(session: Session, *, child_id: int, parent_id: int) -> Alignment:
    """Compare a lower-level plan with the plan it carries out, indicator by indicator."""
    child_doc, parent_doc = session.get(Document, child_id), session.get(Document, parent_id)
    if child_doc is None or parent_doc is None:
        raise LookupError(f"không có văn bản #{child_id if child_doc is None else parent_id}")
    catalogue = db_catalogue(session)
    ct, pt = _targets(session, child_id), _targets(session, parent_id)
    result = Alignment(child_doc.label, parent_doc.label)
    for code in sorted(set(ct) | set(pt), key=lambda c: (c not in pt, c)):
        ind = (ct.get(code) or pt.get(code))[0][1]
        cind = catalogue.get(code) or as_catalogue_indicator(ind)
        if code not in ct:
            for t, _ in pt[code]:
                result.rows.append(AlignRow(code, ind.name, "dropped", RELATIONS["dropped"], None, describe(t), t.year))
            continue
        if code not in pt:
            for t, _ in ct[code]:
                result.rows.append(AlignRow(code, ind.name, "added", RELATIONS["added"], describe(t), None, t.year))
            continue
        parents = {t.year: t for t, _ in pt[code]}
        for t, _ in ct[code]:
            p = parents.get(t.year) or pt[code][-1][0]     # same year, else the parent's last horizon
            rel = compare(t, p, cind, catalogue)
            result.rows.append(AlignRow(code, ind.name, rel, RELATIONS[rel], describe(t), describe(p), t.year))
    result.warnings = share_warnings(session, document_id=child_id, catalogue=catalogue) + \
        share_warnings(session, document_id=parent_id, catalogue=catalogue)
    return result


def share_warnings(session: Session, *, document_id: int, catalogue: Catalogue | None = None) -> list[str]:
    """Parts of one whole (per year) whose stated figures cannot add up to about 100 %."""
    catalogue = catalogue or db_catalogue(session)
    doc = session.get(Document, document_id)
    groups: dict[tuple[str, int | None], list[Target]] = defaultdict(list)
    for code, items in _targets(session, document_id).items():
        ind = catalogue.get(code)
        if ind is None or not ind.part_of:
            continue
        for t, _ in items:
            if t.value is not None and (t.unit or "%").strip().startswith("%"):
                groups[(ind.part_of, t.year)].append(t)
    out = []
    for (whole, year), parts in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        if len(parts) < 2:
            continue
        lo = sum(t.value for t in parts)
        hi = sum(t.value_max if t.value_max is not None else t.value for t in parts)
        if not (lo - SHARE_TOLERANCE <= 100 <= hi + SHARE_TOLERANCE):
            total = format_number(round(lo, 2)) + (f"-{format_number(round(hi, 2))}" if hi != lo else "")
            out.append(f"{doc.label}: {len(parts)} tỷ trọng ({whole}) năm {year} cộng lại {total}%, "
                       "không xấp xỉ 100%")
    return out


def conflicting_figures(session: Session, *, organisation_id: int | None = None) -> list[dict]:
    """One indicator, unit and year with different targets in different documents."""
    q = (select(Target, TargetIndicator, Indicator, Document)
         .join(TargetIndicator, TargetIndicator.target_id == Target.id)
         .join(Indicator, Indicator.id == TargetIndicator.indicator_id)
         .join(Document, Document.id == Target.document_id)
         .where(Target.superseded.is_(False), Target.status != "deleted", TargetIndicator.organisation_id.is_not(None)))
    if organisation_id is not None:
        q = q.where(TargetIndicator.organisation_id == organisation_id)
    groups: dict[tuple, list] = defaultdict(list)
    for t, link, ind, doc in session.execute(q).all():
        groups[(ind.code, link.organisation_id, t.year)].append((t, doc))
    out = []
    for (code, org_id, year), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0)):
        docs = {doc.id for _, doc in items}
        figures = {(t.comparator, t.value, t.value_max, (t.unit or "").lower()) for t, _ in items}
        if len(docs) > 1 and len(figures) > 1:
            org = session.get(Organisation, org_id)
            out.append({"indicator": code, "organisation": org.code if org else None, "year": year,
                        "figures": [{"document": doc.label, "target": describe(t)} for t, doc in items]})
    return out
