"""The rows a new extraction adds to the library, built without the database.

`ready_rows` turns an `Extraction` into a `Ready`: plain strings, numbers, dicts (the
citations) and tuples in the column order the storing side inserts them (`SECTION_COLUMNS`,
`ITEM_COLUMNS`), with the stored JSON, the citing sentences, what each citation says the
cited document carries out and (for PostgreSQL) the folded search text. An extraction worker
builds it (`store.prepare`), so the storing process, the one serial step of an ingest, only
adds the ids and inserts; and only this crosses between the processes (not the `Extraction`
objects, whose unpickling cost the storing process more than inserting them).
"""
from __future__ import annotations

from dataclasses import fields
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from ..model import Extraction, Identity
from .items import EDITABLE, item_keys, machine_values
from .keys import symbol_key
from .matching import cited_implements, citing_sentence, implemented_in_title, symbols_in
from .rawsql import Encoded, encode_json
from .snippets import fast_fold

# Documents longer than this are indexed on their beginning only (PostgreSQL caps a tsvector
# at 1 MB, and official documents are far shorter).
MAX_INDEXED_CHARS = 200_000

FAMILIES = ("target", "result", "deadline")

# Columns of the positional rows, as `rawsql.Raw.insert_rows` takes them (the storing side
# puts `document_id` first).
SECTION_COLUMNS = ("idx", "label", "heading", "level", "parent_idx", "year", "span_start",
                   "span_end")
ITEM_COLUMNS = {family: fields_ + ("span_start", "span_end", "key", "idx", "origin", "status",
                                   "superseded", "machine")
                for family, fields_ in EDITABLE.items()}
KEY_AT = {family: cols.index("key") for family, cols in ITEM_COLUMNS.items()}
MACHINE_AT = {family: cols.index("machine") for family, cols in ITEM_COLUMNS.items()}


class ItemText(NamedTuple):
    """What an item is found by: title, body and year (None: the document's year), and the
    folded title and body PostgreSQL indexes (None on SQLite, whose FTS5 folds itself)."""
    title: str
    body: str
    year: int | None
    t: str | None = None
    b: str | None = None


class Ready(NamedTuple):
    """Everything the storing side needs of one extracted file."""
    source: str
    identity: Identity
    text: str | bytes                       # bytes: its UTF-8 (`ready_rows(utf8=True)`)
    file_type: str | None
    encoding: str | None
    contract: Encoded | bytes               # the stored JSON (`Extraction.to_contract()`)
    citations: list[dict]                   # one per cited symbol key, in order
    sections: list[tuple]                   # SECTION_COLUMNS
    items: dict[str, list[tuple]]           # family → rows in ITEM_COLUMNS[family]
    folded_items: dict[str, list[tuple[str, str]]] | None   # PostgreSQL: folded title, body
    folded: str | None                      # the folded body (PostgreSQL only)


def iso_date(value: str | None) -> date | None:
    """An ISO date (or date-time) string as a date; None when absent or not a date.

    >>> iso_date("2025-12-31"), iso_date("31/12/2025"), iso_date(None)
    (datetime.date(2025, 12, 31), None, None)
    """
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def folded_body(text_: str) -> str:
    """The folded copy of a body as PostgreSQL indexes it.

    >>> folded_body("Đồng Nai NÔNG THÔN MỚI")
    'dong nai nong thon moi'
    """
    return fast_fold(text_[:MAX_INDEXED_CHARS])


def ready_rows(x: Extraction, *, fold: bool = False, utf8: bool = False) -> Ready:
    """The rows of `x` (pure: an extraction worker calls it). `fold`: also make the folded
    text PostgreSQL indexes (SQLite's FTS5 folds itself). `utf8`: give the text and the
    stored JSON as UTF-8 bytes, which SQLite stores as they are (`rawsql._AS_IS`)."""
    items = {family: item_tuples(family, found, utf8=utf8)
             for family, found in zip(FAMILIES, (x.targets, x.results, x.deadlines))}
    # The items' search text is made again from the rows by the storing side: that costs
    # less than receiving it. The folded copies PostgreSQL needs do not.
    folded_items = {family: [item_text(family, row, fold=True)[3:] for row in rows]
                    for family, rows in items.items()} if fold else None
    text, contract = x.text, contract_json(x)
    if utf8:
        text, contract = text.encode("utf-8"), contract.encode("utf-8")
    return Ready(x.source, x.document, text, x.file_type, x.encoding, contract,
                 citation_rows(x), section_rows(x), items, folded_items,
                 folded_body(x.text) if fold else None)


