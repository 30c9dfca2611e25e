"""Citations record what they say the cited document carries out (`cited_implements`: the
symbol keys after "thực hiện" in the citing sentence, space-separated; "" for none), worked
out once when the citation is stored. Inferring the symbol of a document printed without one
compared it with every candidate citation of its kind, re-reading each one's quote and
sentence and parsing them again; it now reads the few distinct (kind, issuer, title, what is
carried out) among them, grouped by the database.

Existing citations are filled in here from their quote and sentence, with the same rule
(`store.matching.implemented_in_quote`) the library applies to new ones.

Revision ID: 0007_citation_implements
Revises: 0006_citation_kind_index
Create Date: 2026-11-22 20:05:00
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0007_citation_implements'
down_revision = '0006_citation_kind_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from nghiquyet.store.matching import cited_implements
    with op.batch_alter_table('citations') as batch:
        batch.add_column(sa.Column('cited_implements', sa.Text(), nullable=True))
    conn = op.get_bind()
    citations = sa.table('citations', sa.column('id', sa.Integer), sa.column('cited_implements'))
    rows = conn.execute(sa.text("SELECT id, cited_symbol, quote, context FROM citations")).all()
    for i in range(0, len(rows), 1000):
        conn.execute(citations.update().where(citations.c.id == sa.bindparam('cid'))
                     .values(cited_implements=sa.bindparam('said')),
                     [{"cid": r[0], "said": cited_implements(r[2], r[3], r[1])}
                      for r in rows[i:i + 1000]])


def downgrade() -> None:
    with op.batch_alter_table('citations') as batch:
        batch.drop_column('cited_implements')
