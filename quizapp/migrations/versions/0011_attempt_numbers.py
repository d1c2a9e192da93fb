"""attempt numbers, kept responses

Starting an attempt is atomic on both engines: each (not retry) attempt gets its number within
(quiz, user), and a unique constraint on (quiz_id, user_id, number) lets only one of two
concurrent Starts in. Existing attempts are numbered in the order they started.

A question that students answered is never deleted with their responses: the foreign key from
responses to questions no longer cascades (RESTRICT), so a delete that would lose a response
fails instead (rejecting such a question withdraws it, see services/authoring.py).

Revision ID: 0011
Revises: 0002
Create Date: 2026-12-01 22:30:00.000000

"""
import warnings

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0002'
branch_labels = None
depends_on = None

NUMBERED = """
UPDATE attempts SET number = (
    SELECT n FROM (
        SELECT id, ROW_NUMBER() OVER (
            PARTITION BY quiz_id, user_id ORDER BY started_at, id
        ) AS n
        FROM attempts WHERE retry_of_id IS NULL
    ) AS numbered WHERE numbered.id = attempts.id
)
WHERE retry_of_id IS NULL
"""


def _question_fk(ondelete):
    with op.batch_alter_table('responses', schema=None) as batch_op:
        batch_op.drop_constraint('fk_responses_question_id_questions', type_='foreignkey')
        batch_op.create_foreign_key(
            'fk_responses_question_id_questions', 'questions', ['question_id'], ['id'],
            ondelete=ondelete,
        )


def upgrade():
    with warnings.catch_warnings():
        # SQLite's batch mode reflects the tables, and cannot reflect lower(username).
        warnings.filterwarnings('ignore', 'Skipped unsupported reflection of expression-based')
        _upgrade()


def downgrade():
    with warnings.catch_warnings():
        warnings.filterwarnings('ignore', 'Skipped unsupported reflection of expression-based')
        _downgrade()


def _upgrade():
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.Integer(), nullable=True))
    op.execute(NUMBERED)
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.create_unique_constraint(
            'uq_attempts_quiz_user_number', ['quiz_id', 'user_id', 'number']
        )
    _question_fk('RESTRICT')


def _downgrade():
    _question_fk('CASCADE')
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.drop_constraint('uq_attempts_quiz_user_number', type_='unique')
        batch_op.drop_column('number')
