"""From a stored document to tracked commitments.

`track_document` links the document to its issuer and the unit it concerns (`orgs`), links each
target to a catalogue indicator (`catalogue.match`; an unmatched one is proposed as a new
indicator awaiting review), and turns its results into observations of that unit. It can run
again after a correction or a new version: confirmed links are kept, the rest recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from ..store.items import active_items
from ..store.models import Document
from . import catalogue as cat
from .models import Indicator, IndicatorAlias, Observation, TargetIndicator
from .observations import refresh_years
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
    fields = lambda i: dict(name=i.name, unit=i.unit, direction=i.direction, nature=i.nature,  # noqa: E731
                            group=i.group, of_code=i.of)
    new = [dict(code=i.code, origin="catalogue", reviewed=True, **fields(i)) for i in shipped if i.code not in rows]
    if new:   # bulk: every new database gets the whole catalogue
        session.execute(insert(Indicator), new)
    for i in shipped:
        if i.code in rows:
            for k, v in fields(i).items():
                setattr(rows[i.code], k, v)
    session.flush()
    ids = dict(session.execute(select(Indicator.code, Indicator.id)).all())
    have = set(session.execute(select(IndicatorAlias.indicator_id, IndicatorAlias.alias_key)).all())
    aliases = []
    for i in shipped:
        for alias in i.aliases:
            pair = (ids[i.code], cat.key(alias))
            if pair not in have:
                have.add(pair)
                aliases.append(dict(indicator_id=pair[0], alias=alias, alias_key=pair[1]))
    if aliases:
        session.execute(insert(IndicatorAlias), aliases)
    rows = {i.code: i for i in session.scalars(select(Indicator))}
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
        values = dict(indicator_id=ind.id, score=score, method=method,
                      organisation_id=unit.id if unit else None)
        if link is None:
            session.add(TargetIndicator(target_id=t.id, **values))
        else:
            for k, v in values.items():
                setattr(link, k, v)
    # targets that disappeared (deleted in review) lose their link through the FK cascade
    session.flush()

    # results → observations of the unit (replaced as a whole: the document is their source)
    touched = set(session.execute(select(Observation.indicator_id, Observation.organisation_id,
                                         Observation.year).where(Observation.document_id == document_id,
                                                                 Observation.source == "document")).all())
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
                touched.add((rows[m.code].id, unit.id, r.year))
    refresh_years(session, touched)
    return report


def ensure_tracked(session: Session, *, document_id: int | None = None) -> list[TrackReport]:
    """Track the documents (one, or all real ones) that have targets not linked yet, or results
    and no observations from them (two set queries, whatever the size of the library)."""
    from sqlalchemy import exists
    from ..store.models import Result, Target
    live_t = (Target.superseded.is_(False), Target.status != "deleted")
    live_r = (Result.superseded.is_(False), Result.status != "deleted")
    q1 = select(Target.document_id).where(*live_t, ~exists().where(TargetIndicator.target_id == Target.id))
    q2 = select(Result.document_id).where(*live_r, ~exists().where(Observation.document_id == Result.document_id))
    if document_id is not None:
        q1, q2 = q1.where(Target.document_id == document_id), q2.where(Result.document_id == document_id)
    ids = sorted(set(session.scalars(q1.distinct())) | set(session.scalars(q2.distinct())))
    return [track_document(session, document_id=i) for i in ids]


def indicator_usage(session: Session, *, query: str | None = None, group: str | None = None,
                    proposed: bool | None = None) -> list[tuple[Indicator, int]]:
    """Indicators with how many stored targets each carries (most used first, then by code)."""
    from sqlalchemy import func
    sync_catalogue(session)
    n = func.count(TargetIndicator.id)
    q = (select(Indicator, n).outerjoin(TargetIndicator, TargetIndicator.indicator_id == Indicator.id)
         .group_by(Indicator.id).order_by(n.desc(), Indicator.code))
    if group:
        q = q.where(Indicator.group == group)
    if proposed is not None:
        q = q.where(Indicator.origin == "proposed") if proposed else q.where(Indicator.origin != "proposed")
    rows = [(i, c) for i, c in session.execute(q).all()]
    if query:
        k = cat.key(query)
        rows = [(i, c) for i, c in rows if k in cat.key(i.name) or k in cat.key(i.code.replace("_", " "))
                or any(k in a.alias_key for a in i.aliases)]
    return rows


def review_indicator(session: Session, *, code: str, accept: bool = True, merge_into: str | None = None) -> Indicator | None:
    """Accept a proposed indicator into the catalogue, or merge it into an existing one
    (its targets and aliases move there, and the proposal is removed)."""
    row = session.scalar(select(Indicator).where(Indicator.code == code))
    if row is None:
        raise LookupError(f"không có chỉ tiêu {code}")
    if merge_into:
        target = session.scalar(select(Indicator).where(Indicator.code == merge_into))
        if target is None:
            raise LookupError(f"không có chỉ tiêu {merge_into}")
        for link in session.scalars(select(TargetIndicator).where(TargetIndicator.indicator_id == row.id)):
            link.indicator_id, link.method, link.confirmed = target.id, "manual", True
        keys = {a.alias_key for a in target.aliases}
        for a in row.aliases:
            if a.alias_key not in keys:
                target.aliases.append(IndicatorAlias(alias=a.alias, alias_key=a.alias_key))
        session.flush()
        session.execute(delete(Observation).where(Observation.indicator_id == row.id))
        session.delete(row)
        session.flush()
        return target
    row.reviewed = accept
    row.origin = "user" if accept else row.origin
    session.flush()
    return row
