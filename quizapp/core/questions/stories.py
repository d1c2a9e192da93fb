"""Whether two articles report one story: they share a name of its event in title or lead."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.questions.corpus import Article

_GENERIC_NAMES = frozenset(
    """the a an un u.n. us uk eu new world health organisation organization office united
    nations national international reuters ap afp bbc cnn mr ms mrs dr says said after over
    toll death dead killed kill deaths rise rises risen revised reaches reach new news report
    reports latest more than from with into amid least figure figures number""".split())


def story_words(article: Article) -> frozenset[str]:
    """Return the capitalised words of an article's title and lead that may name its event
    (places, people, named events), without generic or organisation words."""
    return _event_words(article.source.title, " ".join(c.text for c in article.claims[:3]))


@lru_cache(maxsize=1024)
def _event_words(title: str, lead: str) -> frozenset[str]:
    """Return the event words of a title and lead (cached: every figure compares them again)."""
    words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", f"{title} . {lead}")
    title_words = re.findall(r"[a-z]{4,}", title.lower())  # "flood", "typhoon"
    return frozenset({w.lower() for w in words} | {w.removesuffix("s") for w in title_words}
                     ) - _GENERIC_NAMES


def same_story(a: Article, b: Article) -> bool:
    """Tell whether two articles report one story: their titles and leads share a name that
    is not generic ("Derna", "Tacloban"), so their figures may conflict."""
    return bool(story_words(a) & story_words(b))
