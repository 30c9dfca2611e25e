"""Accent-insensitive search over documents, targets, results and deadlines.

One interface, two backends (SQLite FTS5, PostgreSQL tsvector), both over the folded text
that `store.index` keeps in step with the library. `search_entries` keeps the original text,
so snippets and highlights are computed here against what the document actually says. Exact
(accented) matches rank before folded ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..text import fold, normalise, squash
from .index import MAX_INDEXED_CHARS, _dialect, entry_bodies
from .models import SearchEntry
from .snippets import (SNIPPET_CHARS, fast_fold, find_spans, first_match,  # noqa: F401
                       make_snippet, query_tokens, snippet_for, token_pattern)

ENTITIES = ("document", "target", "result", "deadline")


@dataclass
class Hit:
    entity: str                       # document | target | result | deadline
    entity_id: int
    document_id: int
    kind: str | None
    issuer: str | None
    year: int | None
    title: str
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)  # offsets into snippet
    exact: bool = False               # the accented query occurs as written
    score: float = 0.0

    def marked(self, open_: str = "[", close: str = "]") -> str:
        """The snippet with each highlight wrapped in `open_`/`close`."""
        out, pos = [], 0
        for start, end in self.highlights:
            out += [self.snippet[pos:start], open_, self.snippet[start:end], close]
            pos = end
        out.append(self.snippet[pos:])
        return "".join(out)

    def to_dict(self) -> dict:
        return {"entity": self.entity, "id": self.entity_id, "document_id": self.document_id,
                "kind": self.kind, "issuer": self.issuer, "year": self.year, "title": self.title,
                "snippet": self.snippet, "highlights": [list(h) for h in self.highlights],
                "exact": self.exact}


# --- querying ---------------------------------------------------------------------------

def search(session: Session, query: str, *, kind: str | None = None, issuer: str | None = None,
           year: int | None = None, entity: str | None = None, limit: int = 20) -> list[Hit]:
    """Ranked hits for `query` (accents optional), best first, with highlighted snippets.

    `kind` filters the document kind, `issuer` matches part of the issuer (accents optional),
    `year` the year of the document, target or deadline, `entity` one of ENTITIES.
    """
    query = normalise(query)
    tokens = query_tokens(query)
    if not tokens:
        return []
    window = limit * 2                  # candidates re-ranked in Python for exact matches
    filters, params = [], {"n": window}
    if kind:
        filters.append("e.kind = :kind")
        params["kind"] = kind
    if year:
        filters.append("e.year = :year")
        params["year"] = int(year)
    if entity:
        filters.append("e.entity = :entity")
        params["entity"] = entity
    if issuer:
        filters.append("e.issuer_folded LIKE :issuer")
        params["issuer"] = f"%{squash(fold(issuer))}%"
    where = "".join(f" AND {f}" for f in filters)
    # Phrase matches first, then the others, each best first by the backend's rank, capped at
    # `window` in the database: a broad word ("nghị quyết") matches most of the library, and
    # ranking, fetching and highlighting all of it is what made searches slow.
    phrase = len(tokens) > 1
    found = _candidates(session, params, where, tokens, phrase=phrase) if phrase else []
    # On PostgreSQL one query gives both (the phrase is checked on the AND-matches).
    others = [c for c in found if not c[2]]
    found = [c for c in found if c[2]][:window]
    if len(found) < window:
        seen = {i for i, _, _ in found}
        if not others:
            others = _candidates(session, params, where, tokens, phrase=False)
        found += [c for c in others if c[0] not in seen][:window - len(found)]
    if not found:
        return []
    # One query for the candidates' rows, one for the bodies needed (no query per hit): all
    # of them when the query is accented (an exact match ranks first), else only the `limit`
    # best, whose order the bodies cannot change (30 KB each: most of a PostgreSQL search).
    cols = (SearchEntry.id, SearchEntry.entity, SearchEntry.entity_id, SearchEntry.document_id,
            SearchEntry.kind, SearchEntry.issuer, SearchEntry.year, SearchEntry.title)
    meta = {r.id: r for r in session.execute(select(*cols).where(
        SearchEntry.id.in_([i for i, _, _ in found]))).all()}
    rows = [_Candidate(*meta[i], r=r, ph=ph) for i, r, ph in found if i in meta]
    wanted = squash(query).lower()
    need = rows if wanted != fold(wanted) else sorted(
        rows, key=lambda row: -_score(row, False))[:limit]
    # (the folded copies are no longer needed: snippets search the original text)
    bodies, _ = entry_bodies(session, [row.id for row in need])
    return rank(rows, query, tokens, limit, bodies)


@dataclass
class _Candidate:
    id: int
    entity: str
    entity_id: int
    document_id: int
    kind: str | None
    issuer: str | None
    year: int | None
    title: str
    r: float = 0.0
    ph: bool = False


# Each backend ranks at most this many matches (taken in index order): ts_rank and bm25 read
# each match's whole entry, so ranking every match of a broad word is the slow part. On
# PostgreSQL that means fetching a TOASTed tsvector per match (~10 KB compressed for a
# document: 10-15 ms for 400 of them), so it ranks half as many.
RANK_CAP = 400


def _candidates(session: Session, params: dict, where: str, tokens: list[str], *,
                phrase: bool) -> list[tuple[int, float, bool]]:
    """(entry id, score, phrase?) of the best `params["n"]` matches, best first."""
    params = dict(params, cap=RANK_CAP)
    if _dialect(session) == "sqlite":
        params["q"] = ('"' + " ".join(tokens) + '"' if phrase
                       else " ".join(f'"{t}"' for t in tokens))
        # As on PostgreSQL, bm25 ranks the first `cap` matches only (ORDER BY rank computes
        # it for every match: ~200 ms for a common phrase at 10,000 documents).
        if where:     # filters live on search_entries: filtered before the cap
            sql = ("SELECT id, r FROM (SELECT f.rowid AS id, bm25(search_fts, 4.0, 1.0) AS r "
                   "FROM search_fts f JOIN search_entries e ON e.id = f.rowid "
                   f"WHERE search_fts MATCH :q{where} LIMIT :cap) ORDER BY r LIMIT :n")
        else:
            sql = ("SELECT id, r FROM (SELECT rowid AS id, bm25(search_fts, 4.0, 1.0) AS r "
                   "FROM search_fts WHERE search_fts MATCH :q LIMIT :cap) ORDER BY r LIMIT :n")
        return [(i, -float(r or 0), phrase) for i, r in session.execute(text(sql), params)]
    params.update(a=" & ".join(tokens), q=" <-> ".join(tokens), cap=max(1, RANK_CAP // 2))
    # The GIN index answers the AND of the words exactly; a phrase needs each row's positions,
    # read from its TOASTed tsvector. So the phrase is checked on the first `cap` AND-matches
    # only (checking every document whose body has all the words took ~200 ms at 10,000
    # documents), in the same pass that ranks them: a phrase query returns its phrase matches
    # and the other AND-matches, flagged, each best first. `ARRAY[e.tsv]` fetches and
    # decompresses each tsvector once; used as a column, it was fetched for each of the three
    # expressions that read it.
    if not phrase:
        sql = ("SELECT s.id, ts_rank(s.tsv, a) AS r, false FROM (SELECT e.id, e.tsv "
               f"FROM search_entries e WHERE e.tsv @@ to_tsquery('simple', :a){where} "
               "LIMIT :cap) s, to_tsquery('simple', :a) a ORDER BY r DESC LIMIT :n")
    else:
        sql = ("SELECT id, r, ph FROM (SELECT s.id, s.v[1] @@ q AS ph, CASE WHEN s.v[1] @@ q "
               "THEN ts_rank(s.v[1], q) ELSE ts_rank(s.v[1], a) END AS r FROM (SELECT e.id, "
               f"ARRAY[e.tsv] AS v FROM search_entries e WHERE e.tsv @@ to_tsquery('simple', :a)"
               f"{where} LIMIT :cap) s, to_tsquery('simple', :q) q, to_tsquery('simple', :a) a) x "
               "ORDER BY ph DESC, r DESC")
    return [(i, float(r or 0), bool(ph)) for i, r, ph in session.execute(text(sql), params)]


def _score(row, exact: bool) -> float:  # noqa: ANN001
    """Exact accented text first, then the phrase, then the backend's rank."""
    return float(row.r or 0) + (100.0 if exact else 0.0) + (10.0 if row.ph else 0.0)


