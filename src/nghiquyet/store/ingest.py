"""Ingest: files → extraction → one transaction per document (new, new version, or unchanged).

`ingest_paths` reports each file as an `IngestOutcome`; a failing file is rolled back alone.
With `workers > 1` the files are read and extracted in worker processes while this process
stores them in order, since extraction is CPU-bound and storing waits on the database.
"""
from __future__ import annotations

import hashlib
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..model import Extraction
from ..read import ReadError
from . import cascade, search
from .items import insert_items, insert_rows, sync_items
from .keys import symbol_key
from .models import Citation, Document, DocumentVersion, OutlineSection

# Official documents are far smaller; a bigger file is almost surely not one (a scan, a dump).
MAX_FILE_BYTES = 20 * 1024 * 1024


class IngestError(Exception):
    """A file that cannot be stored; the message names the file and the reason."""


@dataclass
class IngestOutcome:
    path: str
    status: str                       # new | updated | unchanged | error
    document_id: int | None = None
    message: str = ""
    targets: int = 0
    results: int = 0
    deadlines: int = 0


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


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


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
    bad = sum(1 for c in sample if c == "\ufffd" or (unicodedata.category(c) == "Cc"
                                                      and c not in "\n\t\r\f"))
    return bad / len(sample) > 0.02


# --- ingest -----------------------------------------------------------------------------

def ingest_paths(session: Session, *, paths: Iterable[Path],
                 progress: Callable[[IngestOutcome], None] | None = None,
                 extract: Callable[[Path], Extraction] | None = None,
                 workers: int = 1) -> IngestSummary:
    """Ingest files one transaction each (commit or roll back per file).

    `workers > 1` extracts in that many processes (only with the default extractor).
    """
    summary = IngestSummary()
    for path, prepared in _prepared(session, list(paths), extract, workers):
        try:
            if isinstance(prepared, IngestOutcome):
                outcome = prepared
            else:
                if isinstance(prepared, BaseException):
                    raise prepared
                file_hash, size, (extraction, contract, folded) = prepared
                outcome = ingest_extraction(session, extraction=extraction, file_hash=file_hash,
                                            size=size, source_path=str(Path(path).resolve()),
                                            contract=contract, folded=folded)
            session.commit()
        except (IngestError, ReadError) as e:
            session.rollback()
            outcome = IngestOutcome(str(path), "error", message=str(e))
        except Exception as e:  # a bug on one file must not stop the batch or leave half of it
            session.rollback()
            outcome = IngestOutcome(str(path), "error",
                                    message=f"{path}: lỗi khi lưu (failed): {type(e).__name__}: {e}")
        summary.outcomes.append(outcome)
        if progress:
            progress(outcome)
    if summary.count("new") or summary.count("updated"):
        settle_cascade(session)
    return summary


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
        search.settle_index(session)
        session.commit()
    except Exception:  # noqa: BLE001 - only speed is at stake (autovacuum does it later)
        session.rollback()


def _prepared(session: Session, paths: list[Path], extract, workers: int) -> Iterator:  # noqa: ANN001
    """(path, outcome | exception | (hash, size, extraction)) in the order of `paths`.

    Unchanged files are recognised by hash before anything is extracted."""
    todo: list[tuple[Path, str, int]] = []
    early: dict[int, object] = {}
    for i, path in enumerate(paths):
        try:
            raw, size = check_file(path)
        except IngestError as e:
            early[i] = e
            continue
        file_hash = hashlib.sha256(raw).hexdigest()
        known = session.scalars(select(DocumentVersion.document_id).where(
            DocumentVersion.file_hash == file_hash).limit(1)).first()
        if known is not None:
            early[i] = IngestOutcome(str(path), "unchanged", known)
        else:
            todo.append((path, file_hash, size))
    session.rollback()                # end the read-only transaction of the hash lookups
    if workers > 1 and extract is None and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_extract_safely, [p for p, _, _ in todo], chunksize=4)
            yield from _merge(paths, early, todo, results)
    else:
        yield from _merge(paths, early, todo,
                          (_extract_safely(p, extract) for p, _, _ in todo))


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


def _extract_safely(path: Path, extract=None):  # noqa: ANN001, ANN202
    """Extract and check one file; an exception is returned, not raised (it crosses processes)."""
    try:
        if extract is None:
            from ..extract import extract_file as extract
        x = extract(path)
        check_text(path, x)
        # The stored JSON and the folded search text are built here too: in a worker they
        # cost the storing process nothing.
        return x, x.to_contract(), search.folded_body(x.text)
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


def _same_document(doc: Document, x: Extraction) -> bool:
    """Whether a stored document with the same symbol can be this one: symbols repeat across
    provinces and bodies ("28-CTr/TU" of each Tỉnh ủy), so the issuer, date and kind must not
    contradict each other (a file's next version keeps them)."""
    ident = x.document
    if doc.placeholder:
        return cascade.same_issuer(doc.issuer, ident.issuer) is not False
    if doc.source_name == x.source:
        return True
    if ident.kind and doc.kind and "other" not in (ident.kind, doc.kind) and ident.kind != doc.kind:
        return False
    if doc.date and ident.date and doc.date != _iso(ident.date):
        return False
    if doc.place and ident.place and cascade.same_issuer(doc.place, ident.place) is False:
        return False
    return cascade.same_issuer(doc.issuer, ident.issuer) is not False and bool(
        doc.issuer or ident.issuer or doc.place == ident.place)


