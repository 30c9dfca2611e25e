"""Citations keep the rest of their sentence in the citing text (`context`), since the
extractor's quote often stops before "... thực hiện Nghị quyết số X", which is what tells
two same-issuer action programmes apart when a document's symbol is inferred.

Revision ID: 0003_citation_context
Revises: 0002_tracking
Create Date: 2026-11-22 14:45:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003_citation_context'
down_revision = '0002_tracking'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('citations') as batch:
        batch.add_column(sa.Column('context', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('citations') as batch:
        batch.drop_column('context')
