"""Discrepancy questions: sources whose figures on one topic differ (who gives which, which is
the most recent, what each counts)."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.topics import EVENT_TOPICS, topic_label
from quizapp.core.questions.conflicts import dated_apart, measure_kind
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    quizzable,
    seed_of,
    window,
)
from quizapp.core.questions.figure_sources import earlier_clause_source, figure_label
from quizapp.core.questions.places import story_name
from quizapp.core.questions.statements import speaker_label
from quizapp.core.questions.stories import same_story
from quizapp.core.questions.tolls import PEOPLE, entities, source_label
from quizapp.core.questions.verdicts import mid_label
from quizapp.core.questions.within import within_candidates

COMPARABLE = frozenset(
    """casualties deployment territory money munitions share production displacement arrests
    health employment votes users""".split()
)
_COUNT_WORDS = re.compile(
    r"\b(?:killed or injured|killed and wounded|killed|injured|wounded|dead|casualties|deaths|"
    r"deployed|dispatched|sent|estimated|confirmed)\b", re.IGNORECASE)

Entry = tuple[str, Figure, Claim]


def discrepancy_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return questions that compare this article's figures with other sources' on one topic."""
    found: list[Candidate] = []
    by_id = {a.source.id: a for a in corpus.articles}
    sid = article.source.id
    mine: dict[str, list[Entry]] = {}
    for claim in article.sentence_claims():
        if claim.attribution.strength == "none":
            continue
        for figure in claim.figures:
            if figure.topic in COMPARABLE and quizzable(figure) and figure.topic != "casualties" \
                    and not measure_kind(claim, figure):
                # casualties, magnitudes, turnouts, shares of the vote and cuts: asked by
                # kind (questions.across)
                mine.setdefault(figure.topic, []).append((sid, figure, claim))
    for topic, entries in mine.items():
        pool = corpus.figures.get(topic, [])
        for entry in entries[:3]:
            partner = _partner(entry, pool, by_id)
            if partner:
                found.extend(_questions(entry, partner, by_id, pool))
    return found + within_candidates(article)


def _compatible(a: Figure, b: Figure) -> bool:
    """Tell whether two figures count the same kind of thing (any two casualty counts do)."""
    if a.topic == "casualties":
        return True
    head_a, head_b = (a.noun.split() or [""])[-1], (b.noun.split() or [""])[-1]
    if head_a.lower() == head_b.lower():
        return True
    people = [h.lower() in PEOPLE or (h[:1].isupper() and h.endswith("s"))
              for h in (head_a, head_b)]
    return all(people)


def _partner(entry: Entry, pool: list[Entry], by_id: dict[str, Article]) -> Entry | None:
    """Find a figure from another source on the same topic and subject with another value."""
    sid, figure, claim = entry
    names = entities(claim, figure)
    text = by_id[sid].source.text
    for other in window(pool, seed_of(sid, figure.start, "discrepancy")):
        osid, ofig, oclaim = other
        if osid == sid or by_id[osid].source.text == text:
            continue
        if oclaim.attribution.strength == "none" or ofig.value == figure.value:
            continue
        if names & entities(oclaim, ofig) and _compatible(figure, ofig) and same_story(
                by_id[sid], by_id[osid]) and not dated_apart(by_id[sid], by_id[osid]):
            return other
    return None


def _who(entry: Entry, by_id: dict[str, Article] | None = None) -> str:
    """Return who gives a figure ("U.K. defense intelligence", "unnamed sources"): in a
    sentence of two sources, the one whose part holds the figure."""
    if by_id is not None and (entry[2].others or earlier_clause_source(entry[2], entry[1])):
        label = figure_label(by_id[entry[0]], entry[2], entry[1], source_label)
        if label:
            return mid_label(label, by_id[entry[0]].source.text)
    return speaker_label(entry[2].attribution.speaker) or "unnamed sources"


def _label(a: Entry, b: Entry) -> str:
    """Return what both figures measure ("North Korean casualties")."""
    base = topic_label(a[1].topic)
    names = [w for w in a[1].noun.split() if w[:1].isupper()]
    if names and a[1].topic in {*EVENT_TOPICS, "deployment"}:
        return " ".join(names).removesuffix("s") + " " + base
    return base


def _counts(entry: Entry) -> str:
    """Return what a figure counts, read from its sentence ("killed or injured")."""
    words = [m.group(0).lower() for m in _COUNT_WORDS.finditer(entry[2].text)]
    return entry[1].noun + (" " + words[0] if words and words[0] not in entry[1].noun else "")


def _questions(a: Entry, b: Entry, by_id: dict[str, Article], pool: list[Entry]) -> list[Candidate]:
    """Build the discrepancy questions of one pair of figures."""
    src_a, src_b = by_id[a[0]].source, by_id[b[0]].source
    label = _label(a, b)
    who_a, who_b = _who(a, by_id), _who(b, by_id)
    evidence = [Evidence(a[0], a[2].start, a[2].end), Evidence(b[0], b[2].start, b[2].end)]
    date_a, date_b = src_a.date or "undated", src_b.date or "undated"
    explanation = (
        f'"{src_a.title}" ({date_a}) cites {who_a}: "{a[2].text}" '
        f'"{src_b.title}" ({date_b}) cites {who_b}: "{b[2].text}"'
    )
    if _counts(a).strip() and _counts(b).strip() and _counts(a) != _counts(b):
        explanation += f' They count different things: "{_counts(a).strip()}" versus ' \
            f'"{_counts(b).strip()}".'
    tags = ["discrepancy", a[1].topic]
    seed = seed_of(a[0], a[1].start, b[0], b[1].start)
    found = []
    values = {a[1].value, b[1].value}
    others = []
    for e in window(pool, seed):
        if e[1].value not in values and e[1].number_text[0].isdigit() and _compatible(b[1], e[1]):
            values.add(e[1].value)
            others.append(e[1].text)
    distractors = distinct(b[1].text, [a[1].text, *others], 3)
    if distractors:
        name_a, name_b = story_name(src_a, [b[1]]), story_name(src_b, [b[1]], src_a)
        prompt = (f'{name_a[0].upper()}{name_a[1:]} cites {who_a} for a figure of {a[1].text} '
                  f'on {label}. What figure does {name_b} give, citing {who_b}?')
        question = Question("", "discrepancy", prompt, b[1].text, [b[1].number_text],
                            order_choices(b[1].text, distractors, seed), evidence, explanation,
                            tags, 0.7)
        found.append(Candidate(question, a[0], 1.2, ()))
    if src_a.date and src_b.date and src_a.date != src_b.date and a[1].text != b[1].text:
        newer = a if src_a.date > src_b.date else b
        prompt = (f"Two sources give different figures for {label}: {a[1].text} "
                  f'("{src_a.title}", citing {who_a}) and {b[1].text} ("{src_b.title}", '
                  f"citing {who_b}). Which figure is the more recent?")
        question = Question("", "discrepancy", prompt, newer[1].text, [],
                            order_choices(newer[1].text, [x[1].text for x in (a, b)
                                                          if x is not newer], seed),
                            evidence, explanation + f" The more recent source is dated "
                            f"{max(src_a.date, src_b.date)}.", [*tags, "recency"], 0.75)
        found.append(Candidate(question, a[0], 1.2, ()))
    return found
