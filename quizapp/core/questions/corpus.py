"""The corpus a bank is generated from: articles with their claims, speakers and figure pools."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from quizapp.core.banks.model import Question, Source
from quizapp.core.claims.extract import Claim, extract_claims, named_speakers
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.speakers import Speaker
from quizapp.core.questions.believable import believable

_TERMINAL = re.compile(r"[.!?][\"'”’)]*$")
POOL_SCAN = 40  # how many corpus entries a distractor search looks at: keeps generation linear


@dataclass
class Article:
    """A source read into claims."""

    source: Source
    claims: list[Claim]
    speakers: list[Speaker]
    sentences: list[Claim] = field(default_factory=list)
    #: Every figure of its sentences with the one sentence that holds it, worked out once by
    #: the figure builders (`open_book.article_figures`).
    figure_sentences: list[tuple[Figure, str]] | None = field(default=None, repr=False,
                                                              compare=False)
    #: The words that may name its event (`stories.story_words`), worked out once.
    story_words: frozenset[str] | None = field(default=None, repr=False, compare=False)
    #: Its counts that may conflict and its sentences on another event
    #: (`tolls.count_entries`), worked out once.
    counts: tuple[list, set[int]] | None = field(default=None, repr=False, compare=False)
    #: The sentences each of its sources gives or names (`builders._same_voice`), once each.
    voices: dict | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Keep the claims that are full sentences (not headlines, captions or datelines)."""
        self.sentences = [
            c for c in self.claims if (_TERMINAL.search(c.text) and len(c.text.split()) >= 6) or (
                len(c.text.split()) >= 12 and c.attribution.strength in ("named", "described"))
        ]  # a standfirst may end without a stop: "Disease claims 337 lives, WHO says as ..."

    def sentence_claims(self) -> list[Claim]:
        """Return the claims that are full sentences."""
        return self.sentences


@dataclass
class Corpus:
    """All articles plus pools of speakers and figures for distractors and controlled changes."""

    articles: list[Article]
    speakers: list[tuple[str, Speaker]] = field(default_factory=list)
    figures: dict[str, list[tuple[str, Figure, Claim]]] = field(default_factory=dict)
    _by_id: dict[str, Article] = field(default_factory=dict, repr=False, compare=False)

    def article(self, source_id: str) -> Article | None:
        """Return the article of a source id (indexed at the first call)."""
        if len(self._by_id) != len(self.articles):
            self._by_id = {a.source.id: a for a in self.articles}
        return self._by_id.get(source_id)

    @classmethod
    def read(cls, sources: Iterable[Source]) -> Corpus:
        """Read every source into claims and index its named speakers and figures."""
        corpus = cls([])
        for source in sources:
            year = int(source.date[:4]) if source.date and source.date[:4].isdigit() else None
            month = int(source.date[5:7]) if source.date and source.date[5:7].isdigit() else None
            claims = [believable(c, source.text)
                      for c in extract_claims(source.text, year=year, month=month)]
            article = Article(source, claims, named_speakers(claims))
            corpus.articles.append(article)
            corpus.speakers.extend((source.id, s) for s in article.speakers)
            for claim in article.sentence_claims():
                for figure in claim.figures:
                    if quizzable(figure):
                        corpus.figures.setdefault(figure.topic, []).append(
                            (source.id, figure, claim)
                        )
        return corpus


def quizzable(figure: Figure) -> bool:
    """Tell whether a figure is worth a question: counted or measured, and not a bare small word."""
    if figure.topic == "calibre":
        return False
    if figure.high is not None:
        return True  # a range: "20 to 25 years", "between 10,000 and 12,000"
    if re.fullmatch(r"(?:1[89]|20)\d\d", figure.number_text) and not figure.qualifier:
        return False  # "the 2008 financial crisis": a year, not a figure
    if re.match(r"[a-z]+est\b|(?:top|first|last|next)\b", figure.noun or ""):
        return False  # "the three biggest automakers": a selection, not a count
    digits = figure.number_text[0].isdigit()
    if not (figure.noun or figure.unit) and not figure.qualifier:
        return (digits and figure.value >= 2) or figure.value >= 10  # "32 were killed", "the
        # toll stood at 4,460", "A dozen have been killed"
    return (digits or figure.value >= 3 or bool(figure.qualifier)
            or figure.value == 2 and bool(figure.noun)  # "two men were killed"
            or figure.number_text.lower() == "zero"  # "cut VAT to zero"
            or 0 < figure.value < 1)  # a share in words: "two-thirds of rivers"


def seed_of(*parts: object) -> int:
    """Return a stable integer seed from parts (deterministic across runs and processes)."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big")


def window(items: list, seed: int, size: int = POOL_SCAN) -> list:
    """Return up to `size` items of a pool starting at a seeded position (wrapping around)."""
    if len(items) <= size:
        return items
    start = seed % len(items)
    picked = items[start : start + size]
    return picked + items[: size - len(picked)]


def order_choices(answer: str, distractors: list[str], seed: int) -> list[str]:
    """Return the answer and distractors in a stable seeded order."""
    choices = [answer, *distractors]
    return sorted(choices, key=lambda c: seed_of(seed, c))


def distinct(answer: str, candidates: Iterable[str], k: int) -> list[str]:
    """Return up to `k` candidates that differ from the answer and from each other."""
    seen = {_norm(answer)}
    picked: list[str] = []
    for candidate in candidates:
        key = _norm(candidate)
        if key and key not in seen:
            seen.add(key)
            picked.append(candidate)
            if len(picked) == k:
                break
    return picked


@lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    """Normalise a choice for comparison."""
    return re.sub(r"\W+", " ", text.lower()).strip()


@dataclass
class Candidate:
    """A generated question before ranking: its score and what it covers."""

    question: Question
    source_id: str
    score: float
    covers: tuple[str, ...] = ()
