"""Keeping the search index in step with the library.

Search is accent-insensitive: both databases see the same folded tokens (marks dropped,
`đ` → `d`, lower case):

- SQLite: an FTS5 table `search_fts` with external content: it keeps only the index and
  reads the text through the view `search_fts_source` (migration 0005), which gives each
  entry's title and body with `đ` turned into `d`; FTS5's `unicode61 remove_diacritics 2`
  tokenizer drops the marks and the case itself. Rows are added and removed by id while
  the entry (and the version it points at) is in place, so FTS5 reads what it indexed.
- PostgreSQL: a `tsv` tsvector column of `search_entries` built with the `simple`
  configuration from the text folded here (`text.fold`), under a GIN index.

`search_entries` keeps the original text of items; a document's entry points at its version
(`version_id`) instead of copying its text. Snippets and highlights are computed by
`store.search` against what the document actually says. The ingest and review services call
`index_document` / `index_item` / `unindex_*` inside their own transactions.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from ..text import fold
from .models import Deadline, Document, DocumentVersion, Result, SearchEntry, Target
from .rows import MAX_INDEXED_CHARS, folded_body  # noqa: F401  (where callers look for them)
from .snippets import fast_fold

_WORD = re.compile(r"\w+")


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


class _Entry(NamedTuple):
    """A search entry to add: what it is, its title and body (for a document, the text of
    `version_id`), and its folded title and body when already computed (PostgreSQL only)."""
    entity: str
    entity_id: int
    title: str
    body: str
    year: int | None
    version_id: int | None = None
    t: str | None = None
    b: str | None = None


_ENTRY_COLUMNS = ("entity", "entity_id", "document_id", "kind", "issuer", "issuer_folded", "year",
                  "title", "body", "version_id")


def _insert_many(session: Session, document: Document, rows: list[_Entry]) -> None:
    """Add the search entries of one document and index them."""
    if not rows:
        return
    from .rawsql import Raw
    session.flush()                   # raw statements do not autoflush
    raw = Raw.of(session)
    issuer_folded = fold(document.issuer) if document.issuer else None
    table = SearchEntry.__table__
    if raw.sqlite:
        # A document's text stays in its version only (the entry names it).
        ids = raw.insert_rows(table, _ENTRY_COLUMNS, [
            (r.entity, r.entity_id, document.id, document.kind, document.issuer, issuer_folded,
             r.year, r.title or "", "" if r.version_id is not None else r.body or "",
             r.version_id) for r in rows], returning=True)
        pending = session.info.get(_PENDING)
        if pending is not None:
            for i in ids:
                pending.add(i)
        else:
            _fts_insert(raw, ids)
        return
    entries = [dict(zip(_ENTRY_COLUMNS, (
        r.entity, r.entity_id, document.id, document.kind, document.issuer, issuer_folded,
        r.year, r.title or "", "" if r.version_id is not None else r.body or "",
        r.version_id))) for r in rows]
    # A document is also found by its issuer ("dak lak"); its items are not, or they would
    # flood every search for a place name. Tokenised here like FTS5 does, so "26-NQ/TW"
    # gives 26, nq, tw on both backends; the tsvector is computed in the INSERT itself (an
    # UPDATE after would write every row twice).
    for r, e in zip(rows, entries):
        t = r.t if r.t is not None else fast_fold(
            f"{e['title']} {e['issuer'] or ''}" if r.entity == "document" else e["title"])
        b = r.b if r.b is not None else folded_body(r.body or "")
        e["t"], e["b"] = " ".join(_WORD.findall(t)), " ".join(_WORD.findall(b))
    raw.insert(table, entries, extra=(("tsv", "setweight(to_tsvector('simple', :t), 'A') "
                                              "|| to_tsvector('simple', :b)"),))


def _fts_insert(raw, ids) -> None:  # noqa: ANN001
    """Index these entries in FTS5, reading their text through the view it deletes by."""
    ids = sorted(ids)
    for i in range(0, len(ids), 500):
        raw.cursor.execute("INSERT INTO search_fts(rowid, title, body) SELECT id, title, body "
                           "FROM search_fts_source WHERE id IN "
                           f"({','.join(str(int(x)) for x in ids[i:i + 500])})")


# --- deferred FTS5 inserts (batch ingest on SQLite) -------------------------------------

_PENDING = "nghiquyet.fts_pending"


class PendingIndex:
    """Entries whose FTS5 rows are held back until the batch's commit. FTS5 writes a new
    index segment at every SAVEPOINT, so indexing each file inside its own savepoint made
    one segment (and merges) per document; indexing the batch's entries together writes
    one. `mark` and `rollback` follow the per-file savepoints, so a failed file leaves no
    row behind. A held-back entry is not in FTS5 yet: removing it must not touch FTS5
    (with external content, FTS5 would subtract tokens it never added)."""

    def __init__(self) -> None:
        self.rows: set[int] = set()
        self.undo: list[tuple[int, bool]] = []     # (entry id, whether it was held before)

    def add(self, rowid: int) -> None:
        self.undo.append((rowid, rowid in self.rows))
        self.rows.add(rowid)

    def remove(self, rowid: int) -> bool:
        """Forget a held-back entry; False when it was not held (it is in FTS5)."""
        if rowid not in self.rows:
            return False
        self.undo.append((rowid, True))
        self.rows.discard(rowid)
        return True

    def mark(self) -> None:
        """A file begins: what follows is undone by `rollback`."""
        self.undo = []

    def rollback(self) -> None:
        for rowid, held in reversed(self.undo):
            if held:
                self.rows.add(rowid)
            else:
                self.rows.discard(rowid)
        self.undo = []


def defer_index(session: Session) -> PendingIndex | None:
    """Hold this session's FTS5 inserts until `flush_index` (SQLite only; PostgreSQL's
    tsvector is part of the row). Returns the pending set, or None on PostgreSQL."""
    if _dialect(session) != "sqlite":
        return None
    return session.info.setdefault(_PENDING, PendingIndex())


def flush_index(session: Session, *, keep: bool = True) -> None:
    """Index the held-back entries (before the commit); `keep=False` also stops deferring.
    Entries of a transaction that was rolled back must be dropped with `drop_index`."""
    pending = session.info.get(_PENDING)
    if pending is None:
        return
    if pending.rows:
        from .rawsql import Raw
        _fts_insert(Raw.of(session), pending.rows)
    pending.rows, pending.undo = set(), []
    if not keep:
        session.info.pop(_PENDING, None)


def drop_index(session: Session) -> None:
    """Forget the held-back entries (their transaction was rolled back) and stop deferring."""
    session.info.pop(_PENDING, None)


def _remove(session: Session, entity: str, entity_ids: list[int]) -> None:
    if not entity_ids:
        return
    ids = session.scalars(select(SearchEntry.id).where(
        SearchEntry.entity == entity, SearchEntry.entity_id.in_(entity_ids))).all()
    _remove_entries(session, list(ids))


def _remove_entries(session: Session, ids: list[int]) -> None:
    """Drop entries from the index, then the entries: FTS5 reads the text it removes through
    the view, so the entries must still be there."""
    if not ids:
        return
    if _dialect(session) == "sqlite":
        pending = session.info.get(_PENDING)
        indexed = [i for i in ids if pending is None or not pending.remove(i)]
        for i in range(0, len(indexed), 500):
            chunk = indexed[i:i + 500]
            session.execute(text(f"DELETE FROM search_fts WHERE rowid IN "
                                 f"({','.join(str(int(x)) for x in chunk)})"))
    session.execute(delete(SearchEntry).where(SearchEntry.id.in_(ids)))


def document_year(doc: Document) -> int | None:
    d = doc.effective_date
    return d.year if d else None


def item_text(family: str, item) -> tuple[str, str, int | None]:  # noqa: ANN001
    """(title, body, year) under which a stored item is indexed (`rows.item_text` makes the
    same for a new row)."""
    if family == "deadline":
        title, year = item.task, (item.due.year if item.due else None)
        body = " ".join(x for x in (item.task, item.responsible or "", item.quote) if x)
    else:
        title, year = item.indicator, item.year
        body = " ".join(x for x in (item.indicator, item.quote) if x)
    return title, body, year


def _item_entry(family: str, item, document: Document) -> _Entry:  # noqa: ANN001
    """The entry of a stored item, or of a new row given as (id, `rows.ItemText`)."""
    if isinstance(item, tuple):
        id_, ready = item
        return _Entry(family, id_, ready.title, ready.body, ready.year or document_year(document),
                      t=ready.t, b=ready.b)
    title, body, year = item_text(family, item)
    return _Entry(family, item.id, title, body, year or document_year(document))


def index_item(session: Session, family: str, item: Target | Result | Deadline,
               document: Document) -> None:
    """(Re)index one item, or drop it from the index when it is not active."""
    _remove(session, family, [item.id])
    if item.active:
        _insert_many(session, document, [_item_entry(family, item, document)])


def index_document(session: Session, document: Document, text_: str | None, *,
                   items: dict[str, list] | None = None, fresh: bool = False,
                   folded: str | None = None, version_id: int | None = None) -> None:
    """(Re)index a document and all its active items (after ingest or an identity change).

    `text_` is the text of version `version_id` (default: the document's current version),
    which the document's entry points at instead of copying it (a batch ingest on SQLite
    gives its UTF-8 bytes: only PostgreSQL indexes it from here). `items` (family → rows)
    saves a query when the caller has them; `fresh`: nothing of this document is indexed
    yet; `folded`: `folded_body(text_)` when already computed (PostgreSQL indexes it).
    """
    if not fresh:
        unindex_document(session, document.id)
    if document.placeholder:
        return
    if version_id is None:
        version_id = getattr(document, "current_version_id", None)
    title = " ".join(x for x in (document.effective_symbol, document.title) if x)
    rows = [_Entry("document", document.id, title, text_ or "", document_year(document),
                   version_id if text_ else None, b=folded if text_ else None)]
    for family, model in (("target", Target), ("result", Result), ("deadline", Deadline)):
        family_rows = items.get(family) if items is not None else None
        if family_rows is None:
            family_rows = session.scalars(select(model).where(
                model.document_id == document.id)).all()
        rows += [_item_entry(family, item, document) for item in family_rows
                 if isinstance(item, tuple) or item.active]   # new rows are active
    _insert_many(session, document, rows)


def settle_index(session: Session) -> None:
    """After a batch: refresh the planner's statistics, and on PostgreSQL move the GIN
    index's pending entries into the index first (fresh inserts wait in a pending list that
    every search scans linearly until autovacuum runs, which made searches right after an
    ingest slow)."""
    from .db import refresh_statistics
    if _dialect(session) == "postgresql":
        session.execute(text("SELECT gin_clean_pending_list('ix_search_entries_fts'::regclass)"))
    refresh_statistics(session)


def unindex_document(session: Session, document_id: int) -> None:
    ids = session.scalars(select(SearchEntry.id).where(
        SearchEntry.document_id == document_id)).all()
    _remove_entries(session, list(ids))


def entry_bodies(session: Session, ids: list[int]) -> tuple[dict[int, str], dict[int, str] | None]:
    """The original bodies of these search entries (a document's from its version), for the
    snippets of `store.search`; no folded copies are kept (the second value is None)."""
    rows = session.execute(select(SearchEntry.id, SearchEntry.body, SearchEntry.version_id)
                           .where(SearchEntry.id.in_(ids))).all()
    # Two lookups by primary key: as a join, PostgreSQL hashed the whole versions table.
    versions = {v for _, _, v in rows if v is not None}
    texts = dict(session.execute(select(DocumentVersion.id, DocumentVersion.text).where(
        DocumentVersion.id.in_(versions))).all()) if versions else {}
    return {i: texts.get(v, body) if v is not None else body for i, body, v in rows}, None
