"""appeals and regrades

Issue 15: a response remembers whether the scorer was unsure and whether an instructor marked it
by hand; students appeal marks (one appeal per response); every change of a mark is audited.

Revision ID: 0014
Revises: 0016
Create Date: 2026-12-01 22:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0016'
branch_labels = None
depends_on = None

AWAITING_REVIEW = sa.text('unsure AND NOT hand_marked')


def upgrade():
    # Plain ADD COLUMN (a constant default) on both engines: no table copy, no reflection.
    op.add_column(
        'responses', sa.Column('unsure', sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.add_column(
        'responses',
        sa.Column('hand_marked', sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.create_index(
        'ix_responses_awaiting_review', 'responses', ['question_id'], unique=False,
        postgresql_where=AWAITING_REVIEW, sqlite_where=AWAITING_REVIEW,
    )
    op.create_table(
        'appeals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('response_id', sa.Integer(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('reply', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('decided_at', sa.DateTime(), nullable=True),
        sa.Column('decided_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'],
                                name=op.f('fk_appeals_decided_by_id_users'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['response_id'], ['responses.id'],
                                name=op.f('fk_appeals_response_id_responses'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_appeals')),
        sa.UniqueConstraint('response_id', name=op.f('uq_appeals_response_id')),
    )
    op.create_index('ix_appeals_status', 'appeals', ['status'], unique=False)
    op.create_index('ix_appeals_decided_by_id', 'appeals', ['decided_by_id'], unique=False)
    op.create_table(
        'mark_changes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('response_id', sa.Integer(), nullable=False),
        sa.Column('changed_by_id', sa.Integer(), nullable=True),
        sa.Column('changed_at', sa.DateTime(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('old_correct', sa.Boolean(), nullable=False),
        sa.Column('old_credit', sa.Float(), nullable=False),
        sa.Column('new_correct', sa.Boolean(), nullable=False),
        sa.Column('new_credit', sa.Float(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('seen_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['changed_by_id'], ['users.id'],
                                name=op.f('fk_mark_changes_changed_by_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['response_id'], ['responses.id'],
                                name=op.f('fk_mark_changes_response_id_responses'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_mark_changes')),
    )
    op.create_index('ix_mark_changes_response_id', 'mark_changes', ['response_id'], unique=False)
    op.create_index(
        'ix_mark_changes_changed_by_id', 'mark_changes', ['changed_by_id'], unique=False
    )


def downgrade():
    op.drop_index('ix_mark_changes_changed_by_id', table_name='mark_changes')
    op.drop_index('ix_mark_changes_response_id', table_name='mark_changes')
    op.drop_table('mark_changes')
    op.drop_index('ix_appeals_decided_by_id', table_name='appeals')
    op.drop_index('ix_appeals_status', table_name='appeals')
    op.drop_table('appeals')
    op.drop_index('ix_responses_awaiting_review', table_name='responses')
    with op.batch_alter_table('responses') as batch:
        batch.drop_column('hand_marked')
        batch.drop_column('unsure')
