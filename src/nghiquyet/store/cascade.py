"""The cascade: citations resolved to documents, placeholders, and inferred identities.

A citation names a document by symbol. When the library holds a document with that symbol
(its own, or one inferred and kept), the citation points to it; otherwise it points to a
*placeholder* document that carries what the citations say (kind, date, issuer, title).

A document whose own text lacks its symbol (the action programme printed without its
number) is matched against the placeholders' citations: same kind, same issuer, and the same
thing implemented ("... thực hiện Nghị quyết số 26-NQ/TW") or a similar title. A unique
match gives `symbol_inferred` / `date_inferred`, shown as inferred until a person confirms.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .keys import symbol_key
# The matching rules live in `store.matching`; callers use them through this module too.
from .matching import (MIN_SCORE, SYMBOL, Facts, citation_text, citing_sentence,  # noqa: F401
                       facts_of, implemented_in_quote, implemented_in_title, match_score,
                       said_facts, same_issuer, symbols_in)
from .models import Citation, Document


def _document_facts(session: Session, doc: Document) -> Facts:
    written = {w for (w,) in _raw(session).rows(
        "SELECT cited_symbol FROM citations WHERE document_id = :d AND implements = :t",
        {"d": doc.id, "t": True})}
    written |= {m.group() for m in SYMBOL.finditer(doc.title or "")}
    implements = {symbol_key(w) for w in written} - {None}
    return Facts(doc.kind, doc.issuer, doc.title, implements, written)


def _citation_facts(c: Citation) -> Facts:
    if c.cited_implements is not None:
        return said_facts(c.kind, c.issuer, c.title, c.cited_implements)
    return facts_of(c.kind, c.issuer, c.title, citation_text(c), c.cited_symbol)


def _raw(session: Session):  # noqa: ANN202
    """The session's raw cursor, after writing its pending changes (raw reads see them)."""
    from .rawsql import Raw
    session.flush()
    return Raw.of(session)


class _Said(NamedTuple):
    """Candidate citations of one cited symbol that say the same of it (kind, issuer, title,
    what it carries out), and the earliest of them (a row of a grouped query: at 10,000
    documents a document has thousands of candidate citations, but few distinct ones)."""
    id: int
    cited_key: str
    facts: Facts


def find_by_symbol(session: Session, key: str, exclude_id: int | None = None) -> Document | None:
    """The library document with this symbol key: a real one before a placeholder."""
    q = select(Document).where(Document.symbol_key == key)
    if exclude_id is not None:
        q = q.where(Document.id != exclude_id)
    docs = session.scalars(q.order_by(Document.placeholder, Document.id)).all()
    return docs[0] if docs else None


def placeholder_for(session: Session, c: Citation, *, flush: bool = True) -> Document:
    doc = Document(kind=c.kind or "other", symbol=c.cited_symbol, symbol_key=c.cited_key,
                   date=c.date, issuer=c.issuer, title=c.title, placeholder=True, recipients=[])
    session.add(doc)
    if flush:
        session.flush()
    return doc


def merge_into(session: Session, placeholder: Document, doc: Document) -> None:
    """Point every citation of a placeholder at the real document, then drop the placeholder."""
    session.execute(update(Citation).where(Citation.cited_document_id == placeholder.id)
                    .values(cited_document_id=doc.id))
    session.delete(placeholder)
    session.flush()


def _in(name: str, values: list) -> tuple[str, dict]:
    """An `IN (:name0, :name1...)` list and its parameters, for raw statements.

    >>> _in("k", ["a", "b"])
    ('(:k0, :k1)', {'k0': 'a', 'k1': 'b'})
    """
    params = {f"{name}{i}": v for i, v in enumerate(values)}
    return "(" + ", ".join(f":{p}" for p in params) + ")", params