def contains_exact(text_: str, wanted: str) -> bool:
    """Whether `wanted` (lower case) occurs in `text_` in any case. Lower-casing a 30 KB body
    costs ~0.1 ms, so the usual spellings are looked for first.

    >>> contains_exact("Về CHUYỂN ĐỔI SỐ", "chuyển đổi số"), contains_exact("Về Chuyển Đổi số", "chuyển đổi số")
    (True, True)
    >>> contains_exact("chuyen doi so", "chuyển đổi số")
    False
    """
    return (wanted in text_ or wanted.upper() in text_ or wanted.capitalize() in text_
            or wanted in text_.lower())


def rank(rows, query: str, tokens: list[str], limit: int = 20,  # noqa: ANN001
         bodies: dict[int, str] | None = None) -> list[Hit]:
    """Order candidates: exact accented text first, then the phrase, then backend rank;
    snippets are computed for the `limit` best only."""
    bodies = bodies or {}
    wanted = squash(query).lower()
    accented = wanted != fold(wanted)
    phrase = " ".join(tokens)
    scored = []
    for row in rows:
        body = (bodies.get(row.id) or "")[:MAX_INDEXED_CHARS]
        # A phrase query's exact text can only be where the index found the phrase.
        exact = accented and (wanted in (row.title or "").lower() or (
            (row.ph or len(tokens) < 2) and contains_exact(body, wanted)))
        scored.append((_score(row, exact), exact, row, body))
    scored.sort(key=lambda t: -t[0])
    hits = []
    for score, exact, row, body in scored[:limit]:
        source = body or row.title or ""
        snippet, highlights = snippet_for(source, tokens, phrase=bool(row.ph))
        hits.append(Hit(entity=row.entity, entity_id=row.entity_id, document_id=row.document_id,
                        kind=row.kind, issuer=row.issuer, year=row.year, title=row.title or "",
                        snippet=snippet, highlights=highlights, exact=exact, score=score))
    return hits
