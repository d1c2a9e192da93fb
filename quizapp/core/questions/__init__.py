"""Questions from claims: candidate builders, ranking, integrity checks, and drawing an attempt.

May import: `text`, `reading`, `claims`, `banks` (the model it fills), and `scoring` (to check
that a key is consistent with the scorer).

Public names: `generate_questions`, `generate_bank`, `check_integrity`.
"""

from quizapp.core.questions.generator import (
    ANSWER_IN_EVIDENCE,
    check_integrity,
    generate_bank,
    generate_questions,
)

__all__ = ["ANSWER_IN_EVIDENCE", "check_integrity", "generate_bank", "generate_questions"]