def link_citations(session: Session, doc: Document, rows: list[dict],  # noqa: ARG001
                   raw=None) -> list[Citation]:  # noqa: ANN001
    """Point new citation rows (dicts, not yet stored) at their documents, creating the
    placeholders missing, in one query and one INSERT batch; returns the citations (unsaved
    objects) that created a placeholder, for `resolve_document`. `raw`: the caller's
    `rawsql.Raw` (the session must be flushed)."""
    if not rows:
        return []
    from .rawsql import Raw
    raw = raw or Raw.of(session)
    known: dict[str, int] = {}
    # Real documents win over placeholders, then the earliest.
    marks, params = _in("k", sorted({r["cited_key"] for r in rows}))
    for id_, key in raw.rows(f"SELECT id, symbol_key FROM documents WHERE symbol_key IN {marks} "
                             "ORDER BY placeholder DESC, id DESC", params):
        known[key] = id_
    missing = {}
    for r in rows:
        if r["cited_key"] not in known and r["cited_key"] not in missing:
            missing[r["cited_key"]] = r
    created = []
    if missing:
        ph = [{"kind": r["kind"] or "other", "symbol": r["cited_symbol"],
               "symbol_key": r["cited_key"], "date": r["date"], "issuer": r["issuer"],
               "title": r["title"], "placeholder": True, "recipients": []}
              for r in missing.values()]
        for key, id_ in zip(missing, raw.insert(Document.__table__, ph, returning=True)):
            known[key] = id_
        created = [Citation(**{k: v for k, v in r.items() if k != "cited_document_id"})
                   for r in missing.values()]
    for r in rows:
        r["cited_document_id"] = known[r["cited_key"]]
    return created


def _placeholders_of(session: Session, key: str, doc_id: int) -> list[Document]:
    """Placeholders with this symbol key other than `doc_id` (an indexed raw probe first:
    there usually are none)."""
    from .rawsql import Raw
    # Filtered here, not in SQL: SQLite would pick the index on `placeholder` and scan.
    if not any(ph and id_ != doc_id for id_, ph in Raw.of(session).rows(
            "SELECT id, placeholder FROM documents WHERE symbol_key = :k", {"k": key})):
        return []
    return list(session.scalars(select(Document).where(
        Document.symbol_key == key, Document.placeholder.is_(True),
        Document.id != doc_id)).all())


def resolve_document(session: Session, doc: Document,
                     created: list[Citation] | None = None) -> Document:
    """After `doc` was stored: link its citations, absorb its placeholder, infer identities.

    `created`: the citations were linked by `link_citations`, these made new placeholders.
    `doc` may be an `record.NewDocument` (a row written raw); it is replaced by the ORM
    object when the inference must change it. Returns the document to index."""
    key = doc.symbol_key
    if key:
        for other in _placeholders_of(session, key, doc.id):
            merge_into(session, other, doc)
    if created is None:
        created = _link_stored(session, doc)
    if not doc.symbol and not doc.inference_confirmed:
        if not isinstance(doc, Document):
            doc = session.get(Document, doc.id)
        infer_identity(session, doc)
    # A new placeholder may describe a document already in the library without a symbol:
    # re-examine those of the same kind whose issuer does not rule the citation out.
    kinds = {c.kind for c in created if c.kind}
    cited = [(c, _citation_facts(c)) for c in created]
    # Narrowed in SQL to what could reach MIN_SCORE: same issuer as written, or a title
    # naming a symbol one of the new citations says the cited document implements.
    issuers = {c.issuer for c in created if c.issuer}
    written = {m.group() for c, f in cited for m in SYMBOL.finditer(citation_text(c))
               if symbol_key(m.group()) in f.implements}
    if kinds and (issuers or written):
        for other in _unnumbered_candidates(session, doc.id, kinds, issuers, written):
            # A cheap first look (no queries): could one of the new citations reach MIN_SCORE?
            rough = Facts(other[1], other[2], other[3], implemented_in_title(other[3]))
            if any(match_score(rough, f) for c, f in cited):
                infer_identity(session, session.get(Document, other[0]))
    return doc


