"""From a stored document to tracked commitments.

`track_document` links the document to its issuer and the unit it concerns (`orgs`), links each
target to a catalogue indicator (`catalogue.match`; an unmatched one is proposed as a new
indicator awaiting review), and turns its results into observations of that unit. It can run
again after a correction or a new version: confirmed links are kept, the rest recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..store.items import active_items
from ..store.models import Document
from . import catalogue as cat
from .models import Indicator, IndicatorAlias, Observation, TargetIndicator
from .orgs import link_document


@dataclass
class TrackReport:
    document_id: int
    organisation: str | None = None
    linked: int = 0
    proposed: list[str] = field(default_factory=list)
    observations: int = 0
    unmatched_results: list[str] = field(default_factory=list)


def sync_catalogue(session: Session) -> dict[str, Indicator]:
    """The shipped catalogue written into `indicators` (new entries added, names refreshed)."""
    rows = {i.code: i for i in session.scalars(select(Indicator))}
    shipped = cat.load_catalogue()
    if all(i.code in rows for i in shipped):
        return rows
    for ind in shipped:
        row = rows.get(ind.code)
        if row is None:
            row = Indicator(code=ind.code, origin="catalogue", reviewed=True)
            session.add(row)
            rows[ind.code] = row
        row.name, row.unit, row.direction, row.nature = ind.name, ind.unit, ind.direction, ind.nature
        row.group, row.of_code = ind.group, ind.of
        keys = {a.alias_key for a in row.aliases}
        for alias in ind.aliases:
            k = cat.key(alias)
            if k not in keys:
                keys.add(k)
                row.aliases.append(IndicatorAlias(alias=alias, alias_key=k))
    session.flush()
    return rows


def as_catalogue_indicator(row: Indicator) -> cat.Indicator:
    return cat.Indicator(code=row.code, name=row.name, unit=row.unit, direction=row.direction,
                         nature=row.nature, group=row.group,
                         aliases=tuple(a.alias for a in row.aliases), of=row.of_code)


def db_catalogue(session: Session) -> cat.Catalogue:
    """The shipped catalogue plus reviewed indicators added in the database."""
    extra = session.scalars(select(Indicator).where(Indicator.origin != "catalogue",
                                                    Indicator.reviewed.is_(True)))
    return cat.with_extra(as_catalogue_indicator(r) for r in extra)


def _proposal(session: Session, rows: dict[str, Indicator], text: str, unit: str | None) -> Indicator:
    p = cat.load_catalogue().propose(text, unit)
    row = rows.get(p.code)
    if row is None:
        row = Indicator(code=p.code, name=p.name, unit=p.unit, direction=p.direction, nature=p.nature,
                        origin="proposed", reviewed=False)
        row.aliases.append(IndicatorAlias(alias=text, alias_key=cat.key(text)))
        session.add(row)
        session.flush()
        rows[p.code] = row
    return row


def track_document(session: Session, *, document_id: int, propose: bool = True) -> TrackReport:
    """Link a document's targets to indicators and its results to observations (idempotent)."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise LookupError(f"không có văn bản #{document_id}")
    rows = sync_catalogue(session)
    catalogue = db_catalogue(session)
    unit = link_document(session, document=doc)
    report = TrackReport(document_id, unit.code if unit else None)

    targets = active_items(session, document_id, "target")
    existing = {l.target_id: l for l in session.scalars(select(TargetIndicator).where(
        TargetIndicator.target_id.in_([t.id for t in targets])))} if targets else {}
    for t in targets:
        link = existing.get(t.id)
        if link is not None and link.confirmed:
            link.organisation_id = link.organisation_id or (unit.id if unit else None)
            report.linked += 1
            continue
        m = catalogue.match(t.indicator, t.unit)
        if m is None and not propose:
            if link is not None:
                session.delete(link)
            continue
        if m is None:
            ind = _proposal(session, rows, t.indicator, t.unit)
            report.proposed.append(ind.code)
            score, method = 0.0, "proposed"
        else:
            ind, score, method = rows[m.code], m.score, m.method
            report.linked += 1
        if link is None:
            link = TargetIndicator(target_id=t.id)
            session.add(link)
        link.indicator_id, link.score, link.method = ind.id, score, method
        link.organisation_id = unit.id if unit else None
    # targets that disappeared (deleted in review) lose their link through the FK cascade
    session.flush()

    # results → observations of the unit (replaced as a whole: the document is their source)
    session.execute(delete(Observation).where(Observation.document_id == document_id,
                                              Observation.source == "document"))
    if unit is not None:
        for r in active_items(session, document_id, "result"):
            m = catalogue.match(r.indicator, r.unit)
            if m is None or r.value is None or not r.year:
                report.unmatched_results.append(r.indicator)
                continue
            ind = catalogue.get(m.code)
            value = catalogue.convert(r.value, r.unit, ind.unit)
            is_multiple = (r.unit or "").strip().lower() == "lần" and ind.unit != "lần"
            if value is None or is_multiple:   # "tăng 6,72 lần": a ratio, not the figure itself
                report.unmatched_results.append(r.indicator)
                continue
            kind = "estimate" if r.estimate else "actual"
            add = [(kind, value)]
            if r.planned is not None:
                planned = catalogue.convert(r.planned, r.unit, ind.unit)
                if planned is not None:
                    add.append(("planned", planned))
            for k, v in add:
                session.add(Observation(
                    indicator_id=rows[m.code].id, organisation_id=unit.id, period_type="year",
                    period_start=date(r.year, 1, 1), period_end=date(r.year, 12, 31), year=r.year,
                    value=v, kind=k, source="document", document_id=document_id, result_id=r.id,
                    source_ref=doc.label))
                report.observations += 1
    session.flush()
    return report
