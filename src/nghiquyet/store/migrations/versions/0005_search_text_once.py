"""The search index keeps no copy of a document's text of its own.

Before, each document's text was stored three times: in its version, again as the body of
its search entry, and once more folded in the FTS5 table on SQLite (138 KB per 30 KB text).
Now a document's search entry points at the version it indexes (`version_id`) with an empty
body, and on SQLite `search_fts` is an external-content FTS5 table over the view
`search_fts_source`, which reads the entries (and, for documents, the version's text). FTS5's
own tokenizer removes the marks; the view only turns `đ` into `d`, which has no mark to drop.
PostgreSQL keeps its tsvector column, computed at insert from the folded text.

The upgrade moves each document entry whose body is its current version's text (all of them,
unless an index went stale) to that version and rebuilds the SQLite index from the view;
nothing is lost, and the downgrade puts the bodies and the folded copies back.

Revision ID: 0005_search_text_once
Revises: 0004_unnumbered_index
Create Date: 2026-11-22 17:40:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0005_search_text_once'
down_revision = '0004_unnumbered_index'
branch_labels = None
depends_on = None

# What FTS5 indexes for an entry; FTS5 reads it back through this view when a row is deleted,
# so it must only ever depend on rows that do not change while indexed (entries are inserted
# and deleted, never updated; a version's text never changes). The title of a document also
# carries its issuer ("dak lak" finds a province's documents); bodies are indexed up to
# store.index.MAX_INDEXED_CHARS characters.
SOURCE_VIEW = """
CREATE VIEW search_fts_source AS
SELECT e.id AS id,
       replace(replace(CASE WHEN e.entity = 'document'
                            THEN e.title || ' ' || coalesce(e.issuer, '')
                            ELSE e.title END, 'đ', 'd'), 'Đ', 'D') AS title,
       replace(replace(substr(CASE WHEN e.version_id IS NULL THEN e.body
                                   ELSE (SELECT v.text FROM document_versions v
                                         WHERE v.id = e.version_id) END, 1, 200000),
                       'đ', 'd'), 'Đ', 'D') AS body
FROM search_entries e
"""
FTS = ("CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_fts_source', "
       "content_rowid='id', tokenize = 'unicode61 remove_diacritics 2')")
OLD_FTS = ("CREATE VIRTUAL TABLE search_fts USING fts5("
           "title, body, tokenize = 'unicode61 remove_diacritics 2')")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == 'sqlite'
    if sqlite:                        # the old index goes first: it held its own copies
        op.execute("DROP TABLE IF EXISTS search_fts")
    # No foreign key: a version is deleted only with its document, whose entries go with it.
    with op.batch_alter_table('search_entries') as batch:
        batch.add_column(sa.Column('version_id', sa.Integer(), nullable=True))
    current = ("(SELECT v.id FROM documents d JOIN document_versions v "
               "ON v.id = d.current_version_id WHERE d.id = search_entries.document_id "
               "AND v.text = search_entries.body)")
    op.execute(f"UPDATE search_entries SET version_id = {current} WHERE entity = 'document'")
    op.execute("UPDATE search_entries SET body = '' WHERE version_id IS NOT NULL")
    if sqlite:
        op.execute(SOURCE_VIEW)
        op.execute(FTS)
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")


def downgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == 'sqlite'
    if sqlite:
        op.execute("DROP TABLE IF EXISTS search_fts")
        op.execute("DROP VIEW IF EXISTS search_fts_source")
    op.execute("UPDATE search_entries SET body = (SELECT v.text FROM document_versions v "
               "WHERE v.id = search_entries.version_id) WHERE version_id IS NOT NULL")
    with op.batch_alter_table('search_entries') as batch:
        batch.drop_column('version_id')
    if sqlite:                        # the folded copies, as the old index kept them
        from nghiquyet.store.snippets import fast_fold
        op.execute(OLD_FTS)
        rows = bind.exec_driver_sql("SELECT id, entity, title, issuer, body "
                                    "FROM search_entries").fetchall()
        if rows:
            bind.exec_driver_sql(
                "INSERT INTO search_fts(rowid, title, body) VALUES (?, ?, ?)",
                [(i, fast_fold(f"{t} {iss or ''}" if entity == 'document' else t),
                  fast_fold(body[:200_000])) for i, entity, t, iss, body in rows])