def _unnumbered_candidates(session: Session, doc_id: int, kinds: set, issuers: set,
                           written: set) -> list[tuple]:
    """(id, kind, issuer, title) of documents without their own symbol, of these kinds, whose
    issuer is one of `issuers` or whose title contains one of `written` (raw SQL: this runs
    for most new documents, and the partial index on unnumbered documents keeps it small)."""
    from .rawsql import Raw
    kind_marks, params = _in("kind", sorted(kinds))
    narrow = []
    for i, w in enumerate(sorted(written)):
        narrow.append(f"title LIKE '%' || :w{i} || '%'")
        params[f"w{i}"] = w
    if issuers:
        marks, more = _in("iss", sorted(issuers))
        narrow.append(f"issuer IN {marks}")
        params.update(more)
    # Only `symbol IS NULL` and `kind` in SQL, so both backends use the partial index
    # ix_documents_unnumbered (SQLite would otherwise pick the index on `placeholder`).
    rows = Raw.of(session).rows(
        "SELECT id, kind, issuer, title, placeholder, inference_confirmed FROM documents "
        f"WHERE symbol IS NULL AND kind IN {kind_marks} AND ({' OR '.join(narrow)})", params)
    return sorted(r[:4] for r in rows if not r[4] and not r[5] and r[0] != doc_id)


def _link_stored(session: Session, doc: Document) -> list[Citation]:
    """Link the stored citations of `doc`; returns those that created a placeholder."""
    created: list[Citation] = []
    cites = session.scalars(select(Citation).where(Citation.document_id == doc.id)).all()
    known: dict[str, Document] = {}
    if cites:   # one query for all cited symbols: real documents win over placeholders
        for d in session.scalars(select(Document).where(
                Document.symbol_key.in_(sorted({c.cited_key for c in cites})))
                .order_by(Document.placeholder.desc(), Document.id.desc())).all():
            known[d.symbol_key] = d
    pending = []
    for c in cites:
        target = known.get(c.cited_key)
        if target is None:
            target = known[c.cited_key] = placeholder_for(session, c, flush=False)
            created.append(c)
        pending.append((c, target))
    session.flush()                   # one INSERT batch for the new placeholders
    for c, target in pending:
        c.cited_document_id = target.id
    session.flush()
    return created


def _candidates(session: Session, doc: Document, facts: Facts) -> list[_Said]:
    """Placeholder citations that could describe `doc`, narrowed in SQL by kind, and by
    issuer or by a symbol the document implements, grouped by what they say; earliest first."""
    # Placeholders' citations, and those already resolved to this document by an earlier
    # (unconfirmed) inference, which is re-examined when new citations arrive.
    params: dict = {"doc": doc.id, "t": True}
    where = "(d.placeholder = :t OR d.id = :doc) AND c.document_id <> :doc"
    if doc.kind and doc.kind != "other":
        where += " AND c.kind = :kind"
        params["kind"] = doc.kind
    # The issuer first: SQLite stops at the first true term, and LIKE over the quote and the
    # sentence is the slow part of the scan.
    narrow = ["c.issuer = :issuer"] if doc.issuer else []
    params["issuer"] = doc.issuer
    for i, sym in enumerate(sorted(facts.written)):
        narrow.append(f"c.quote LIKE '%' || :w{i} || '%' OR c.context LIKE '%' || :w{i} || '%'")
        params[f"w{i}"] = sym
    if not narrow:
        return []
    # A citation stored without `cited_implements` (by hand, or by other code) is read whole:
    # it is a group of its own, with its text.
    alone = "CASE WHEN c.cited_implements IS NULL THEN c.{} END"
    rows = _raw(session).rows(
        f"SELECT min(c.id), c.cited_key, c.kind, c.issuer, c.title, c.cited_implements, "
        f"min({alone.format('quote')}), min({alone.format('context')}), "
        f"min({alone.format('cited_symbol')}) "
        "FROM citations c JOIN documents d ON d.id = c.cited_document_id "
        f"WHERE {where} AND ({' OR '.join(narrow)}) "
        f"GROUP BY c.cited_key, c.kind, c.issuer, c.title, c.cited_implements, {alone.format('id')}",
        params)
    said = [_Said(i, key, said_facts(kind, issuer, title, implements) if implements is not None
                  else facts_of(kind, issuer, title, citation_text(_Text(quote, context)), symbol))
            for i, key, kind, issuer, title, implements, quote, context, symbol in rows]
    return sorted(said, key=lambda s: s.id)


class _Text(NamedTuple):
    quote: str
    context: str | None


