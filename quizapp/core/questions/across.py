"""Discrepancy questions across the articles of a bank on one event: counts of one kind (dead,
injured, missing, people on board, coaches derailed) that two articles give and that differ, from
two sources or on two dates, read with the rules of one article (discrepancy.count_entries)."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.questions.asking import plural
from quizapp.core.questions.conflicts import dated_apart, day, may_conflict
from quizapp.core.questions.corpus import (
    POOL_SCAN,
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    seed_of,
)
from quizapp.core.questions.phrasing import typed_forms
from quizapp.core.questions.places import (
    COMPASS,
    NOT_PLACES,
    figure_places,
    lead_places,
    place_named,
    regional,
    same_scope,
    story_name,
)
from quizapp.core.questions.stories import story_words
from quizapp.core.questions.tolls import (
    count_entries,
    counted,
    entities_of,
    lowered,
    same_count,
    same_source,
    what_label,
)
from quizapp.core.questions.verdicts import mid_label

_CACHE: dict[int, tuple] = {}


def _read(article: Article) -> tuple:
    """Return an article's counts, its sentences on another event, the words of its title and
    lead that may name its story and the names among them (cached by object, so that a bank
    reads each article once)."""
    held = _CACHE.get(id(article))
    if held is None or held[0] is not article:
        if len(_CACHE) > 4096:
            _CACHE.clear()
        entries, apart = count_entries(article)
        lead = " ".join(c.text for c in article.claims[:3])
        names = {w.lower() for w in re.findall(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,}\b", f"{article.source.title} "
                                                                    f"{lead}")}
        held = (article, entries, apart, story_words(article), names)
        _CACHE[id(article)] = held
    return held[1:]


def same_event(a: Article, b: Article) -> bool:
    """Tell whether two articles report one event: their titles and leads share a word that may
    name the story ("Derna", "flood"), not a direction or a day, and they are dated at most ten
    days apart (two shared names are needed when a date is missing)."""
    _, _, words_a, names_a = _read(a)
    _, _, words_b, names_b = _read(b)
    shared = words_a & words_b - _COMMON
    if day(a.source.date) is None or day(b.source.date) is None:
        return len(shared & names_a & names_b) >= 2
    return bool(shared) and not dated_apart(a, b)


_COMMON = NOT_PLACES | COMPASS  # words of a title that name no story


def across_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return questions on counts this article and another of the same story give differently:
    both sourced, from two sources or two dates, naming one place or party near the figure."""
    mine, apart = _read(article)[:2]
    mine = [e for e in mine if e[0].start not in apart and not _superseded(e)]
    # (an unsourced count is the lead's; an earlier estimate is not the article's figure)
    mine.sort(key=lambda e: not e[3])  # sourced counts first
    if not mine:
        return []
    found: list[Candidate] = []
    seen = 0
    for other in corpus.articles:
        if other is article or other.source.text == article.source.text:
            continue
        theirs, apart_o = _read(other)[:2]
        theirs = [e for e in theirs if not _superseded(e)]
        if not theirs or not same_event(article, other):
            continue
        seen += 1
        if seen > POOL_SCAN:
            break
        for a in mine[:6]:
            for sourced in (True, False):  # a partner that names its source, and the lead's
                partner = next((b for b in theirs if bool(b[3]) == sourced and _conflict(
                    article, other, a, b, apart_o)), None)
                if partner is not None:
                    found.extend(_questions(article, other, a, partner, theirs))
    return found[:8]


def _superseded(entry: tuple) -> bool:
    """Tell whether a count is one its source has replaced: "revised an earlier estimate of
    30" (the article's figure is the later one, which another article's may conflict with)."""
    claim, figure = entry[0], entry[1]
    return _EARLIER.search(claim.text, 0, figure.start - claim.start) is not None


_EARLIER = re.compile(r"\b(?:earlier|initial|previous|original|preliminary|old)\s+(?:[\w-]+\s+)"
                      r"{0,2}?(?:estimate|toll|figure|count|tally)s?\s+(?:of\s+)?(?:about\s+|"
                      r"around\s+|some\s+)?$", re.I)


