"""quizapp: fact-checking quizzes generated from news articles.

Importing this package imports nothing else, so that `quizapp.core` stays free of Flask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask


def create_app(config: dict | None = None) -> Flask:
    """Create and configure the quizapp application (see quizapp.app)."""
    from .app import create_app as _create_app

    return _create_app(config)
