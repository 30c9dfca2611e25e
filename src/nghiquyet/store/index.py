"""Keeping the search index in step with the library.

The searchable text is folded in Python (`text.fold`: marks dropped, `đ` → `d`, lower case)
so both databases see the same tokens:

- SQLite: an FTS5 table `search_fts` (rowid = `search_entries.id`) holding the folded copy;
- PostgreSQL: a `tsv` tsvector column of `search_entries` built with the `simple`
  configuration from the folded copy, under a GIN index.

`search_entries` keeps the original text, so snippets and highlights are computed by
`store.search` against what the document actually says. The ingest and review services call
`index_document` / `index_item` / `unindex_*` inside their own transactions.
"""
from __future__ import annotations

import re

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from ..text import fold
from .models import Deadline, Document, Result, SearchEntry, Target
from .snippets import fast_fold

# Documents longer than this are indexed on their beginning only (PostgreSQL caps a tsvector
# at 1 MB, and official documents are far shorter).
MAX_INDEXED_CHARS = 200_000
_WORD = re.compile(r"\w+")


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _put(session: Session, entity: str, entity_id: int, document: Document, title: str,
         body: str, year: int | None) -> None:
    _remove(session, entity, [entity_id])
    _insert_many(session, document, [(entity, entity_id, title, body, year)])


def folded_body(text_: str) -> str:
    """The folded copy of a body as indexed (an extraction worker can compute it early)."""
    return fast_fold(text_[:MAX_INDEXED_CHARS])


def _insert_many(session: Session, document: Document, rows: list[tuple],
                 folded_document: str | None = None) -> None:
    """Add search entries (entity, id, title, body, year[, folded title, folded body]) of one
    document and index them."""
    if not rows:
        return
    from .rawsql import Raw
    session.flush()                   # raw statements do not autoflush
    raw = Raw.of(session)
    issuer_folded = fold(document.issuer) if document.issuer else None
    entries = [{"entity": entity, "entity_id": entity_id, "document_id": document.id,
                "kind": document.kind, "issuer": document.issuer,
                "issuer_folded": issuer_folded, "year": year, "title": title or "",
                "body": body or ""}
               for entity, entity_id, title, body, year, *_ in rows]
    # A document is also found by its issuer ("dak lak"); its items are not, or they would
    # flood every search for a place name. Rows may carry their folded title and body.
    for row, e in zip(rows, entries):
        if len(row) > 5:
            e["t"], e["b"] = row[5], row[6]
            continue
        e["b"] = (folded_document if folded_document is not None and e["entity"] == "document"
                  else folded_body(e["body"]))
        e["t"] = fast_fold(f"{e['title']} {e['issuer'] or ''}" if e["entity"] == "document"
                           else e["title"])
    table = SearchEntry.__table__
    if raw.sqlite:
        ids = raw.insert(table, entries, returning=True)
        pending = session.info.get(_PENDING)
        if pending is not None:
            for i, e in zip(ids, entries):
                pending.add(i, e["t"], e["b"])
            return
        raw.cursor.executemany("INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)",
                               [(i, e["t"], e["b"]) for i, e in zip(ids, entries)])
        return
    # Tokenised here like FTS5 does, so "26-NQ/TW" gives 26, nq, tw on both backends; the
    # tsvector is computed in the INSERT itself (an UPDATE after would write every row twice).
    for e in entries:
        e["t"], e["b"] = " ".join(_WORD.findall(e["t"])), " ".join(_WORD.findall(e["b"]))
    raw.insert(table, entries, extra=(("tsv", "setweight(to_tsvector('simple', :t), 'A') "
                                              "|| to_tsvector('simple', :b)"),))


# --- deferred FTS5 inserts (batch ingest on SQLite) -------------------------------------

_PENDING = "nghiquyet.fts_pending"


class PendingIndex:
    """FTS5 rows held back until the batch's commit. FTS5 writes a new index segment at
    every SAVEPOINT, so indexing each file inside its own savepoint made one segment (and
    merges) per document; inserting the batch's rows together writes one. `mark` and
    `rollback` follow the per-file savepoints, so a failed file leaves no row behind."""

    def __init__(self) -> None:
        self.rows: dict[int, tuple[str, str]] = {}
        self.undo: list[tuple[int, tuple[str, str] | None]] = []

    def add(self, rowid: int, title: str, body: str) -> None:
        self.undo.append((rowid, self.rows.get(rowid)))
        self.rows[rowid] = (title, body)

    def remove(self, rowid: int) -> None:
        if rowid in self.rows:
            self.undo.append((rowid, self.rows.pop(rowid)))

    def mark(self) -> None:
        """A file begins: what follows is undone by `rollback`."""
        self.undo = []

    def rollback(self) -> None:
        for rowid, old in reversed(self.undo):
            if old is None:
                self.rows.pop(rowid, None)
            else:
                self.rows[rowid] = old
        self.undo = []


