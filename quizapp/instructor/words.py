"""Question types and tags in the words a teacher uses, for the workspace's pages."""

from __future__ import annotations

from . import bp

TYPE_WORDS = {
    "source": "Who is cited",
    "figure": "Figure",
    "date": "Date",
    "verdict": "Supported or not",
    "evidence": "Which sentence",
    "attribution": "How it is sourced",
    "discrepancy": "Sources disagree",
    "text": "Typed answer",
}
TAG_WORDS = {
    "named-source": "Named source",
    "vague-source": "Vague source",
    "none-source": "No source given",
    "multiple-choice": "Multiple choice",
    "recency": "Most recent figure",
}


@bp.app_template_filter("type_word")
def type_word(qtype: str) -> str:
    """Return a question type as a teacher says it ("text" -> "Typed answer")."""
    return TYPE_WORDS.get(qtype, (qtype or "").replace("-", " ").capitalize())


@bp.app_template_filter("tag_word")
def tag_word(tag: str) -> str:
    """Return a tag as a teacher says it ("none-source" -> "No source given")."""
    return TAG_WORDS.get(tag, (tag or "").replace("-", " ").replace("_", " ").capitalize())
