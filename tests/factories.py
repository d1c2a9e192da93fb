"""Plain factory functions for tests: real rows in the real test database."""

from __future__ import annotations

from quizapp.core.banks import model as core
from quizapp.extensions import db
from quizapp.models import Bank, Quiz, User
from quizapp.services.banks import add_bank

ARTICLE = (
    "Flooding displaced more than 12,000 people in the region, the Red Cross said on Monday. "
    "According to the national weather service, about 300 millimetres of rain fell in two days. "
    "Officials speculate that the damage could reach $2 billion. "
    "Governor Maria Lopez said 40 schools would stay closed until June 17."
)


def span(text: str, needle: str) -> core.Evidence:
    """Return evidence for the sentence of `text` that contains `needle`."""
    i = text.index(needle)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", i)
    end = len(text) if end < 0 else end + 1
    return core.Evidence("s1", start, end)


def sample_bank(title: str = "Floods", text: str = ARTICLE) -> core.Bank:
    """Return a small core bank with one question of each common type."""
    questions = [
        core.Question(
            "q1",
            "source",
            "Who is cited for the figure of over 12,000 people displaced?",
            "the Red Cross",
            accept=["Red Cross"],
            evidence=[span(text, "12,000")],
            tags=["source"],
            difficulty=0.3,
        ),
        core.Question(
            "q2",
            "figure",
            "According to the national weather service, about how many "
            "millimetres of rain fell in two days?",
            "about 300",
            accept=["300"],
            evidence=[span(text, "300 millimetres")],
            tags=["figure"],
        ),
        core.Question(
            "q3",
            "date",
            "Until when will the 40 schools stay closed?",
            "June 17",
            evidence=[span(text, "June 17")],
            tags=["date"],
        ),
        core.Question(
            "q4",
            "verdict",
            "The Red Cross said 40,000 people were displaced.",
            "Contradicted",
            choices=list(core.VERDICT_CHOICES),
            evidence=[span(text, "12,000")],
            tags=["verdict"],
        ),
        core.Question(
            "q5",
            "attribution",
            "How is the $2 billion damage estimate sourced?",
            "Unnamed or vague reports",
            choices=["A named source", "Unnamed or vague reports", "No source given"],
            evidence=[span(text, "$2 billion")],
            tags=["attribution"],
        ),
    ]
    source = core.Source(
        "s1", "Floods displace thousands", text, publisher="Daily Planet", date="2025-06-10"
    )
    return core.Bank(
        title=title, description="Flood coverage", sources=[source], questions=questions
    )


def evidence_bank() -> core.Bank:
    """Return the sample bank with an evidence (sentence picker) question added."""
    doc = sample_bank()
    sentences = [
        "According to the national weather service, about 300 millimetres of rain fell in two "
        "days.",
        "Officials speculate that the damage could reach $2 billion.",
        "Governor Maria Lopez said 40 schools would stay closed until June 17.",
    ]
    doc.questions.append(
        core.Question(
            "q6",
            "evidence",
            "Which sentence supports the claim that rain was heavy?",
            sentences[0],
            choices=sentences,
            evidence=[span(ARTICLE, "300 millimetres")],
            explanation="The weather service sentence gives the rainfall.",
            tags=["evidence"],
        )
    )
    return doc


def make_bank(owner: User | None = None, doc: core.Bank | None = None) -> Bank:
    """Store a bank (approved questions) and return it."""
    bank = add_bank(doc or sample_bank(), owner.id if owner else None, status="approved")
    db.session.commit()
    return bank


def make_quiz(banks: list[Bank], owner: User | None = None, **fields) -> Quiz:
    """Store a published quiz over the banks and return it."""
    values = {"title": "Flood quiz", "mode": "practice", "published": True, "shuffle": False}
    values.update(fields)
    quiz = Quiz(owner_id=owner.id if owner else None, banks=banks, **values)
    db.session.add(quiz)
    db.session.commit()
    return quiz
