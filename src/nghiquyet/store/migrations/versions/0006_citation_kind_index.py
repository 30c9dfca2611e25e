"""An index on the kind of each citation: inferring the symbol of a document printed without
one reads the placeholders' citations of its kind, which was a scan of every citation (5 ms
per inference at 3,000 documents, and growing with the library) for one document in four.

Revision ID: 0006_citation_kind_index
Revises: 0005_search_text_once
Create Date: 2026-11-22 17:50:00
"""
from __future__ import annotations

from alembic import op


revision = '0006_citation_kind_index'
down_revision = '0005_search_text_once'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_citations_kind', 'citations', ['kind'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_citations_kind', table_name='citations')