def _conflict(article: Article, other: Article, a: tuple, b: tuple, apart_b: set[int]) -> bool:
    """Tell whether count `a` of `article` and `b` of `other` conflict."""
    (ca, fa, ka, wa), (cb, fb, kb, wb) = a, b
    if ka != kb or cb.start in apart_b:
        return False  # (an unsourced count of the other article is its lead's: it is asked)
    if same_source(wa, wb) and article.source.date == other.source.date and (
            fa.value == fb.value or fa.high is not None or fb.high is not None):
        return False  # one source on one day: the same figure told twice
    if counted(ka) and not same_count(fa, fb, ca, cb):
        return False
    places_a, places_b = figure_places(ca, fa, article), figure_places(cb, fb, other)
    if not same_scope(places_a, places_b, lead_places(article), lead_places(other)):
        return False  # "12 died in Bangladesh" and "300 in India, Nepal and Bangladesh": a
        # part and its whole
    names_a, names_b = _names(places_a), _names(places_b)
    if names_a and names_b and not names_a & names_b and not regional(names_a) and not (
            regional(names_b)) and not (_written(names_a, other) and _written(names_b, article)):
        return False  # "3 died in Portville" and "5 died in Eastland": two places (but when
        # each article names the other's places too, elsewhere, they may be one event)
    return may_conflict((ca, fa), (cb, fb), bounds_hold=same_source(wa, wb))


def _names(places: frozenset[str]) -> frozenset[str]:
    """Return the names of a figure's places, without the marks of those written after "in"."""
    return frozenset(p for p in places if not p.startswith("in:"))


def _written(names: frozenset[str], article: Article) -> bool:
    """Tell whether an article writes one of the names (as `entities` reads them) anywhere."""
    return bool(names & entities_of(" " + article.source.text))


def _questions(article: Article, other: Article, a: tuple, b: tuple,
               theirs: list) -> list[Candidate]:
    """Ask for the other article's figure given this one's, and which of the two is newer."""
    (ca, fa, kind, wa), (cb, fb, _k, wb) = a, b
    src_a, src_b = article.source, other.source
    who_a = mid_label(wa, src_a.text, ca.attribution.strength == "described") if wa else ""
    who_b = mid_label(wb, src_b.text, cb.attribution.strength == "described") if wb else ""
    evidence = [Evidence(src_a.id, ca.start, ca.end), Evidence(src_b.id, cb.start, cb.end)]
    explanation = (f'"{src_a.title}" ({src_a.date or "undated"}) gives {fa.text} '
                   f'({who_a or "no source"}): '
                   f'"{ca.text}" "{src_b.title}" ({src_b.date or "undated"}) gives {fb.text} '
                   f'({who_b or "no source"}): "{cb.text}"')
    seed = seed_of(src_a.id, fa.start, src_b.id, fb.start, "across")
    tags = ["discrepancy", "across-articles", fa.topic]
    values = {fa.value, fb.value}
    others = []
    for _c, f, k, _w in theirs:
        if k == kind and f.value not in values:
            values.add(f.value)
            others.append(lowered(f.text))
    key = lowered(fb.text)
    does = "do" if plural(who_b) else "does"
    what = what_label(kind)
    where = place_named(ca, fa, article) or place_named(cb, fb, other)
    what += f" in {where}" if where else ""  # "the number of dead in Ruritania": one country
    name_a, name_b = story_name(src_a, [fb]), story_name(src_b, [fb], src_a)
    prompt = (f'{name_a[0].upper()}{name_a[1:]} gives {lowered(fa.text)} for {what}, citing '
              f'{who_a or "no source"}. '
              + (f'What figure {does} {who_b} give in {name_b}?' if who_b else
                 f'What figure does {name_b} give, citing no source?'))
    pool = distinct(key, [lowered(fa.text), *others], 3)
    choices = order_choices(key, pool, seed) if len(pool) >= 2 else None  # not two choices,
    # one of them given in the prompt: typed instead
    found = [Candidate(Question("", "discrepancy", prompt, key, typed_forms(fb), choices,
                                evidence, explanation, tags, 0.7),
                       src_a.id, 1.2, (f"across:{src_a.id}:{fa.start}:{src_b.id}",))]
    if src_a.date and src_b.date and src_a.date != src_b.date and key != lowered(fa.text) and (
            counted(kind)):  # (two agencies' magnitudes are no update of one another)
        newer = (fa, src_a) if src_a.date > src_b.date else (fb, src_b)
        prompt = (f"Two articles give different figures for {what}: {lowered(fa.text)} "
                  f'("{src_a.title}", citing {who_a or "no source"}) and {key} ("{src_b.title}", '
                  f"{f'citing {who_b}' if who_b else 'citing no source'}). Which figure is the "
                  "more recent?")
        answer = lowered(newer[0].text)
        choices = order_choices(answer, [c for c in (lowered(fa.text), key) if c != answer], seed)
        found.append(Candidate(Question("", "discrepancy", prompt, answer, [], choices, evidence,
                                        explanation + f" The more recent is dated "
                                        f"{newer[1].date}.", [*tags, "recency"], 0.75),
                               src_a.id, 1.2, ()))
    return found