def defer_index(session: Session) -> PendingIndex | None:
    """Hold this session's FTS5 inserts until `flush_index` (SQLite only; PostgreSQL's
    tsvector is part of the row). Returns the pending set, or None on PostgreSQL."""
    if _dialect(session) != "sqlite":
        return None
    return session.info.setdefault(_PENDING, PendingIndex())


def flush_index(session: Session, *, keep: bool = True) -> None:
    """Insert the held-back FTS5 rows (before the commit); `keep=False` also stops
    deferring. Rows of a transaction that was rolled back must be dropped with
    `drop_index` instead."""
    pending = session.info.get(_PENDING)
    if pending is None:
        return
    if pending.rows:
        from .rawsql import Raw
        Raw.of(session).cursor.executemany(
            "INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)",
            [(i, t, b) for i, (t, b) in pending.rows.items()])
    pending.rows, pending.undo = {}, []
    if not keep:
        session.info.pop(_PENDING, None)


def drop_index(session: Session) -> None:
    """Forget the held-back rows (their transaction was rolled back) and stop deferring."""
    session.info.pop(_PENDING, None)


def _remove(session: Session, entity: str, entity_ids: list[int]) -> None:
    if not entity_ids:
        return
    ids = session.scalars(select(SearchEntry.id).where(
        SearchEntry.entity == entity, SearchEntry.entity_id.in_(entity_ids))).all()
    _remove_entries(session, list(ids))


def _remove_entries(session: Session, ids: list[int]) -> None:
    if not ids:
        return
    if _dialect(session) == "sqlite":
        pending = session.info.get(_PENDING)
        if pending is not None:
            for i in ids:
                pending.remove(i)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            session.execute(text(f"DELETE FROM search_fts WHERE rowid IN "
                                 f"({','.join(str(int(x)) for x in chunk)})"))
    session.execute(delete(SearchEntry).where(SearchEntry.id.in_(ids)))


def document_year(doc: Document) -> int | None:
    d = doc.effective_date
    return d.year if d else None


def item_text(family: str, item) -> tuple[str, str, int | None]:  # noqa: ANN001
    """(title, body, year) under which an item is indexed."""
    if family == "deadline":
        title, year = item.task, (item.due.year if item.due else None)
        body = " ".join(x for x in (item.task, item.responsible or "", item.quote) if x)
    else:
        title, year = item.indicator, item.year
        body = " ".join(x for x in (item.indicator, item.quote) if x)
    return title, body, year


def fold_item(family: str, row: dict) -> None:
    """Add to an item row (`items.item_rows`) the folded title and body it is indexed under,
    `_t` and `_b` (an extraction worker does this, so the storing process does not)."""
    title, body, _ = item_text(family, row)
    row["_t"], row["_b"] = fast_fold(title or ""), folded_body(body or "")


def _item_entry(family: str, item: Target | Result | Deadline,
                document: Document) -> tuple:
    title, body, year = item_text(family, item)
    entry = (family, item.id, title, body, year or document_year(document))
    folded = item.get("_t") if isinstance(item, dict) else None
    return entry + (folded, item["_b"]) if folded is not None else entry


def index_item(session: Session, family: str, item: Target | Result | Deadline,
               document: Document) -> None:
    """(Re)index one item, or drop it from the index when it is not active."""
    _remove(session, family, [item.id])
    if item.active:
        _insert_many(session, document, [_item_entry(family, item, document)])


def index_document(session: Session, document: Document, text_: str | None, *,
                   items: dict[str, list] | None = None, fresh: bool = False,
                   folded: str | None = None) -> None:
    """(Re)index a document and all its active items (after ingest or an identity change).

    `items` (family → rows) saves a query when the caller has them; `fresh`: nothing of this
    document is indexed yet.
    """
    if not fresh:
        unindex_document(session, document.id)
    if document.placeholder:
        return
    title = " ".join(x for x in (document.effective_symbol, document.title) if x)
    rows = [("document", document.id, title, text_ or "", document_year(document))]
    for family, model in (("target", Target), ("result", Result), ("deadline", Deadline)):
        family_rows = items.get(family) if items is not None else None
        if family_rows is None:
            family_rows = session.scalars(select(model).where(
                model.document_id == document.id)).all()
        rows += [_item_entry(family, item, document) for item in family_rows if item.active]
    _insert_many(session, document, rows, folded if text_ else None)


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
    """The original bodies of these search entries, and their folded copies when the index
    keeps them (SQLite), for the snippets of `store.search`."""
    bodies = dict(session.execute(select(SearchEntry.id, SearchEntry.body).where(
        SearchEntry.id.in_(ids))).all())
    if _dialect(session) != "sqlite":
        return bodies, None
    from .rawsql import Raw
    cur = Raw.of(session).cursor      # one lookup each: FTS5 scans everything for IN (...)
    folded = {}
    for i in bodies:
        row = cur.execute("SELECT body FROM search_fts WHERE rowid = ?", (i,)).fetchone()
        if row is not None:
            folded[i] = row[0]
    return bodies, folded
