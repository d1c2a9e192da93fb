"""answer weights, per-answer feedback and short-answer wildcards

Moodle-style questions keep what Moodle carries: the percent credit of each choice (multiple
response, partial credit), the feedback of each answer, and whether short answers are patterns.

Revision ID: 0016
Revises: 0012
Create Date: 2026-12-01 23:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN (no batch copy of the table): SQLite and PostgreSQL both do it in place.
    op.add_column('questions', sa.Column('weights', sa.JSON(), nullable=True))
    op.add_column('questions', sa.Column('feedback', sa.JSON(), nullable=True))
    op.add_column('questions', sa.Column('wildcards', sa.Boolean(), server_default=sa.false(),
                                         nullable=False))


def downgrade():
    op.drop_column('questions', 'wildcards')
    op.drop_column('questions', 'feedback')
    op.drop_column('questions', 'weights')
