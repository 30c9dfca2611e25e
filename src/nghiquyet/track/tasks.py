"""Deadlines as tasks, in the four categories offices report them in.

A task is done on time (`hoàn thành đúng hạn`) or late (`hoàn thành quá hạn`); an open task is
within its term (`chưa hoàn thành trong hạn`) or overdue (`chưa hoàn thành quá hạn`). The owner
is who the document makes responsible ("Ban Tuyên giáo Tỉnh ủy chủ trì"), else the issuer.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.items import active_items
from ..store.models import Deadline, Document
from .models import Task

CATEGORIES = {
    "done_on_time": "hoàn thành đúng hạn",
    "done_late": "hoàn thành quá hạn",
    "open_in_time": "chưa hoàn thành trong hạn",
    "open_overdue": "chưa hoàn thành quá hạn",
}
NO_OWNER = "(chưa giao)"


class TaskError(ValueError):
    """A task operation that cannot be done (unknown task, completion before it existed...)."""


def category(due: date | None, done_on: date | None, today: date) -> str:
    """The office category of a task.

    >>> d = date(2025, 3, 31)
    >>> [category(d, date(2025, 3, 31), date(2025, 5, 1)), category(d, date(2025, 4, 2), date(2025, 5, 1)),
    ...  category(d, None, date(2025, 3, 31)), category(d, None, date(2025, 4, 1))]
    ['done_on_time', 'done_late', 'open_in_time', 'open_overdue']
    >>> category(None, None, date(2030, 1, 1))
    'open_in_time'
    """
    if done_on is not None:
        return "done_on_time" if due is None or done_on <= due else "done_late"
    return "open_in_time" if due is None or today <= due else "open_overdue"


@dataclass
class TaskRow:
    task_id: int
    document_id: int
    document: str
    task: str
    due: date | None
    owner: str
    done_on: date | None
    category: str
    label: str
    note: str | None = None

    def as_dict(self) -> dict:
        d = asdict(self)
        d["due"] = self.due.isoformat() if self.due else None
        d["done_on"] = self.done_on.isoformat() if self.done_on else None
        return d


def sync_tasks(session: Session, *, document_id: int | None = None) -> int:
    """Create a task for every active deadline that has none; returns how many were created."""
    docs = [document_id] if document_id is not None else list(session.scalars(
        select(Document.id).where(Document.placeholder.is_(False))))
    have = set(session.scalars(select(Task.deadline_id)))
    made = 0
    for doc_id in docs:
        doc = session.get(Document, doc_id)
        for d in active_items(session, doc_id, "deadline"):
            if d.id in have:
                continue
            session.add(Task(deadline_id=d.id, owner=(d.responsible or doc.issuer or None)))
            made += 1
    session.flush()
    return made


def _task(session: Session, task_id: int) -> Task:
    t = session.get(Task, task_id)
    if t is None:
        raise TaskError(f"không có nhiệm vụ #{task_id}")
    return t


def complete(session: Session, *, task_id: int, on: date, note: str | None = None) -> Task:
    """Mark a task done on a date."""
    t = _task(session, task_id)
    t.done_on, t.note = on, note if note is not None else t.note
    session.flush()
    return t


def reopen(session: Session, *, task_id: int) -> Task:
    t = _task(session, task_id)
    t.done_on = None
    session.flush()
    return t


def assign(session: Session, *, task_id: int, owner: str) -> Task:
    t = _task(session, task_id)
    t.owner = owner.strip() or None
    session.flush()
    return t


def task_rows(session: Session, *, today: date, document_id: int | None = None,
              owner: str | None = None) -> list[TaskRow]:
    """Every task with its category on `today` (of one document, or one owner)."""
    q = (select(Task, Deadline, Document).join(Deadline, Deadline.id == Task.deadline_id)
         .join(Document, Document.id == Deadline.document_id)
         .where(Deadline.superseded.is_(False), Deadline.status != "deleted")
         .order_by(Deadline.due, Task.id))
    if document_id is not None:
        q = q.where(Document.id == document_id)
    out = []
    for t, d, doc in session.execute(q).all():
        who = t.owner or NO_OWNER
        if owner and owner.casefold() not in who.casefold():
            continue
        c = category(d.due, t.done_on, today)
        out.append(TaskRow(t.id, doc.id, doc.label, d.task, d.due, who, t.done_on, c, CATEGORIES[c], t.note))
    return out


def counts_by_owner(rows: list[TaskRow]) -> dict[str, dict[str, int]]:
    """{owner: {category: n}} with every category present (zeros included), owners sorted."""
    by: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        by[r.owner][r.category] += 1
    return {o: {c: by[o][c] for c in CATEGORIES} for o in sorted(by)}
