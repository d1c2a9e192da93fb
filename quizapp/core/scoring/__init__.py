"""Scoring a typed answer: the answer, the key and the cited evidence in -> a `Verdict`.

May import: `text`, and `banks.model` for the `Question` that `score_answer` marks.

Public names: `check(answer, expected, evidence, kind)` and
`score_answer(question, answer, evidence_text)`.
"""

from quizapp.core.scoring.marking import KINDS, Verdict, check, score_answer

__all__ = ["KINDS", "Verdict", "check", "score_answer"]
