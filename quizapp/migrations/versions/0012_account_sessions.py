"""account sessions

Usernames become unique regardless of case in the database (a unique index on lower(username)
replaces the plain one), and each user gets a session token that sessions and remember cookies
carry, so logging out or changing the password revokes them. Existing case variants of one name
are renamed "<name>-<id>" (the oldest keeps its name) so the unique index can be built.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 22:30:00.000000

"""
import secrets

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

users = sa.table(
    'users',
    sa.column('id', sa.Integer),
    sa.column('username', sa.String),
    sa.column('session_token', sa.String),
)


def upgrade():
    # First, as SQLite's batch mode rebuilds the table and cannot carry an expression index.
    op.drop_index('ix_users_username_lower', table_name='users')
    conn = op.get_bind()
    seen = set()
    rows = conn.execute(sa.select(users.c.id, users.c.username).order_by(users.c.id)).all()
    for user_id, username in rows:
        if username.lower() in seen:
            renamed = f"{username[:80 - len(str(user_id)) - 1]}-{user_id}"
            conn.execute(users.update().where(users.c.id == user_id).values(username=renamed))
        seen.add(username.lower())
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('session_token', sa.String(length=64), nullable=True))
    for user_id, _ in rows:
        conn.execute(users.update().where(users.c.id == user_id)
                     .values(session_token=secrets.token_urlsafe(24)))
    with op.batch_alter_table('users') as batch:
        batch.alter_column('session_token', existing_type=sa.String(length=64), nullable=False)
    op.create_index('ix_users_username_lower', 'users', [sa.text('lower(username)')], unique=True)


def downgrade():
    op.drop_index('ix_users_username_lower', table_name='users')
    with op.batch_alter_table('users') as batch:
        batch.drop_column('session_token')
    op.create_index('ix_users_username_lower', 'users', [sa.text('lower(username)')], unique=False)
