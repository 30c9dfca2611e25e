"""A small cache of the statuses of every tracked target, for the overview, pages and the API.

Judging every target is one vectorised pass (`track.scorecard.target_statuses`), but at tens
of thousands of targets and a million observations it costs seconds, too slow to repeat on
every page view. The result is kept, indexed, and:

- dropped as soon as anything is written through the application (every successful
  POST/PATCH/PUT/DELETE bumps the generation; see `install`): the next request recomputes, so
  a person always sees the effect of what they just did;
- refreshed in the background once it is older than `TTL` seconds (changes made by the CLI
  show up), while requests keep getting the previous result meanwhile.
"""
from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from fastapi import FastAPI, Request
from sqlalchemy.orm import Session

# Seconds before a result is refreshed in the background (changes made outside the web
# application, by the CLI, show up after this). Writes through the web drop it at once. The
# refresh judges every target again; at 50,000 targets that takes seconds of CPU shared with
# the requests, hence not more often.
TTL = 600.0


@dataclass
class StatusIndex:
    """Every tracked target's status, with the lookups the pages need."""
    rows: list                                   # track.scorecard.TargetStatus
    dicts: list[dict] = field(default_factory=list)
    by_document: dict[int, list] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    # the same rows as JSON-ready dicts, grouped by what the API filters on
    dicts_by: dict[str, dict] = field(default_factory=dict)
    by_target: dict[int, object] = field(default_factory=dict)
    _json: dict[int, str] = field(default_factory=dict)

    def items_json(self, dicts: list[dict]) -> str:
        """A JSON array of the rows, each with its explanation (`note`); a row's JSON is made
        the first time it is asked for and kept (explaining and encoding cost more than the
        rest of an API request)."""
        parts = []
        for d in dicts:
            tid = d["target_id"]
            text = self._json.get(tid)
            if text is None:
                text = self._json[tid] = json.dumps(
                    {**d, "note": self.by_target[tid].note}, ensure_ascii=False,
                    separators=(",", ":"))
            parts.append(text)
        return "[" + ",".join(parts) + "]"

    @classmethod
    def build(cls, rows: list) -> "StatusIndex":
        from ..track.status import STATUSES
        by_doc: dict[int, list] = defaultdict(list)
        counts = dict.fromkeys(STATUSES, 0)
        # plain field copies (dataclasses.asdict deep-copies: 20 times slower at 50,000 rows)
        dicts = [dict(vars(r)) for r in rows]
        dicts_by: dict[str, dict] = {k: defaultdict(list) for k in
                                     ("document_id", "organisation", "indicator_code", "status")}
        for r, d in zip(rows, dicts):
            by_doc[r.document_id].append(r)
            counts[r.status] += 1
            for k, groups in dicts_by.items():
                groups[d[k]].append(d)
        return cls(rows, dicts, dict(by_doc), counts, {k: dict(v) for k, v in dicts_by.items()},
                   {r.target_id: r for r in rows})


@dataclass
class _Entry:
    generation: int
    key: object
    made: float
    value: object


class StatusCache:
    def __init__(self) -> None:
        self.generation = 0
        self._lock = threading.Lock()
        self._entries: dict[str, _Entry] = {}
        self._refreshing: set[str] = set()

    def bump(self) -> None:
        with self._lock:
            self.generation += 1

    def get(self, name: str, key: object, compute: Callable[[], object],
            background: Callable[[], object] | None = None):
        """The cached value of `name` for `key`; `background` recomputes a stale one in a thread
        (with its own session) while the stale value is served."""
        entry = self._entries.get(name)
        if entry is not None and entry.generation == self.generation and entry.key == key:
            if time.monotonic() - entry.made > TTL and background is not None:
                self._refresh(name, key, background)
            return entry.value
        return self._store(name, key, self.generation, compute())

    def peek(self, name: str, key: object):
        """The cached value if it is current (not stale), else None; never computes."""
        entry = self._entries.get(name)
        if entry is not None and entry.generation == self.generation and entry.key == key \
                and time.monotonic() - entry.made <= TTL:
            return entry.value
        return None

    def _store(self, name, key, generation, value):
        with self._lock:
            if generation == self.generation:
                self._entries[name] = _Entry(generation, key, time.monotonic(), value)
        return value

    def _refresh(self, name, key, compute) -> None:
        with self._lock:
            if name in self._refreshing:
                return
            self._refreshing.add(name)
        generation = self.generation

        def run():
            try:
                self._store(name, key, generation, compute())
            finally:
                self._refreshing.discard(name)
        threading.Thread(target=run, daemon=True, name=f"refresh-{name}").start()


def _compute(session: Session, as_of: date) -> StatusIndex:
    from ..track.scorecard import target_statuses
    return StatusIndex.build(target_statuses(session, as_of=as_of))


def statuses(request: Request, session: Session | None, as_of: date) -> StatusIndex:
    """Status of every tracked target at `as_of` (cached, indexed); `session` is used to
    compute a missing result (a new one is opened when None)."""
    app = request.app
    cache: StatusCache = app.state.status_cache

    def fresh():
        with app.state.sessions() as own:
            return _compute(own, as_of)
    now = (lambda: _compute(session, as_of)) if session is not None else fresh
    return cache.get("statuses", as_of, now, fresh)


def statuses_if_ready(request: Request, as_of: date) -> StatusIndex | None:
    """The current statuses without touching the database, or None (for async routes)."""
    return request.app.state.status_cache.peek("statuses", as_of)


def cached(request: Request, name: str, key: object, compute: Callable[[Session], object]):
    """Any read-only page part, cached like the statuses (`compute` gets its own session; the
    rows it returns are read after the session closed, so they must be loaded already)."""
    app = request.app

    def fresh():
        with app.state.sessions() as own:
            return compute(own)
    return app.state.status_cache.get(name, key, fresh, fresh)


class _DropOnWrite:
    """ASGI middleware: a successful write request bumps the cache generation as its response
    starts (plain ASGI, so reads pay nothing for it)."""

    def __init__(self, app, cache: StatusCache):
        self.app, self.cache = app, cache

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        status = [500]

        # Bump as the response starts: after a POST the browser follows the redirect at once,
        # and that GET must not be served the statuses from before the write (routes that
        # redirect commit first). Bump again at the end, after a commit made by the session
        # dependency's exit, which FastAPI runs once the response has started.
        async def watch(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                if status[0] < 400:
                    self.cache.bump()
            await send(message)
        try:
            await self.app(scope, receive, watch)
        finally:
            if status[0] < 400:
                self.cache.bump()


def install(app: FastAPI) -> None:
    app.state.status_cache = StatusCache()
    app.add_middleware(_DropOnWrite, cache=app.state.status_cache)
