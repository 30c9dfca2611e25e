"""Deadlines as tasks, until `track` offers the task service issue 4 describes.

The four categories offices report are computed from the due date, the day a task was done and
today; marking a task done writes one `tasks` row. When `track.tasks` lands, the routes should
call it instead and this module goes away.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Deadline
from ..track.models import Task


def category(deadline: Deadline, task: Task | None, today: date) -> str:
    """done_on_time | done_late | open_on_time | open_overdue.

    >>> d = Deadline(due=date(2025, 6, 30))
    >>> category(d, None, date(2025, 6, 30)), category(d, None, date(2025, 7, 1))
    ('open_on_time', 'open_overdue')
    >>> category(d, Task(done_on=date(2025, 6, 1)), date(2026, 1, 1))
    'done_on_time'
    >>> category(d, Task(done_on=date(2025, 7, 2)), date(2026, 1, 1))
    'done_late'
    """
    done = task.done_on if task is not None else None
    if done is not None:
        return "done_on_time" if deadline.due is None or done <= deadline.due else "done_late"
    if deadline.due is not None and deadline.due < today:
        return "open_overdue"
    return "open_on_time"


def mark_done(session: Session, *, deadline_id: int, on: date) -> tuple[Deadline, Task]:
    deadline = session.get(Deadline, deadline_id)
    if deadline is None or deadline.superseded or deadline.status == "deleted":
        raise LookupError(f"không có thời hạn #{deadline_id}")
    task = session.scalar(select(Task).where(Task.deadline_id == deadline_id))
    if task is None:
        task = Task(deadline_id=deadline_id, owner=deadline.responsible)
        session.add(task)
    task.done_on = task.done_on or on
    session.flush()
    return deadline, task
