"""Whether two articles report one story: they share a name of its event in title or lead."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.questions.corpus import Article

_GENERIC_NAMES = frozenset(
    """the a an un u.n. us uk eu new world health organisation organization office united
    nations national international reuters ap afp bbc cnn mr ms mrs dr says said after over
    toll death dead killed kill deaths rise rises risen revised reaches reach new news report
    reports latest more than from with into amid least figure figures number monday tuesday
    wednesday thursday friday saturday sunday january february march april may june july august
    september october november december police government minister president officials state
    city county council ministry army court mayor bank west east north
    south""".split())


def story_words(article: Article) -> frozenset[str]:
    """Return the capitalised words of an article's title and lead that may name its event
    (places, people, named events), without generic or organisation words; worked out once
    per article (every figure of a bank compares them again)."""
    if article.story_words is None:
        article.story_words = _event_words(article.source.title,
                                           " ".join(c.text for c in article.claims[:3]))
    return article.story_words


@lru_cache(maxsize=1024)
def _event_words(title: str, lead: str) -> frozenset[str]:
    """Return the event words of a title and lead (cached: every figure compares them again):
    names the lead writes with a capital mid-sentence, and the kind of event the title names
    ("flood", "typhoon"); never a title's other words ("Results", "Show" in a title in capitals)."""
    names = re.findall(r"(?<![.!?]\s)(?<![\n“\"‘'])(?<!^)\b[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,}\b", lead)
    events = {w.removesuffix("s") for w in re.findall(r"[a-z]{4,}", title.lower())} & _EVENTS
    titled = [w for w in re.findall(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,}\b", title)  # "Weiss claims victory" and
              if re.search(rf"\b{w}\b", lead) and not re.search(rf"\b{w.lower()}\b", lead)]
    # "Weiss took 93%": a name both write with a capital, though the lead opens with it
    return frozenset({w.lower() for w in (*names, *titled)} | events) - _GENERIC_NAMES


#: Kinds of event a title names, which two reports of one story share.
_EVENTS = frozenset(
    """flood earthquake quake typhoon hurricane cyclone storm tornado tsunami wildfire fire blaze
    landslide mudslide eruption volcano drought famine outbreak epidemic pandemic crash derailment
    shipwreck sinking collapse explosion blast bombing attack shooting massacre siege invasion
    offensive ceasefire strike protest riot election referendum coup trial verdict vote""".split())


def same_story(a: Article, b: Article) -> bool:
    """Tell whether two articles report one story: their titles and leads share a name that
    is not generic: two of them ("Derna" and "Libya"; "India" alone is no story), or one that
    both titles hold, so their figures may conflict."""
    return _shares_story(story_words(a), story_words(b), a.source.title, b.source.title)


@lru_cache(maxsize=65536)
def _shares_story(a: frozenset[str], b: frozenset[str], title_a: str, title_b: str) -> bool:
    """Tell whether two stories' event words and titles make one story (cached: each pair of
    articles is compared once per figure)."""
    shared = a & b
    titles = (title_a.lower(), title_b.lower())
    return len(shared) >= 2 or any(all(re.search(rf"\b{re.escape(w)}", t) for t in titles)
                                   for w in shared)
