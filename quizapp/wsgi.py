"""WSGI entry point for any server: `gunicorn "quizapp.wsgi:app"`."""

from . import create_app

app = create_app()
