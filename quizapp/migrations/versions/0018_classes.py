"""classes, enrolment, assignments, time limits, accounts

Classes with their instructors and enrolled students, quizzes assigned to classes with open and
due dates, per-student extra time; quizzes gain a guests flag and a time limit, attempts a
deadline and a preview flag, users a display name and an email (unique whatever its case).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01 22:20:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('classes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('join_code', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_classes')),
    sa.UniqueConstraint('join_code', name=op.f('uq_classes_join_code'))
    )
    op.create_table('class_instructors',
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['classes.id'], name=op.f('fk_class_instructors_class_id_classes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_class_instructors_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('class_id', 'user_id', name=op.f('pk_class_instructors'))
    )
    op.create_index(op.f('ix_class_instructors_user_id'), 'class_instructors', ['user_id'], unique=False)
    op.create_table('enrolments',
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['classes.id'], name=op.f('fk_enrolments_class_id_classes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_enrolments_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('class_id', 'user_id', name=op.f('pk_enrolments'))
    )
    op.create_index(op.f('ix_enrolments_user_id'), 'enrolments', ['user_id'], unique=False)
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('opens_at', sa.DateTime(), nullable=True),
    sa.Column('due_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['class_id'], ['classes.id'], name=op.f('fk_assignments_class_id_classes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quiz_id'], ['quizzes.id'], name=op.f('fk_assignments_quiz_id_quizzes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assignments')),
    sa.UniqueConstraint('class_id', 'quiz_id', name='uq_assignments_class_quiz')
    )
    op.create_index(op.f('ix_assignments_quiz_id'), 'assignments', ['quiz_id'], unique=False)
    op.create_table('extra_time',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['quiz_id'], ['quizzes.id'], name=op.f('fk_extra_time_quiz_id_quizzes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_extra_time_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'user_id', name=op.f('pk_extra_time'))
    )
    op.create_index(op.f('ix_extra_time_user_id'), 'extra_time', ['user_id'], unique=False)
    # Plain ADD COLUMN (no batch copy): SQLite adds columns in place, and a batch copy of
    # users would reflect, and lose, its lower(username) expression index.
    op.add_column('users', sa.Column('display_name', sa.String(length=120), nullable=True))
    op.add_column('users', sa.Column('email', sa.String(length=254), nullable=True))
    op.create_index('ix_users_email_lower', 'users', [sa.text('lower(email)')], unique=True)
    op.add_column('quizzes', sa.Column('open_to_guests', sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column('quizzes', sa.Column('time_limit_minutes', sa.Integer(), nullable=True))
    op.add_column('attempts', sa.Column('deadline', sa.DateTime(), nullable=True))
    op.add_column('attempts', sa.Column('preview', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    op.drop_column('attempts', 'preview')
    op.drop_column('attempts', 'deadline')
    op.drop_column('quizzes', 'time_limit_minutes')
    op.drop_column('quizzes', 'open_to_guests')
    op.drop_index('ix_users_email_lower', table_name='users')
    op.drop_column('users', 'email')
    op.drop_column('users', 'display_name')
    op.drop_index(op.f('ix_extra_time_user_id'), table_name='extra_time')
    op.drop_table('extra_time')
    op.drop_index(op.f('ix_assignments_quiz_id'), table_name='assignments')
    op.drop_table('assignments')
    op.drop_index(op.f('ix_enrolments_user_id'), table_name='enrolments')
    op.drop_table('enrolments')
    op.drop_index(op.f('ix_class_instructors_user_id'), table_name='class_instructors')
    op.drop_table('class_instructors')
    op.drop_table('classes')
