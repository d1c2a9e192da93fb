"""quiz book: open or closed book

Open book (the default) shows the article beside every question; closed book shows it on a
"read first" page before question 1, then only once each answer is submitted.

Revision ID: 0017
Revises: 0014
Create Date: 2026-12-01 22:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('quizzes') as batch_op:
        batch_op.add_column(
            sa.Column('book', sa.String(length=10), server_default='open', nullable=False)
        )


def downgrade():
    with op.batch_alter_table('quizzes') as batch_op:
        batch_op.drop_column('book')
