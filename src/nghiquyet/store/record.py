"""Recording one extraction in the library: the document it is a version of (or a new one,
or a placeholder it takes over), the version, its items, citations and outline sections.

A new document is written with raw-driver INSERTs (`store.rawsql`); ORM objects are loaded
only when an existing document is involved (a new version, a placeholder taken over, an
inference). `store.ingest` calls `ingest_extraction` for each file, inside its savepoint.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..model import Extraction
from . import cascade, index
from .items import insert_items, sync_items
from .keys import symbol_key
from .models import Citation, Document, DocumentVersion, EffectiveIdentity, OutlineSection
from .rawsql import Raw


@dataclass
class IngestOutcome:
    path: str
    status: str                       # new | updated | unchanged | error
    document_id: int | None = None
    message: str = ""
    targets: int = 0
    results: int = 0
    deadlines: int = 0


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _same_document(doc: Document | _Stored, x: Extraction) -> bool:
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


class _Stored(NamedTuple):
    """The columns of a stored document that `_same_document` compares."""
    id: int
    placeholder: bool
    symbol: str | None
    source_name: str | None
    kind: str | None
    date: date | None
    issuer: str | None
    place: str | None


_STORED = "SELECT id, placeholder, symbol, source_name, kind, date, issuer, place FROM documents "


def _stored(rows: list[tuple]) -> list[_Stored]:
    # SQLite hands dates back as ISO text.
    return [_Stored(r[0], bool(r[1]), *r[2:5], _iso(r[5]) if isinstance(r[5], str) else r[5],
                    *r[6:]) for r in rows]


def _find_existing(session: Session, raw: Raw, x: Extraction) -> Document | None:
    """The library document this extraction is a version of: same symbol (and no contradiction
    in issuer, date or kind), else same file name. Raw lookups of a few columns (a common
    symbol has dozens of documents at 10,000); the ORM object is loaded for the match only."""
    key = symbol_key(x.document.symbol)
    found = None
    if key:
        same_key = sorted(_stored(raw.rows(_STORED + "WHERE symbol_key = :k", {"k": key})),
                          key=lambda d: (d.placeholder, d.id))
        found = next((d for d in same_key if (d.symbol or d.placeholder or
                                               d.source_name == x.source)
                      and _same_document(d, x)), None)
    if found is None:
        # Placeholders are filtered here: SQLite would pick the index on `placeholder`.
        same_name = sorted(d for d in _stored(raw.rows(_STORED + "WHERE source_name = :s",
                                                       {"s": x.source})) if not d.placeholder)
        found = next((d for d in same_name
                      if not key or not d.symbol or symbol_key(d.symbol) == key), None)
    return session.get(Document, found.id) if found is not None else None


@dataclass
class NewDocument(EffectiveIdentity):
    """A document row just written by raw INSERT, with the attributes indexing and the
    cascade read of a `Document` (the ORM object is loaded only if it must change)."""
    id: int
    kind: str
    symbol: str | None
    symbol_key: str | None
    date: date | None
    issuer: str | None
    title: str | None
    symbol_inferred: str | None
    date_inferred: date | None
    placeholder: bool = False
    inference_confirmed: bool = False


def _identity_values(x: Extraction, doc: Document | None) -> dict:
    """The document columns an extraction sets (on a new row, or over an existing one)."""
    ident = x.document
    values = {"placeholder": False, "kind": ident.kind or "other", "symbol": ident.symbol,
              "date": _iso(ident.date), "issuer": ident.issuer, "place": ident.place,
              "title": ident.title, "signer_name": ident.signer.name,
              "signer_position": ident.signer.position,
              "signer_on_behalf_of": ident.signer.on_behalf_of,
              "recipients": list(ident.recipients), "source_name": x.source}
    inferred = doc.symbol_inferred if doc is not None else None
    if ident.symbol_inferred and not inferred:
        values["symbol_inferred"] = inferred = ident.symbol_inferred
        values["date_inferred"] = _iso(ident.date_inferred)
    values["symbol_key"] = symbol_key(ident.symbol or inferred)
    return values


def ingest_extraction(session: Session, *, extraction: Extraction, file_hash: str,
                      size: int = 0, source_path: str | None = None,
                      hash_checked: bool = False, contract: dict | str | None = None,
                      folded: str | None = None,
                      item_rows: dict[str, list] | None = None) -> IngestOutcome:
    """Store an extraction as a new document or a new version of an existing one.

    `contract`, `folded`, `item_rows`: `extraction.to_contract()` (or its JSON,
    `rawsql.Encoded`), `index.folded_body(extraction.text)` (PostgreSQL only) and
    `prepare.worker_items` when already computed (in a worker process)."""
    x = extraction
    session.flush()                   # raw statements below must see pending ORM changes
    raw = Raw.of(session)
    if not hash_checked:
        known = raw.rows("SELECT document_id FROM document_versions WHERE file_hash = :h "
                         "LIMIT 1", {"h": file_hash})
        if known:
            return IngestOutcome(x.source, "unchanged", known[0][0])
    doc = _find_existing(session, raw, x)
    status = "updated" if doc is not None and not doc.placeholder else "new"
    fresh = doc is None or doc.placeholder      # nothing of its own stored yet
    values = _identity_values(x, doc)
    if doc is None:
        (doc_id,) = raw.insert(Document.__table__, [values], returning=True)
        doc = NewDocument(doc_id, values["kind"], values["symbol"], values["symbol_key"],
                          values["date"], values["issuer"], values["title"],
                          values.get("symbol_inferred"), values.get("date_inferred"))
    else:
        for k, v in values.items():
            setattr(doc, k, v)
        session.flush()

    number = 1 if fresh else (raw.rows("SELECT max(number) FROM document_versions WHERE "
                                       "document_id = :d", {"d": doc.id})[0][0] or 0) + 1
    (version_id,) = raw.insert(DocumentVersion.__table__, [{
        "document_id": doc.id, "number": number, "source_name": x.source,
        "source_path": source_path, "file_hash": file_hash, "file_type": x.file_type,
        "encoding": x.encoding, "size": size, "text": x.text,
        "extracted": contract if contract is not None else x.to_contract()}], returning=True)
    if isinstance(doc, NewDocument):
        raw.execute("UPDATE documents SET current_version_id = :v WHERE id = :d",
                    {"v": version_id, "d": doc.id})
    else:
        doc.current_version_id = version_id

    created = _replace_citations(session, raw, doc, x, fresh=fresh)
    _replace_sections(session, raw, doc, x, fresh=fresh)
    families = (("target", x.targets), ("result", x.results), ("deadline", x.deadlines))
    if fresh:
        rows = {family: insert_items(session, doc, family, items, raw=raw,
                                     rows=(item_rows or {}).get(family))
                for family, items in families}
    else:
        rows = {family: sync_items(session, doc, family, items) for family, items in families}
    counts = {"target": len(x.targets), "result": len(x.results), "deadline": len(x.deadlines)}
    session.flush()
    doc = cascade.resolve_document(session, doc, created=created)
    index.index_document(session, doc, x.text, items=rows, fresh=fresh, folded=folded,
                         version_id=version_id)
    return IngestOutcome(x.source, status, doc.id, targets=counts["target"],
                         results=counts["result"], deadlines=counts["deadline"])


def _replace_citations(session: Session, raw: Raw, doc, x: Extraction, *,  # noqa: ANN001
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
    created = cascade.link_citations(session, doc, rows, raw=raw)
    raw.insert(Citation.__table__, rows)
    return created


def _context(text: str, span: tuple[int, int], key: str) -> str | None:
    """The citing sentence from the citation on, when the span really points at the citation."""
    if span[1] <= span[0]:
        return None
    sentence = cascade.citing_sentence(text, span[0])
    return sentence if key in cascade.symbols_in(sentence) else None


def _replace_sections(session: Session, raw: Raw, doc, x: Extraction, *,  # noqa: ANN001
                      fresh: bool) -> None:
    if not fresh:
        for old in session.scalars(select(OutlineSection).where(
                OutlineSection.document_id == doc.id)).all():
            session.delete(old)
        session.flush()
    rows = [{"document_id": doc.id, "idx": i, "label": s.label, "heading": s.heading,
             "level": s.level, "parent_idx": s.parent, "year": s.year,
             "span_start": s.span[0], "span_end": s.span[1]} for i, s in enumerate(x.outline)]
    raw.insert(OutlineSection.__table__, rows)   # sections are never edited as objects