def infer_identity(session: Session, doc: Document) -> bool:
    """Give `doc` the symbol and date of the unique citation that describes it, or withdraw
    an earlier unconfirmed inference that is no longer unique."""
    facts = _document_facts(session, doc)
    best: dict[str, tuple[float, list[str], _Said]] = {}
    for said in _candidates(session, doc, facts):
        scored = match_score(facts, said.facts)
        if scored and (said.cited_key not in best or scored[0] > best[said.cited_key][0]):
            best[said.cited_key] = (scored[0], scored[1], said)
    ranked = sorted(best.values(), key=lambda b: -b[0])
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        # Nothing fits, or two different documents fit equally: do not guess.
        if doc.symbol_inferred:
            withdraw_inference(session, doc)
        return False
    score, why, said = ranked[0]
    if doc.symbol_inferred and symbol_key(doc.symbol_inferred) == said.cited_key:
        return True
    if doc.symbol_inferred:
        withdraw_inference(session, doc)
    c = session.get(Citation, said.id)
    doc.symbol_inferred, doc.date_inferred = c.cited_symbol, c.date
    doc.symbol_key, doc.inferred_from_id = c.cited_key, c.document_id
    doc.inference_note = "; ".join(why)
    placeholder = find_by_symbol(session, c.cited_key, exclude_id=doc.id)
    if placeholder is not None and placeholder.placeholder:
        if not doc.issuer and placeholder.issuer:
            doc.issuer = placeholder.issuer
        merge_into(session, placeholder, doc)
    session.execute(update(Citation).where(Citation.cited_key == c.cited_key)
                    .values(cited_document_id=doc.id))
    session.flush()
    return True


def reinfer_all(session: Session) -> int:
    """Re-run inference for every stored document lacking its own symbol or date, and fold
    placeholders into the documents that now carry their symbol, so that the library is the
    same whatever order the files came in. Returns how many documents gained an inference."""
    gained = 0
    # Placeholders whose symbol a real document now has (own or inferred).
    real = select(Document.symbol_key).where(Document.placeholder.is_(False),
                                             Document.symbol_key.is_not(None))
    for ph in session.scalars(select(Document).where(
            Document.placeholder.is_(True), Document.symbol_key.in_(real))).all():
        target = find_by_symbol(session, ph.symbol_key, exclude_id=ph.id)
        if target is not None and not target.placeholder:
            merge_into(session, ph, target)
    for doc in session.scalars(select(Document).where(
            Document.placeholder.is_(False), Document.symbol.is_(None),
            Document.inference_confirmed.is_(False)).order_by(Document.id)).all():
        before = doc.symbol_inferred
        if infer_identity(session, doc) and doc.symbol_inferred != before:
            gained += 1
    for doc in session.scalars(select(Document).where(
            Document.placeholder.is_(False), Document.symbol.is_not(None),
            Document.date.is_(None), Document.date_inferred.is_(None),
            Document.inference_confirmed.is_(False)).order_by(Document.id)).all():
        if infer_date(session, doc):
            gained += 1
    session.flush()
    return gained


def infer_date(session: Session, doc: Document) -> bool:
    """Give a document with its own symbol but no date the date its citers agree on."""
    dates = {d for d in session.scalars(select(Citation.date).where(
        Citation.cited_document_id == doc.id, Citation.date.is_not(None))).all()}
    if len(dates) != 1:
        return False
    doc.date_inferred = dates.pop()
    doc.inference_note = "ngày theo văn bản trích dẫn"
    return True


def withdraw_inference(session: Session, doc: Document) -> None:
    """Undo an unconfirmed inference: the citations get their placeholder back."""
    key = symbol_key(doc.symbol_inferred)
    cites = session.scalars(select(Citation).where(Citation.cited_key == key)
                            .order_by(Citation.id)).all()
    doc.symbol_inferred = doc.date_inferred = doc.inferred_from_id = doc.inference_note = None
    doc.symbol_key = None
    session.flush()
    if cites:
        placeholder = placeholder_for(session, cites[0])
        for c in cites:
            c.cited_document_id = placeholder.id
    session.flush()


def cited_by(session: Session, doc_id: int) -> list[Citation]:
    """Citations of this document in other documents."""
    return list(session.scalars(select(Citation).where(Citation.cited_document_id == doc_id)
                                .order_by(Citation.document_id)).all())


def citations_of(session: Session, doc_id: int) -> list[Citation]:
    return list(session.scalars(select(Citation).where(Citation.document_id == doc_id)
                                .order_by(Citation.span_start, Citation.id)).all())


def _date(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None