def _find_existing(session: Session, x: Extraction) -> Document | None:
    """The library document this extraction is a version of: same symbol (and no contradiction
    in issuer, date or kind), else same file name."""
    key = symbol_key(x.document.symbol)
    if key:
        for doc in session.scalars(select(Document).where(Document.symbol_key == key)
                                   .order_by(Document.placeholder, Document.id)).all():
            if (doc.symbol or doc.placeholder or doc.source_name == x.source) and \
                    _same_document(doc, x):
                return doc
    same_name = session.scalars(select(Document).where(
        Document.source_name == x.source, Document.placeholder.is_(False))
        .order_by(Document.id)).all()
    for doc in same_name:
        if not key or not doc.symbol or symbol_key(doc.symbol) == key:
            return doc
    return None


def ingest_extraction(session: Session, *, extraction: Extraction, file_hash: str,
                      size: int = 0, source_path: str | None = None,
                      hash_checked: bool = False, contract: dict | None = None,
                      folded: str | None = None) -> IngestOutcome:
    """Store an extraction as a new document or a new version of an existing one.

    `contract`, `folded`: `extraction.to_contract()` and `search.folded_body(extraction.text)`
    when already computed (in a worker process)."""
    x = extraction
    if not hash_checked:
        known = session.scalars(select(DocumentVersion).where(
            DocumentVersion.file_hash == file_hash).limit(1)).first()
        if known is not None:
            return IngestOutcome(x.source, "unchanged", known.document_id)
    doc = _find_existing(session, x)
    status = "updated" if doc is not None and not doc.placeholder else "new"
    fresh = doc is None or doc.placeholder      # nothing of its own stored yet
    if doc is None:
        doc = Document(recipients=[])
        session.add(doc)
    ident = x.document
    doc.placeholder = False
    doc.kind = ident.kind or "other"
    doc.symbol = ident.symbol
    doc.date = _iso(ident.date)
    doc.issuer, doc.place, doc.title = ident.issuer, ident.place, ident.title
    doc.signer_name = ident.signer.name
    doc.signer_position = ident.signer.position
    doc.signer_on_behalf_of = ident.signer.on_behalf_of
    doc.recipients = list(ident.recipients)
    if ident.symbol_inferred and not doc.symbol_inferred:
        doc.symbol_inferred, doc.date_inferred = ident.symbol_inferred, _iso(ident.date_inferred)
    doc.symbol_key = symbol_key(doc.effective_symbol)
    doc.source_name = x.source
    session.flush()

    number = 1 if fresh else (session.scalar(select(func.max(DocumentVersion.number)).where(
        DocumentVersion.document_id == doc.id)) or 0) + 1
    # Core INSERTs from here on: one statement per table, no ORM object per row (speed).
    version_id = session.execute(insert(DocumentVersion).returning(DocumentVersion.id), [{
        "document_id": doc.id, "number": number, "source_name": x.source,
        "source_path": source_path, "file_hash": file_hash, "file_type": x.file_type,
        "encoding": x.encoding, "size": size, "text": x.text,
        "extracted": contract if contract is not None else x.to_contract()}]).scalar_one()
    doc.current_version_id = version_id

    created = _replace_citations(session, doc, x, fresh=fresh)
    _replace_sections(session, doc, x, fresh=fresh)
    families = (("target", x.targets), ("result", x.results), ("deadline", x.deadlines))
    if fresh:
        rows = {family: insert_items(session, doc, family, items) for family, items in families}
    else:
        rows = {family: sync_items(session, doc, family, items) for family, items in families}
    counts = {"target": len(x.targets), "result": len(x.results), "deadline": len(x.deadlines)}
    session.flush()
    cascade.resolve_document(session, doc, created=created)
    search.index_document(session, doc, x.text, items=rows, fresh=fresh, folded=folded)
    return IngestOutcome(x.source, status, doc.id, targets=counts["target"],
                         results=counts["result"], deadlines=counts["deadline"])


def _replace_citations(session: Session, doc: Document, x: Extraction, *,
                       fresh: bool) -> list[Citation]:
    """Store the document's citations, linked to their documents; returns those that made a
    new placeholder (see `cascade.link_citations`)."""
    if not fresh:
        session.execute(delete(Citation).where(Citation.document_id == doc.id))
    seen: set[str] = set()
    # What the title says the document carries out counts as implemented even when the
    # extractor did not mark the reference.
    by_title = cascade.implemented_in_title(doc.title)
    rows = []
    for r in x.references:
        key = symbol_key(r.symbol)
        if not key or key in seen or key == doc.symbol_key:
            continue
        seen.add(key)
        rows.append({"document_id": doc.id, "cited_symbol": r.symbol.strip(), "cited_key": key,
                     "kind": r.kind, "date": _iso(r.date), "issuer": r.issuer,
                     "title": r.title, "implements": bool(r.implements) or key in by_title,
                     "quote": r.quote or "", "context": _context(x.text, r.span, key),
                     "span_start": r.span[0], "span_end": r.span[1]})
    created = cascade.link_citations(session, doc, rows)
    insert_rows(session, Citation, rows)
    return created


def _context(text: str, span: tuple[int, int], key: str) -> str | None:
    """The citing sentence from the citation on, when the span really points at the citation."""
    if span[1] <= span[0]:
        return None
    sentence = cascade.citing_sentence(text, span[0])
    return sentence if key in cascade.symbols_in(sentence) else None


def _replace_sections(session: Session, doc: Document, x: Extraction, *, fresh: bool) -> None:
    if not fresh:
        for old in session.scalars(select(OutlineSection).where(
                OutlineSection.document_id == doc.id)).all():
            session.delete(old)
    rows = [{"document_id": doc.id, "idx": i, "label": s.label, "heading": s.heading,
             "level": s.level, "parent_idx": s.parent, "year": s.year,
             "span_start": s.span[0], "span_end": s.span[1]} for i, s in enumerate(x.outline)]
    insert_rows(session, OutlineSection, rows)   # sections are never edited as objects
