"""Deadlines as tasks: a thin adapter from the pages' rows to `track.tasks`."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Deadline
from ..track import tasks as track_tasks
from ..track.models import Task


def category(deadline: Deadline, task: Task | None, today: date) -> str:
    """The office category of a deadline's task (`track.tasks.category`)."""
    return track_tasks.category(deadline.due, task.done_on if task is not None else None, today)


def mark_done(session: Session, *, deadline_id: int, on: date) -> tuple[Deadline, Task]:
    """Complete the task of a deadline (its task is created first if tracking has none yet)."""
    deadline = session.get(Deadline, deadline_id)
    if deadline is None or deadline.superseded or deadline.status == "deleted":
        raise LookupError(f"không có thời hạn #{deadline_id}")
    task = session.scalar(select(Task).where(Task.deadline_id == deadline_id))
    if task is None:
        track_tasks.sync_tasks(session, document_id=deadline.document_id)
        task = session.scalar(select(Task).where(Task.deadline_id == deadline_id))
    if task.done_on is None:
        track_tasks.complete(session, task_id=task.id, on=on)
    return deadline, task
