"""hot path indexes

Indexes for the lookups that run on every log-in and workspace page, and for the foreign keys
that deletes follow: lower(username), the owners of sources, banks and quizzes, the share and
quiz-bank link tables by their second column, and retries by the attempt they retry.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

INDEXES = [
    ('ix_attempts_retry_of_id', 'attempts', ['retry_of_id']),
    ('ix_bank_shares_user_id', 'bank_shares', ['user_id']),
    ('ix_banks_owner_id', 'banks', ['owner_id']),
    ('ix_quiz_banks_bank_id', 'quiz_banks', ['bank_id']),
    ('ix_quiz_shares_user_id', 'quiz_shares', ['user_id']),
    ('ix_quizzes_owner_id', 'quizzes', ['owner_id']),
    ('ix_sources_owner_id', 'sources', ['owner_id']),
]


def upgrade():
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    op.create_index('ix_users_username_lower', 'users', [sa.text('lower(username)')], unique=False)


def downgrade():
    op.drop_index('ix_users_username_lower', table_name='users')
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
