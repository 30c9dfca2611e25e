"""Ingest: files → extraction → stored documents (new, new version, or unchanged).

`ingest_paths` reports each file as an `IngestOutcome`; each file is all-or-nothing,
committed in batches (see `_Batch`). With `workers > 1` the files are read and extracted in
worker processes (`store.prepare`) while this process stores the rows they made, in order,
each through `store.record.store_ready`.
"""
from __future__ import annotations

import gc
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import Extraction
from ..read import ReadError
from . import cascade, index
from .db import refresh_statistics
from .models import DocumentVersion
from .prepare import (MAX_FILE_BYTES, IngestError, Known, check_file, check_text,  # noqa: F401
                      looks_binary, prepared)
from .record import IngestOutcome, ingest_extraction, store_ready

# Files stored per COMMIT (and per FTS5 segment on SQLite): at 3,000 corpus documents 200
# took 6% less CPU than 50 (fewer commits and segment merges); a crash loses 200 files'
# work at most, never part of one.
BATCH_SIZE = 200


@dataclass
class IngestSummary:
    outcomes: list[IngestOutcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def errors(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "error"]

    def totals(self) -> dict[str, int]:
        stored = [o for o in self.outcomes if o.status in ("new", "updated")]
        return {"new": self.count("new"), "updated": self.count("updated"),
                "unchanged": self.count("unchanged"), "errors": self.count("error"),
                "targets": sum(o.targets for o in stored), "results": sum(o.results for o in stored),
                "deadlines": sum(o.deadlines for o in stored)}


# --- ingest -----------------------------------------------------------------------------

def ingest_paths(session: Session, *, paths: Iterable[Path],
                 progress: Callable[[IngestOutcome], None] | None = None,
                 extract: Callable[[Path], Extraction] | None = None,
                 workers: int = 1, batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Ingest files, each all-or-nothing, with a commit per `batch_size` stored files
    (committing each file alone cost more than storing it). A file failing half-way leaves
    nothing of itself and is reported (`_Batch`); a crash loses at most the uncommitted
    batch, never part of a document. `progress` sees each outcome once its batch is committed.

    `workers > 1` extracts in that many processes (only with the default extractor).
    """
    summary = IngestSummary()
    batch = _Batch(session, summary, progress)
    with _fewer_collections():
        for path, ready in prepared(session, list(paths), extract, workers):
            batch.add(_store_prepared(batch, path, ready))
            if batch.stored >= batch_size:
                batch.commit()
        batch.commit()
    if summary.count("new") or summary.count("updated"):
        settle_cascade(session)
    return summary


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cyclic garbage collector less often while storing. Each file's rows are
    thousands of short-lived tuples, which set off a young-generation collection every 700
    allocations (and an older one every ten of those): 0.2-0.3 ms of CPU per document, 5% of
    the storing process. They are freed by reference counting anyway."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 20_000), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


class _Batch:
    """Outcomes stored in the open transaction, reported once it is committed.

    Files are stored with no savepoint of their own: a SAVEPOINT and its RELEASE per file
    (and the page copies SQLite keeps to roll one back) cost 0.5-0.9 ms of a 5 ms document.
    When a file fails half-way, the batch is rolled back and its earlier files are stored
    again, from then on each in a savepoint: so a failing file still leaves nothing of
    itself and everything of the others, at the price of one replay per batch that has one.
    """

    def __init__(self, session: Session, summary: IngestSummary, progress) -> None:  # noqa: ANN001
        self.session, self.summary, self.progress = session, summary, progress
        self.outcomes: list[IngestOutcome] = []
        # (position in `outcomes`, path, prepared rows) of each file stored in the open
        # transaction (or found there unchanged: its document's id may change when it is
        # stored again, PostgreSQL's sequences do not roll back), to store again if a later
        # file fails half-way.
        self.done: list[tuple[int, Path, tuple]] = []
        self.stored = 0               # of them, new documents and new versions
        self.careful = False          # a savepoint per file (after a failure in this batch)
        self.open = False
        self.index: index.PendingIndex | None = None   # FTS5 rows held until the commit
        # Planner statistics are refreshed as the library grows (200, 800, 3,200... files):
        # a plan made for an empty library scans once it holds thousands of documents.
        self.committed, self.analyze_at = 0, 200

    def begin(self) -> None:
        """Open the batch's transaction. pysqlite starts none before the first write (a
        SAVEPOINT would start, and its RELEASE commit, one per file): BEGIN it here."""
        if self.open:
            return
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":
            driver = conn.connection.driver_connection
            if not driver.in_transaction:
                driver.execute("BEGIN IMMEDIATE")
        self.index = index.defer_index(self.session)
        self.open = True

    def store(self, path: Path, ready: tuple, at: int | None = None) -> IngestOutcome:
        """Store one prepared file (hash, size, rows) in the batch's transaction; `at`: its
        place in `outcomes` when it is there already (stored again)."""
        self.begin()
        if self.index is not None:
            self.index.mark()
        file_hash, size, rows = ready
        try:
            if self.careful:
                with self.session.begin_nested():
                    outcome = store_ready(self.session, ready=rows, file_hash=file_hash,
                                          size=size, source_path=str(Path(path).resolve()))
            else:
                outcome = store_ready(self.session, ready=rows, file_hash=file_hash,
                                      size=size, source_path=str(Path(path).resolve()))
        except Exception as e:  # a bug on one file must not stop the batch or leave half of it
            outcome = IngestOutcome(str(path), "error", message=f"{path}: lỗi khi lưu "
                                                                 f"(failed): {type(e).__name__}: {e}")
            if not self.careful:
                self.replay()
            elif not _transaction_alive(self.session):
                self.lost(RuntimeError("giao dịch bị hủy (transaction aborted)"))
            elif self.index is not None:
                self.index.rollback()
            return outcome
        self.done.append((len(self.outcomes) if at is None else at, path, ready))
        if outcome.status in ("new", "updated"):
            self.stored += 1
        return outcome

    def replay(self) -> None:
        """A file failed half-way outside a savepoint: roll the batch back and store its
        files again, each in a savepoint from now on."""
        self.session.rollback()
        index.drop_index(self.session)
        self.open, self.index, self.careful = False, None, True
        done, self.done, self.stored = self.done, [], 0
        for i, path, ready in done:
            self.outcomes[i] = self.store(path, ready, at=i)

    def add(self, outcome: IngestOutcome) -> None:
        self.outcomes.append(outcome)

    def lost(self, error: BaseException) -> None:
        """The transaction is gone (a failed COMMIT, or SQLite rolled it all back): nothing
        of this batch was stored, so each of its documents is reported as an error."""
        self.session.rollback()
        index.drop_index(self.session)
        self.open, self.index = False, None
        for i, _, _ in self.done:
            o = self.outcomes[i] if i < len(self.outcomes) else None
            if o is not None and o.status in ("new", "updated"):
                self.outcomes[i] = IngestOutcome(
                    o.path, "error", message=f"{o.path}: lỗi khi lưu (failed): "
                                             f"{type(error).__name__}: {error}")
        self.done, self.stored = [], 0

    def commit(self) -> None:
        if self.open:
            stored = self.stored
            try:
                index.flush_index(self.session, keep=False)
                self.session.commit()
            except Exception as e:  # noqa: BLE001 - reported per file below
                self.lost(e)
                stored = 0
            self.committed += stored
            if self.committed >= self.analyze_at:
                self.analyze_at *= 4
                try:
                    refresh_statistics(self.session)
                    self.session.commit()
                except Exception:  # noqa: BLE001 - only speed is at stake
                    self.session.rollback()
        self.open, self.index, self.careful = False, None, False
        for o in self.outcomes:
            self.summary.outcomes.append(o)
            if self.progress:
                self.progress(o)
        self.outcomes, self.done, self.stored = [], [], 0


def _store_prepared(batch: _Batch, path: Path, ready) -> IngestOutcome:  # noqa: ANN001
    """Store one prepared file (or report it: unchanged, or not extracted)."""
    if isinstance(ready, Known):
        return IngestOutcome(str(path), "unchanged", ready.document_id)
    if isinstance(ready, (IngestError, ReadError)):
        return IngestOutcome(str(path), "error", message=str(ready))
    if isinstance(ready, BaseException):
        return IngestOutcome(str(path), "error", message=f"{path}: lỗi khi lưu (failed): "
                                                           f"{type(ready).__name__}: {ready}")
    return batch.store(path, ready)


def _transaction_alive(session: Session) -> bool:
    """False when the database dropped the whole transaction after an error (SQLite does on
    some I/O errors): the batch's earlier files are then lost too."""
    try:
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            return bool(conn.connection.driver_connection.in_transaction)
        return True
    except Exception:  # noqa: BLE001
        return False


def settle_cascade(session: Session) -> None:
    """Re-run inference over the whole library in its own transaction, so the result does not
    depend on the order the documents came in (a document stored before the one citing it).
    A failure here loses no stored document: the per-document links stay as they were."""
    try:
        cascade.reinfer_all(session)
        session.commit()
    except Exception:  # noqa: BLE001 - the documents are stored; the pass can be re-run
        session.rollback()
    try:
        index.settle_index(session)
        session.commit()
    except Exception:  # noqa: BLE001 - only speed is at stake (autovacuum does it later)
        session.rollback()


def ingest_file(session: Session, *, path: Path,
                extract: Callable[[Path], Extraction] | None = None) -> IngestOutcome:
    """Read, extract and store one file inside the caller's transaction (no commit).

    `extract` defaults to `nghiquyet.extract.extract_file`.
    """
    path = Path(path)
    raw, size = check_file(path)
    file_hash = hashlib.sha256(raw).hexdigest()
    known = session.scalars(select(DocumentVersion).where(
        DocumentVersion.file_hash == file_hash).limit(1)).first()
    if known is not None:
        return IngestOutcome(str(path), "unchanged", known.document_id)
    if extract is None:
        from ..extract import extract_file as extract
    extraction = extract(path)
    check_text(path, extraction)
    outcome = ingest_extraction(session, extraction=extraction, file_hash=file_hash, size=size,
                                source_path=str(path.resolve()), hash_checked=True)
    cascade.reinfer_all(session)      # same library whatever order single files arrive in
    return outcome
