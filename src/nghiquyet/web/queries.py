"""Read-only queries the pages need and no service offers yet (listing, paging, counting).

They decide nothing: which rows exist, in which order, how many. Rules (statuses, task
categories, matching) stay in `store` and `track`.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..store.models import Deadline, Document
from ..track.models import (DocumentOrganisation, Indicator, Observation, Organisation, Task,
                            TargetIndicator)


def latest_documents(session: Session, limit: int = 8) -> list[Document]:
    """The newest documents by date (then by id), without loading the whole library."""
    when = func.coalesce(Document.date, Document.date_inferred)
    return list(session.scalars(select(Document).where(Document.placeholder.is_(False))
                                .order_by(when.desc().nulls_last(), Document.id.desc())
                                .limit(limit)))


def document_page(session: Session, *, kind: str | None = None, limit: int = 50,
                  offset: int = 0) -> list[Document]:
    """One page of the library, newest first, paged in the database (the library's
    `list_documents` filters in Python, which the issuer and year filters need)."""
    when = func.coalesce(Document.date, Document.date_inferred)
    q = select(Document).where(Document.placeholder.is_(False))
    if kind:
        q = q.where(Document.kind == kind)
    return list(session.scalars(q.order_by(when.desc().nulls_last(), Document.id.desc())
                                .limit(limit).offset(offset)))


def confirmed_documents(session: Session, limit: int = 12) -> list[Document]:
    when = func.coalesce(Document.date, Document.date_inferred)
    return list(session.scalars(select(Document).where(
        Document.placeholder.is_(False), Document.status == "confirmed")
        .order_by(when.desc().nulls_last(), Document.id.desc()).limit(limit)))


def document_counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(Document.status, func.count()).where(
        Document.placeholder.is_(False)).group_by(Document.status)).all()
    return {status: n for status, n in rows}


def deadline_rows(session: Session, *, due_from: date | None = None, due_to: date | None = None,
                  open_only: bool = False, done_only: bool = False, owner: str | None = None,
                  limit: int = 200, offset: int = 0):
    """(Deadline, Document, Task | None) rows of live deadlines, soonest first."""
    q = (select(Deadline, Document, Task)
         .join(Document, Document.id == Deadline.document_id)
         .outerjoin(Task, Task.deadline_id == Deadline.id)
         .where(Deadline.superseded.is_(False), Deadline.status != "deleted",
                Deadline.due.is_not(None)))
    if due_from is not None:
        q = q.where(Deadline.due >= due_from)
    if due_to is not None:
        q = q.where(Deadline.due <= due_to)
    if open_only:
        q = q.where(Task.done_on.is_(None))
    if done_only:
        q = q.where(Task.done_on.is_not(None))
    if owner:
        like = f"%{owner.strip()}%"
        q = q.where(func.coalesce(Task.owner, Deadline.responsible).ilike(like))
    q = q.order_by(Deadline.due, Deadline.id).limit(limit).offset(offset)
    return [tuple(r) for r in session.execute(q).all()]


def overdue(session: Session, today: date, limit: int = 10, **kw):
    return deadline_rows(session, due_to=today - timedelta(days=1), open_only=True, limit=limit,
                         **kw)


def due_soon(session: Session, today: date, days: int = 30, limit: int = 10):
    return deadline_rows(session, due_from=today, due_to=today + timedelta(days=days),
                         open_only=True, limit=limit)


def owners(session: Session) -> list[str]:
    rows = session.execute(select(func.coalesce(Task.owner, Deadline.responsible)).select_from(
        Deadline).outerjoin(Task, Task.deadline_id == Deadline.id).where(
        Deadline.superseded.is_(False), Deadline.status != "deleted").distinct()).scalars()
    return sorted({r for r in rows if r})


def indicators_with_counts(session: Session) -> list[tuple[Indicator, int, int]]:
    """(indicator, targets linked, observations) for indicators that have either."""
    targets = (select(TargetIndicator.indicator_id, func.count().label("n"))
               .group_by(TargetIndicator.indicator_id).subquery())
    obs = (select(Observation.indicator_id, func.count().label("n"))
           .group_by(Observation.indicator_id).subquery())
    q = (select(Indicator, func.coalesce(targets.c.n, 0), func.coalesce(obs.c.n, 0))
         .outerjoin(targets, targets.c.indicator_id == Indicator.id)
         .outerjoin(obs, obs.c.indicator_id == Indicator.id)
         .order_by(func.coalesce(targets.c.n, 0).desc(), Indicator.name))
    return [tuple(r) for r in session.execute(q).all()]


def organisation_documents(session: Session, organisation_id: int) -> list[Document]:
    ids = select(DocumentOrganisation.document_id).join(
        Organisation, Organisation.id == DocumentOrganisation.organisation_id).where(
        (Organisation.id == organisation_id) | (Organisation.parent_id == organisation_id))
    return list(session.scalars(select(Document).where(Document.id.in_(ids))
                                .order_by(Document.id.desc()).limit(200)))


def tracked_organisations(session: Session) -> list[tuple[Organisation, int]]:
    """Units that have targets or figures, with how many targets concern them."""
    targets = (select(TargetIndicator.organisation_id, func.count().label("n"))
               .group_by(TargetIndicator.organisation_id).subquery())
    with_obs = select(Observation.organisation_id).distinct()
    q = (select(Organisation, func.coalesce(targets.c.n, 0))
         .outerjoin(targets, targets.c.organisation_id == Organisation.id)
         .where((targets.c.n > 0) | Organisation.id.in_(with_obs))
         .order_by(Organisation.level, Organisation.name))
    return [tuple(r) for r in session.execute(q).all()]