def citation_rows(x: Extraction) -> list[dict]:
    """A row per symbol key the document cites (the first citation of each), without
    `document_id`. The storing side drops the one of the document's own key."""
    seen: set[str] = set()
    # What the title says the document carries out counts as implemented even when the
    # extractor did not mark the reference.
    by_title = implemented_in_title(x.document.title)
    rows = []
    for r in x.references:
        key = symbol_key(r.symbol)
        if not key or key in seen:
            continue
        seen.add(key)
        symbol, quote, context = r.symbol.strip(), r.quote or "", _context(x.text, r.span, key)
        rows.append({"cited_symbol": symbol, "cited_key": key, "kind": r.kind,
                     "date": iso_date(r.date), "issuer": r.issuer, "title": r.title,
                     "implements": bool(r.implements) or key in by_title,
                     "quote": quote, "context": context,
                     "cited_implements": cited_implements(quote, context, symbol),
                     "span_start": r.span[0], "span_end": r.span[1]})
    return rows


def _context(text: str, span: tuple[int, int], key: str) -> str | None:
    """The citing sentence from the citation on, when the span really points at the citation.

    >>> _context("Thực hiện Nghị quyết số 26-NQ/TW của Bộ Chính trị. Sau.", (24, 32), "26-NQ/TW")
    '26-NQ/TW của Bộ Chính trị.'
    >>> _context("Thực hiện Nghị quyết số 26-NQ/TW. Câu sau.", (34, 37), "26-NQ/TW") is None
    True
    """
    if span[1] <= span[0]:
        return None
    sentence = citing_sentence(text, span[0])
    return sentence if key in symbols_in(sentence) else None


def section_rows(x: Extraction) -> list[tuple]:
    return [(i, s.label, s.heading, s.level, s.parent, s.year, s.span[0], s.span[1])
            for i, s in enumerate(x.outline)]


def item_tuples(family: str, found: list, *, utf8: bool = False) -> list[tuple]:
    """The rows one family of a new extraction adds: effective values = machine values (the
    JSON of which is kept beside them, as UTF-8 bytes with `utf8`), with the stable keys."""
    names = EDITABLE[family]
    rows = []
    for idx, (key, item) in enumerate(zip(item_keys(family, found), found)):
        machine = machine_values(family, item)
        values = [machine[f] for f in names]
        if family == "deadline" and isinstance(values[1], str):
            values[1] = date.fromisoformat(values[1][:10])   # a date column; ISO in the JSON
        stored = encode_json(machine)
        rows.append((*values, machine["span_start"], machine["span_end"], key, idx, "machine",
                     "draft", False, stored.encode("utf-8") if utf8 else stored))
    return rows


def item_text(family: str, row: tuple, *, fold: bool = False) -> ItemText:
    """How a stored item row (`ITEM_COLUMNS` order) is found by search.

    >>> item_text("deadline", ("Tổng kết", date(2025, 12, 31), "Sở Nội vụ", "q", None)).body
    'Tổng kết Sở Nội vụ q'
    """
    if family == "deadline":
        task, due, responsible, quote = row[:4]
        title, year = task, (due.year if due else None)
        body = " ".join(x for x in (task, responsible or "", quote) if x)
    else:
        indicator, year, quote = row[0], row[5], row[12]
        title = indicator
        body = " ".join(x for x in (indicator, quote) if x)
    if not fold:
        return ItemText(title, body, year)
    return ItemText(title, body, year, fast_fold(title or ""), folded_body(body or ""))


# --- the stored JSON ------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _flat(obj, **extra) -> dict:  # noqa: ANN001
    """A dataclass whose fields hold no dataclass or container as a dict, as `asdict` gives
    it (without its deep copies, which made up most of the time to build the contract)."""
    d = {name: getattr(obj, name) for name in _names(type(obj))}
    d.update(extra)
    return d


def contract_json(x: Extraction) -> Encoded:
    """`encode_json(x.to_contract())`, 4x faster: the same keys in the same order, with
    spans as lists (a test holds the two equal on real documents)."""
    ident = x.document
    document = _flat(ident, signer=_flat(ident.signer), recipients=list(ident.recipients))
    return encode_json({
        "source": x.source,
        "document": document,
        "references": [_flat(r, span=list(r.span)) for r in x.references],
        "targets": [_flat(t, span=list(t.span)) for t in x.targets],
        "results": [_flat(r, span=list(r.span)) for r in x.results],
        "deadlines": [_flat(d, span=list(d.span)) for d in x.deadlines],
        "outline": [{"label": s.label, "heading": s.heading, "level": s.level,
                     "parent": s.parent, "year": s.year, "span": list(s.span)}
                    for s in x.outline],
        "footnotes": [_flat(f) for f in x.footnotes],
        "file_type": x.file_type,
        "encoding": x.encoding,
        "warnings": list(x.warnings),
    })
