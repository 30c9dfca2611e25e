"""Recording one extraction in the library: the document it is a version of (or a new one,
or a placeholder it takes over), the version, its items, citations and outline sections.

A new document is written with raw-driver INSERTs (`store.rawsql`); ORM objects are loaded
only when an existing document is involved (a new version, a placeholder taken over, an
inference). `store.ingest` calls `ingest_extraction` for each file, inside its savepoint.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..model import Extraction
from . import cascade, index
from .items import sync_items
from .keys import symbol_key
from .models import (ITEM_MODELS, Citation, Document, DocumentVersion, EffectiveIdentity,
                     OutlineSection)
from .rawsql import Raw
from .rows import (ITEM_COLUMNS, KEY_AT, MACHINE_AT, SECTION_COLUMNS, Ready, iso_date, item_text,
                   ready_rows)


@dataclass
class IngestOutcome:
    path: str
    status: str                       # new | updated | unchanged | error
    document_id: int | None = None
    message: str = ""
    targets: int = 0
    results: int = 0
    deadlines: int = 0


def _same_document(doc: Document | _Stored, x: Ready) -> bool:
    """Whether a stored document with the same symbol can be this one: symbols repeat across
    provinces and bodies ("28-CTr/TU" of each Tỉnh ủy), so the issuer, date and kind must not
    contradict each other (a file's next version keeps them)."""
    ident = x.identity
    if doc.placeholder:
        return cascade.same_issuer(doc.issuer, ident.issuer) is not False
    if doc.source_name == x.source:
        return True
    if ident.kind and doc.kind and "other" not in (ident.kind, doc.kind) and ident.kind != doc.kind:
        return False
    if doc.date and ident.date and doc.date != iso_date(ident.date):
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
    return [_Stored(r[0], bool(r[1]), *r[2:5], iso_date(r[5]) if isinstance(r[5], str) else r[5],
                    *r[6:]) for r in rows]


def _find_existing(session: Session, raw: Raw, x: Ready) -> Document | None:
    """The library document this extraction is a version of: same symbol (and no contradiction
    in issuer, date or kind), else same file name. Raw lookups of a few columns (a common
    symbol has dozens of documents at 10,000); the ORM object is loaded for the match only."""
    key = symbol_key(x.identity.symbol)
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


def _identity_values(ready: Ready, doc: Document | None) -> dict:
    """The document columns an extraction sets (on a new row, or over an existing one)."""
    ident = ready.identity
    values = {"placeholder": False, "kind": ident.kind or "other", "symbol": ident.symbol,
              "date": iso_date(ident.date), "issuer": ident.issuer, "place": ident.place,
              "title": ident.title, "signer_name": ident.signer.name,
              "signer_position": ident.signer.position,
              "signer_on_behalf_of": ident.signer.on_behalf_of,
              "recipients": list(ident.recipients), "source_name": ready.source}
    inferred = doc.symbol_inferred if doc is not None else None
    if ident.symbol_inferred and not inferred:
        values["symbol_inferred"] = inferred = ident.symbol_inferred
        values["date_inferred"] = iso_date(ident.date_inferred)
    values["symbol_key"] = symbol_key(ident.symbol or inferred)
    return values


def ingest_extraction(session: Session, *, extraction: Extraction, file_hash: str,
                      size: int = 0, source_path: str | None = None,
                      hash_checked: bool = False) -> IngestOutcome:
    """Store an extraction as a new document or a new version of an existing one."""
    return store_ready(session, ready=ready_rows(extraction), file_hash=file_hash, size=size,
                       source_path=source_path, hash_checked=hash_checked)


def store_ready(session: Session, *, ready: Ready, file_hash: str, size: int = 0,
                source_path: str | None = None, hash_checked: bool = False) -> IngestOutcome:
    """Store the rows of one extraction (`rows.ready_rows`, made by an extraction worker
    during a batch ingest) as a new document or a new version of an existing one."""
    x = ready
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
        "extracted": x.contract}], returning=True)
    if isinstance(doc, NewDocument):
        raw.execute("UPDATE documents SET current_version_id = :v WHERE id = :d",
                    {"v": version_id, "d": doc.id})
    else:
        doc.current_version_id = version_id

    created = _replace_citations(session, raw, doc, x, fresh=fresh)
    _replace_sections(session, raw, doc, x, fresh=fresh)
    if fresh:
        items = {}
        for family, rows in x.items.items():
            ids = raw.insert_rows(ITEM_MODELS[family].__table__,
                                  ("document_id",) + ITEM_COLUMNS[family],
                                  [(doc.id, *row) for row in rows], returning=True)
            texts = [item_text(family, row) for row in rows]
            if x.folded_items is not None:
                texts = [t._replace(t=f[0], b=f[1]) for t, f in zip(texts, x.folded_items[family])]
            items[family] = list(zip(ids, texts))
    else:
        items = {family: sync_items(session, doc, family, [
            (row[KEY_AT[family]], json.loads(row[MACHINE_AT[family]])) for row in rows])
            for family, rows in x.items.items()}
    session.flush()
    doc = cascade.resolve_document(session, doc, created=created)
    index.index_document(session, doc, x.text, items=items, fresh=fresh, folded=x.folded,
                         version_id=version_id)
    return IngestOutcome(x.source, status, doc.id, targets=len(x.items["target"]),
                         results=len(x.items["result"]), deadlines=len(x.items["deadline"]))


def _replace_citations(session: Session, raw: Raw, doc, x: Ready, *,  # noqa: ANN001
                       fresh: bool) -> list[Citation]:
    """Store the document's citations, linked to their documents; returns those that made a
    new placeholder (see `cascade.link_citations`)."""
    if not fresh:
        session.execute(delete(Citation).where(Citation.document_id == doc.id))
    rows = [{"document_id": doc.id, **r} for r in x.citations if r["cited_key"] != doc.symbol_key]
    created = cascade.link_citations(session, doc, rows, raw=raw)
    raw.insert(Citation.__table__, rows)
    return created


def _replace_sections(session: Session, raw: Raw, doc, x: Ready, *,  # noqa: ANN001
                      fresh: bool) -> None:
    if not fresh:
        for old in session.scalars(select(OutlineSection).where(
                OutlineSection.document_id == doc.id)).all():
            session.delete(old)
        session.flush()
    # Sections are never edited as objects.
    raw.insert_rows(OutlineSection.__table__, ("document_id",) + SECTION_COLUMNS,
                    [(doc.id, *row) for row in x.sections])
