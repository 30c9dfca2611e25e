"""The library's service functions: ingest files, list and read documents, walk the cascade.

The CLI (`cli/library.py`) and the web application call these; they take a `Session` and
keyword arguments and never print. Each file is ingested all-or-nothing (a savepoint, the
files committed in batches): a failure rolls back that file only and is reported as an
`IngestOutcome` with a message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from . import cascade
from .ingest import (MAX_FILE_BYTES, IngestError, IngestOutcome, IngestSummary,  # noqa: F401
                     ingest_extraction, ingest_file, ingest_paths, looks_binary)
from .items import active_items
from .keys import symbol_key
from .models import Citation, Document, DocumentVersion


class DocumentNotFound(LookupError):
    """No document matches the given id or symbol."""


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
