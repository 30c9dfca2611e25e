"""A small cache of the statuses of every tracked target, for the overview and the API.

Judging every target is one vectorised pass (`track.scorecard.target_statuses`), but at tens
of thousands of targets and a million observations it still costs about a second, too slow to
repeat on every page view. The result is kept per day and dropped as soon as anything is
written through the application (every successful POST/PATCH/PUT/DELETE bumps the generation;
see `install`), or after `TTL` seconds so changes made by the CLI show up too.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date

from fastapi import FastAPI, Request
from sqlalchemy.orm import Session

TTL = 60.0     # seconds; writes through the web drop the cache at once


@dataclass
class _Entry:
    generation: int
    as_of: date
    made: float
    value: object


class StatusCache:
    def __init__(self) -> None:
        self.generation = 0
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}

    def bump(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def get(self, name: str, as_of: date, compute):
        entry = self._entries.get(name)
        if entry is not None and entry.generation == self.generation and entry.as_of == as_of \
                and time.monotonic() - entry.made < TTL:
            return entry.value
        generation = self.generation
        value = compute()
        with self._lock:
            if generation == self.generation:
                self._entries[name] = _Entry(generation, as_of, time.monotonic(), value)
        return value


def statuses(request: Request, session: Session, as_of: date):
    """Status of every tracked target at `as_of` (cached)."""
    from ..track.scorecard import target_statuses
    cache: StatusCache = request.app.state.status_cache
    return cache.get("all", as_of, lambda: target_statuses(session, as_of=as_of))


def install(app: FastAPI) -> None:
    app.state.status_cache = StatusCache()

    @app.middleware("http")
    async def _drop_cache_on_write(request: Request, call_next):
        response = await call_next(request)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            app.state.status_cache.bump()
        return response
