"""What an import will do, before it does it: the questions kept, those left out, the changes.

The web preview and `quizapp import --dry-run` show the same summary, built here from a parsed
Bank, so the instructor decides on exactly what would be written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from quizapp.core.banks.model import Bank, Change, Question, Skip


@dataclass
class Row:
    """One question to import, as a preview lists it."""

    line: int | None
    id: str
    kind: str
    prompt: str
    changes: list[str]


@dataclass
class ImportSummary:
    """The rows to import, the questions left out and the changes, for one file."""

    filename: str
    title: str
    rows: list[Row]
    skips: list[Skip]
    changes: list[Change]

    @property
    def skipped_by_kind(self) -> dict[str, int]:
        """Count the left-out questions by kind, most first."""
        return dict(Counter(s.kind for s in self.skips).most_common())

    @property
    def imported_by_kind(self) -> dict[str, int]:
        """Count the questions to import by kind, most first."""
        return dict(Counter(r.kind for r in self.rows).most_common())

    def headline(self) -> str:
        """Say in one line what the import does."""
        left = ", ".join(f"{kind} {n}" for kind, n in self.skipped_by_kind.items())
        return (f"{self.filename}: {len(self.rows)} questions to import"
                + (f", {len(self.skips)} left out ({left})" if self.skips else "")
                + (f", {len(self.changes)} changes" if self.changes else ""))

    def lines(self) -> list[str]:
        """Write the whole summary as text lines (the command line's dry run)."""
        out = [self.headline(), f"Bank title: {self.title}", "", "Import:"]
        out += [f"  {_at(r.line)}  {r.id}  [{r.kind}]  {_short(r.prompt)}" for r in self.rows]
        if self.skips:
            out += ["", "Leave out:"]
            out += [f"  {_at(s.line)}  [{s.kind}]  {s.reason}" for s in self.skips]
        if self.changes:
            out += ["", "Change:"]
            out += [f"  {_at(c.line)}  {c.question}: {c.what}" for c in self.changes]
        return out


def _at(line: int | None) -> str:
    return f"line {line}" if line is not None else "line ?"


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "\u2026"


def kind_of(q: Question) -> str:
    """Name a question's kind for a person: multiple choice, true/false, short answer..."""
    if q.type == "multi":
        return "multiple response"
    if q.choices == ["True", "False"]:
        return "true/false"
    if q.choices:
        return "multiple choice"
    if q.type == "figure":
        return "numerical"
    return "short answer"


def summarise(bank: Bank, filename: str) -> ImportSummary:
    """Build the summary of importing a parsed bank."""
    lines = bank.question_lines or [None] * len(bank.questions)
    by_question: dict[str, list[str]] = {}
    for change in bank.changes:
        by_question.setdefault(change.question, []).append(change.what)
    rows = [Row(line, q.id, kind_of(q), q.prompt, by_question.get(q.id, []))
            for line, q in zip(lines, bank.questions, strict=True)]
    return ImportSummary(filename, bank.title, rows, list(bank.skips), list(bank.changes))
