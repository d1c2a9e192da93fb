"""The question bank: plain dataclasses shared by the generator, the scorer and the bank formats.

The quizapp format itself (JSON or YAML) is read and written by `banks.native`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BANK_FORMAT = "quizapp-bank"
BANK_VERSION = 1
MAX_BYTES = 5_000_000
MAX_QUESTIONS = 20_000
MAX_SOURCES = 20_000
#: {"questions": [{"evidence": [{...}]}]} is five levels deep; nothing in a bank nests deeper.
MAX_DEPTH = 5

#: Question types the product knows. Others may be added; these names are a public contract.
QUESTION_TYPES = (
    "source",
    "figure",
    "date",
    "verdict",
    "evidence",
    "attribution",
    "discrepancy",
    "text",
    "multi",
)

#: A key that is a figure: "110,000", "about 10,000", "more than six", "just over 18,000".
_NUMBER_KEY = re.compile(r"(?i)(?:(?:about|around|some|nearly|almost|more than|over|at least|up to|"
                         r"just over|just under|fewer than|less than|roughly|approximately)\s+)?"
                         r"(?:[$€£]\s?)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|"
                         r"ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b")
#: The scorer `kind` used for a typed answer to a question of each type.
SCORING_KIND = {
    "source": "source",
    "figure": "figure",
    "date": "date",
    "verdict": "verdict",
    "place": "place",
}

VERDICT_CHOICES = ("Supported", "Contradicted", "Not stated in the article")
STATUSES = ("draft", "approved")


@dataclass(slots=True)
class Evidence:
    """A span of a source's clean text: Python offsets, `end` exclusive."""

    source: str
    start: int
    end: int


@dataclass
class Source:
    """An article: metadata plus the clean text that evidence offsets index."""

    id: str
    title: str
    text: str
    publisher: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    url: str | None = None


@dataclass(slots=True)
class Question:
    """One question. For multiple choice, `answer` is the text of the right choice."""

    id: str
    type: str
    prompt: str
    answer: str
    accept: list[str] = field(default_factory=list)
    choices: list[str] | None = None
    evidence: list[Evidence] = field(default_factory=list)
    explanation: str = ""
    tags: list[str] = field(default_factory=list)
    difficulty: float = 0.5
    status: str = "approved"  # "draft" or "approved"
    tolerance: float = 0.0  # numerical answers (Moodle): right within +/- tolerance
    #: Percent credit (-100..100) of each choice, or of each of [answer, *accept] for a typed
    #: answer; None: the answer earns 100 and everything else 0. Required for "multi".
    weights: list[float] | None = None
    #: Feedback shown for each choice (or each of [answer, *accept]); None: none.
    feedback: list[str] | None = None
    #: Typed answers are Moodle short-answer patterns: "*" matches anything, "\\*" is a "*".
    wildcards: bool = False

    @property
    def answers(self) -> list[str]:
        """Return what weights and feedback line up with: the choices, else [answer, *accept]."""
        return list(self.choices) if self.choices is not None else [self.answer, *self.accept]

    def weight_of(self, index: int) -> float:
        """Return the percent credit of choice (or typed answer) number index."""
        if self.weights is not None:
            return self.weights[index]
        if self.choices is not None:
            return 100.0 if self.choices[index] == self.answer else 0.0
        return 100.0

    @property
    def scoring_kind(self) -> str:
        """The scorer kind for a typed answer to this question (a discrepancy question whose
        key is a figure is marked as a figure: "110k" for "110,000")."""
        if self.type == "discrepancy" and _NUMBER_KEY.match(self.answer):
            return "figure"
        return SCORING_KIND.get(self.type, "text")


@dataclass
class Bank:
    """A bank: a titled list of questions with the sources their evidence points into."""

    title: str
    description: str = ""
    sources: list[Source] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    #: Questions an import left out on request (`skip_unsupported`), each "line N: reason".
    skipped: list[str] = field(default_factory=list)
    #: The same left-out questions with their kind, for an import preview.
    skips: list[Skip] = field(default_factory=list, compare=False)
    #: What an import changed on the way in (HTML cleaned, a duplicate choice merged...).
    changes: list[Change] = field(default_factory=list, compare=False)
    #: The file line each question starts on (GIFT, Moodle XML), for an import preview.
    question_lines: list[int | None] = field(default_factory=list, compare=False)
    tags: list[str] = field(default_factory=list)
    #: How the quiz published from this bank at start-up is set up (optional "quiz" object).
    quiz: QuizSettings | None = None


#: Open book: the article is beside every question. Closed book: read first, then recall.
BOOKS = ("open", "closed")


@dataclass
class Skip:
    """A question an import leaves out: where, its kind (matching, essay...) and why."""

    line: int | None
    kind: str
    reason: str


@dataclass
class Change:
    """Something an import changes in a question it keeps, and where."""

    line: int | None
    question: str  # the question's id once known, else ""
    what: str


@dataclass
class QuizSettings:
    """A bank file's suggestion for its quiz: mode, how many questions, open or closed book."""

    mode: str = "practice"
    questions: int | None = None  # None: every approved question
    book: str = "open"  # "open": the article beside each question; "closed": read it first


class BankError(ValueError):
    """A bank file that cannot be read: where (line or element) and why."""

    def __init__(self, reason: str, line: int | None = None, where: str | None = None):
        self.reason = reason
        self.line = line
        self.where = where
        place = f"line {line}" if line is not None else (where or "")
        super().__init__(f"{place}: {reason}" if place else reason)


#: A Moodle short-answer pattern's wildcard "*" and its escaped, literal "\\*".
PATTERN_STAR = re.compile(r"\\\*|\*")


def is_pattern(text: str) -> bool:
    """Tell whether a short answer holds a wildcard "*" (not an escaped "\\*")."""
    return any(m.group() == "*" for m in PATTERN_STAR.finditer(text))


def literal(text: str) -> str:
    """Return a pattern without wildcards as the text it stands for ("\\*" is "*")."""
    return text.replace("\\*", "*")
