"""The library's service functions: ingest files, list and read documents, walk the cascade.

The CLI (`cli/library.py`) and the web application call these; they take a `Session` and
keyword arguments and never print. Each file is ingested in its own transaction: a failure
rolls back that file only and is reported as an `IngestOutcome` with a message.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..model import Extraction
from ..read import ReadError
from . import cascade, search
from .items import active_items, sync_items
from .keys import symbol_key
from .models import Citation, Document, DocumentVersion, OutlineSection

# Official documents are far smaller; a bigger file is almost surely not one (a scan, a dump).
MAX_FILE_BYTES = 20 * 1024 * 1024


class IngestError(Exception):
    """A file that cannot be stored; the message names the file and the reason."""


class DocumentNotFound(LookupError):
    """No document matches the given id or symbol."""


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
                 extract: Callable[[Path], Extraction] | None = None) -> IngestSummary:
    """Ingest files one transaction each (commit or roll back per file)."""
    summary = IngestSummary()
    for path in paths:
        try:
            outcome = ingest_file(session, path=path, extract=extract)
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
    return summary


def ingest_file(session: Session, *, path: Path,
                extract: Callable[[Path], Extraction] | None = None) -> IngestOutcome:
    """Read, extract and store one file inside the caller's transaction (no commit).

    `extract` defaults to `nghiquyet.extract.extract_file`.
    """
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
        raw = path.read_bytes()
    except OSError as e:
        raise IngestError(f"{path}: không đọc được tệp ({e.strerror or e})") from None
    file_hash = hashlib.sha256(raw).hexdigest()
    known = session.scalars(select(DocumentVersion).where(
        DocumentVersion.file_hash == file_hash).limit(1)).first()
    if known is not None:
        return IngestOutcome(str(path), "unchanged", known.document_id)
    if extract is None:
        from ..extract import extract_file as extract
    extraction = extract(path)
    if not extraction.text.strip():
        raise IngestError(f"{path}: không có nội dung văn bản (no text in the file)")
    if looks_binary(extraction.text):
        raise IngestError(f"{path}: không phải văn bản, có vẻ là tệp nhị phân (binary file?)")
    return ingest_extraction(session, extraction=extraction, file_hash=file_hash, size=size,
                             source_path=str(path.resolve()), hash_checked=True)


def _find_existing(session: Session, x: Extraction) -> Document | None:
    """The library document this extraction is a version of: same symbol, else same file name."""
    key = symbol_key(x.document.symbol)
    if key:
        doc = cascade.find_by_symbol(session, key)
        if doc is not None and (doc.symbol or doc.placeholder or doc.source_name == x.source):
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
                      hash_checked: bool = False) -> IngestOutcome:
    """Store an extraction as a new document or a new version of an existing one."""
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
    version = DocumentVersion(document_id=doc.id, number=number, source_name=x.source,
                              source_path=source_path, file_hash=file_hash,
                              file_type=x.file_type, encoding=x.encoding, size=size,
                              text=x.text, extracted=x.to_contract())
    session.add(version)
    session.flush()
    doc.current_version_id = version.id

    _replace_citations(session, doc, x, fresh=fresh)
    _replace_sections(session, doc, x, fresh=fresh)
    rows = {family: sync_items(session, doc, family, items, new=fresh) for family, items in
            (("target", x.targets), ("result", x.results), ("deadline", x.deadlines))}
    counts = {"target": len(x.targets), "result": len(x.results), "deadline": len(x.deadlines)}
    session.flush()
    cascade.resolve_document(session, doc)
    search.index_document(session, doc, x.text, items=rows, fresh=fresh)
    session.flush()
    return IngestOutcome(x.source, status, doc.id, targets=counts["target"],
                         results=counts["result"], deadlines=counts["deadline"])


def _replace_citations(session: Session, doc: Document, x: Extraction, *, fresh: bool) -> None:
    if not fresh:
        for old in session.scalars(select(Citation).where(Citation.document_id == doc.id)).all():
            session.delete(old)
    seen: set[str] = set()
    # What the title says the document carries out counts as implemented even when the
    # extractor did not mark the reference.
    by_title = cascade.implemented_in_title(doc.title)
    for r in x.references:
        key = symbol_key(r.symbol)
        if not key or key in seen or key == doc.symbol_key:
            continue
        seen.add(key)
        session.add(Citation(document_id=doc.id, cited_symbol=r.symbol.strip(), cited_key=key,
                             kind=r.kind, date=_iso(r.date), issuer=r.issuer, title=r.title,
                             implements=bool(r.implements) or key in by_title,
                             quote=r.quote or "",
                             span_start=r.span[0], span_end=r.span[1]))
    session.flush()


def _replace_sections(session: Session, doc: Document, x: Extraction, *, fresh: bool) -> None:
    if not fresh:
        for old in session.scalars(select(OutlineSection).where(
                OutlineSection.document_id == doc.id)).all():
            session.delete(old)
    for i, s in enumerate(x.outline):
        session.add(OutlineSection(document_id=doc.id, idx=i, label=s.label, heading=s.heading,
                                   level=s.level, parent_idx=s.parent, year=s.year,
                                   span_start=s.span[0], span_end=s.span[1]))


# --- reading ----------------------------------------------------------------------------

def get_document(session: Session, *, ref: str | int) -> Document:
    """A document by id (`12`, `#12`), symbol (own or inferred) or source file name."""
    text_ref = str(ref).strip()
    if text_ref.lstrip("#").isdigit():
        doc = session.get(Document, int(text_ref.lstrip("#")))
        if doc is not None:
            return doc
    key = symbol_key(text_ref)
    if key:
        doc = cascade.find_by_symbol(session, key)
        if doc is not None:
            return doc
    doc = session.scalars(select(Document).where(Document.source_name == text_ref)
                          .order_by(Document.id).limit(1)).first()
    if doc is None:
        raise DocumentNotFound(f"không tìm thấy văn bản {text_ref!r} (no such document)")
    return doc


def list_documents(session: Session, *, kind: str | None = None, issuer: str | None = None,
                   year: int | None = None, include_placeholders: bool = False,
                   limit: int | None = None, offset: int = 0) -> list[Document]:
    """Documents of the library, newest first."""
    q = select(Document)
    if not include_placeholders:
        q = q.where(Document.placeholder.is_(False))
    if kind:
        q = q.where(Document.kind == kind)
    docs = list(session.scalars(q.order_by(Document.id.desc())).all())
    if issuer:
        from ..text import fold
        want = fold(issuer)
        docs = [d for d in docs if d.issuer and want in fold(d.issuer)]
    if year:
        docs = [d for d in docs if d.effective_date and d.effective_date.year == int(year)]
    docs.sort(key=lambda d: (d.effective_date or date.min, d.id), reverse=True)
    return docs[offset:offset + limit if limit else None]


def document_dict(session: Session, doc: Document, *, with_items: bool = True) -> dict:
    """Everything about one document as plain data (CLI JSON output, web pages)."""
    from .items import item_dict
    out = {
        "id": doc.id, "kind": doc.kind, "symbol": doc.symbol,
        "symbol_inferred": doc.symbol_inferred,
        "date": doc.date.isoformat() if doc.date else None,
        "date_inferred": doc.date_inferred.isoformat() if doc.date_inferred else None,
        "inference_confirmed": doc.inference_confirmed, "inference_note": doc.inference_note,
        "issuer": doc.issuer, "place": doc.place, "title": doc.title,
        "signer": {"name": doc.signer_name, "position": doc.signer_position,
                   "on_behalf_of": doc.signer_on_behalf_of},
        "recipients": doc.recipients or [], "status": doc.status,
        "placeholder": doc.placeholder, "source": doc.source_name, "label": doc.label,
    }
    if with_items:
        versions = session.scalars(select(DocumentVersion).where(
            DocumentVersion.document_id == doc.id).order_by(DocumentVersion.number)).all()
        out["versions"] = [{"number": v.number, "source": v.source_name, "sha256": v.file_hash,
                            "file_type": v.file_type, "created_at": v.created_at.isoformat()}
                           for v in versions]
        for family, plural in (("target", "targets"), ("result", "results"),
                               ("deadline", "deadlines")):
            out[plural] = [item_dict(family, r) for r in active_items(session, doc.id, family)]
        out["cites"] = [_link(session, c, c.cited_document_id) for c in
                        cascade.citations_of(session, doc.id)]
        out["cited_by"] = [_link(session, c, c.document_id) for c in
                           cascade.cited_by(session, doc.id)]
    return out


def _link(session: Session, c: Citation, other_id: int | None) -> dict:
    other = session.get(Document, other_id) if other_id else None
    return {"symbol": c.cited_symbol, "kind": c.kind, "implements": c.implements,
            "date": c.date.isoformat() if c.date else None, "issuer": c.issuer,
            "document_id": other_id, "document": other.label if other else None,
            "placeholder": bool(other and other.placeholder)}


# --- the cascade as a tree --------------------------------------------------------------

@dataclass
class TreeNode:
    document: Document
    children: list["TreeNode"] = field(default_factory=list)
    repeated: bool = False            # already shown higher in the tree (cycles, diamonds)


def cascade_down(session: Session, *, document_id: int, depth: int = 10) -> TreeNode:
    """The documents that implement this one, recursively (citations marked `implements`,
    or else any citation)."""
    return _walk(session, document_id, depth, down=True, seen=set())


def cascade_up(session: Session, *, document_id: int, depth: int = 10) -> TreeNode:
    """The documents this one implements (or cites), recursively upwards."""
    return _walk(session, document_id, depth, down=False, seen=set())


def _walk(session: Session, doc_id: int, depth: int, *, down: bool, seen: set[int]) -> TreeNode:
    doc = session.get(Document, doc_id)
    node = TreeNode(doc)
    if doc_id in seen:
        node.repeated = True
        return node
    seen.add(doc_id)
    if depth <= 0:
        return node
    if down:
        links = cascade.cited_by(session, doc_id)
        implementers = [c for c in links if c.implements] or links
        next_ids = [c.document_id for c in implementers]
    else:
        links = cascade.citations_of(session, doc_id)
        chosen = [c for c in links if c.implements] or links
        next_ids = [c.cited_document_id for c in chosen if c.cited_document_id]
    for nid in dict.fromkeys(next_ids):
        node.children.append(_walk(session, nid, depth - 1, down=down, seen=seen))
    return node


def tree_dict(node: TreeNode) -> dict:
    d = node.document
    return {"id": d.id, "label": d.label, "kind": d.kind, "title": d.title,
            "placeholder": d.placeholder, "repeated": node.repeated,
            "children": [tree_dict(c) for c in node.children]}
