"""A partial index on the documents printed without their own symbol (a few percent of the
library): every new citation that makes a placeholder looks among them for the document it
may describe, which was a scan of the whole documents table per ingested file.

Revision ID: 0004_unnumbered_index
Revises: 0003_citation_context
Create Date: 2026-11-22 15:55:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0004_unnumbered_index'
down_revision = '0003_citation_context'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_documents_unnumbered', 'documents', ['kind'], unique=False,
                    sqlite_where=sa.text('symbol IS NULL'),
                    postgresql_where=sa.text('symbol IS NULL'))


def downgrade() -> None:
    op.drop_index('ix_documents_unnumbered', table_name='documents')
