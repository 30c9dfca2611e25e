"""Preparing files for ingest: size and type checks, hashes, extraction (in worker processes).

`prepared` yields, in the order of the paths, what the storing side needs for each file: an
outcome already known (unchanged content), an exception to report, or the rows of its
extraction (`rows.Ready`), built in the worker so the storing process (which shares 2 cores
with the workers) only inserts.
"""
from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Iterator, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..model import Extraction
from ..read import ReadError
from .models import DocumentVersion
from .rows import contract_json, ready_rows  # noqa: F401  (contract_json: tests find it here)

# Official documents are far smaller; a bigger file is almost surely not one (a scan, a dump).
MAX_FILE_BYTES = 20 * 1024 * 1024


class IngestError(Exception):
    """A file that cannot be stored; the message names the file and the reason."""


# Control characters (Unicode category Cc) other than \t \n \f \r, and the replacement
# character a failed decoding leaves. A regex counts them at C speed: a loop asking
# unicodedata.category of every character cost 1.4 ms per document.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def looks_binary(text: str) -> bool:
    """True when decoded "text" is mostly control characters (a binary file renamed .txt).

    >>> looks_binary("Nghị quyết số 26-NQ/TW\\n")
    False
    >>> looks_binary("\\x00\\x01\\x02PK\\x03\\x04" * 20)
    True
    """
    sample = text[:20000]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > 0.02


class Known(NamedTuple):
    """A file whose exact content is already stored, as a version of this document."""
    document_id: int


def prepared(session: Session, paths: list[Path], extract, workers: int) -> Iterator:  # noqa: ANN001
    """(path, Known | exception | (hash, size, `rows.Ready`)), in the order of `paths`.
    Unchanged files are recognised by hash before anything is extracted. The folded text
    is made for PostgreSQL only: FTS5 folds itself."""
    hashed: list[tuple[int, Path, str, int]] = []
    early: dict[int, object] = {}
    for i, path in enumerate(paths):
        try:
            raw, size = check_file(path)
        except IngestError as e:
            early[i] = e
            continue
        hashed.append((i, path, hashlib.sha256(raw).hexdigest(), size))
    known = known_hashes(session, [h for _, _, h, _ in hashed])
    session.rollback()                # end the read-only transaction of the hash lookups
    todo: list[tuple[Path, str, int]] = []
    for i, path, file_hash, size in hashed:
        if file_hash in known:
            early[i] = Known(known[file_hash])
        else:
            todo.append((path, file_hash, size))
    sqlite = session.get_bind().dialect.name == "sqlite"
    work = partial(_extract_safely, fold=not sqlite, utf8=sqlite)
    if workers > 1 and extract is None and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=workers, initializer=_yield_to_storing) as pool:
            results = pool.map(work, [p for p, _, _ in todo], chunksize=4)
            yield from _merge(paths, early, todo, results)
    else:
        yield from _merge(paths, early, todo, (work(p, extract) for p, _, _ in todo))


def _yield_to_storing() -> None:
    """Run in each extraction worker: give way to the storing process. Storing is the one
    serial step; with two workers and the storer sharing 2 cores at equal priority it got two
    thirds of a core, and ingest ran at that pace while the workers ran ahead."""
    try:
        os.nice(10)
    except (AttributeError, OSError):     # no nice() on this system, or not allowed
        pass


def known_hashes(session: Session, hashes: list[str]) -> dict[str, int]:
    """file hash → the document already holding a version with it, for those stored.
    One query per 500 hashes (a query per file cost more than hashing the file)."""
    known: dict[str, int] = {}
    unique = sorted(set(hashes))
    for i in range(0, len(unique), 500):
        for file_hash, document_id in session.execute(
                select(DocumentVersion.file_hash, DocumentVersion.document_id)
                .where(DocumentVersion.file_hash.in_(unique[i:i + 500]))
                .order_by(DocumentVersion.id)):
            known.setdefault(file_hash, document_id)
    return known


def _merge(paths, early, todo, results) -> Iterator:  # noqa: ANN001
    # Files are yielded in input order; the extracted ones in the order of `todo`.
    results = iter(results)
    todo_iter = iter(todo)
    for i, path in enumerate(paths):
        if i in early:
            yield path, early[i]
            continue
        _, file_hash, size = next(todo_iter)
        x = next(results)
        yield path, x if isinstance(x, BaseException) else (file_hash, size, x)


def _extract_safely(path: Path, extract=None, fold: bool = True,  # noqa: ANN001, ANN202
                    utf8: bool = False):
    """Extract and check one file; an exception is returned, not raised (it crosses processes).
    `fold`, `utf8`: see `rows.ready_rows`."""
    try:
        if extract is None:
            from ..extract import extract_file as extract
        x = extract(path)
        check_text(path, x)
        # Every row is built here too: in a worker it costs the storing process nothing,
        # and the rows cross to it faster than the extraction would.
        return ready_rows(x, fold=fold, utf8=utf8)
    except (IngestError, ReadError) as e:
        return IngestError(str(e))
    except Exception as e:  # noqa: BLE001
        return IngestError(f"{path}: lỗi khi trích xuất (extraction failed): "
                           f"{type(e).__name__}: {e}")


def check_file(path: Path) -> tuple[bytes, int]:
    """The bytes and size of a file that may be a document, or an IngestError saying why not."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise IngestError(f"{path}: không đọc được tệp ({e.strerror or e})") from None
    if size == 0:
        raise IngestError(f"{path}: tệp rỗng (empty file)")
    if size > MAX_FILE_BYTES:
        raise IngestError(f"{path}: tệp quá lớn ({size / 1048576:.0f} MB > giới hạn "
                          f"{MAX_FILE_BYTES // 1048576} MB; file too large)")
    try:
        return path.read_bytes(), size
    except OSError as e:
        raise IngestError(f"{path}: không đọc được tệp ({e.strerror or e})") from None


def check_text(path: Path, x: Extraction) -> None:
    if not x.text.strip():
        raise IngestError(f"{path}: không có nội dung văn bản (no text in the file)")
    if looks_binary(x.text):
        raise IngestError(f"{path}: không phải văn bản, có vẻ là tệp nhị phân (binary file?)")


