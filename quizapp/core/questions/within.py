"""Discrepancy questions within one article: two sources whose counts of one thing differ (a
toll in the lead against a minister's figure)."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.questions.asking import plural
from quizapp.core.questions.conflicts import may_conflict, same_quantity
from quizapp.core.questions.corpus import Article, Candidate, distinct, order_choices, seed_of
from quizapp.core.questions.figure_sources import context_claim
from quizapp.core.questions.phrasing import typed_forms
from quizapp.core.questions.places import figure_places, lead_places, same_scope, story_name
from quizapp.core.questions.tolls import (
    LOOSE_KINDS,
    MONEY_KINDS,
    count_entries,
    counted,
    lowered,
    opening,
    same_count,
    same_source,
    what_label,
)
from quizapp.core.questions.verdicts import mid_label


def within_candidates(article: Article) -> list[Candidate]:
    """Return questions on conflicting casualty figures within one article: tolls that two
    sources (or a source and the article's own lead) give for the same count."""
    entries, apart = count_entries(article)
    lead = lead_places(article)
    found: list[Candidate] = [_revision_question(article, r, k, entries)
                              for r, k in _rises(entries, apart)]
    for i, (ca, fa, ka, wa) in enumerate(entries):
        for cb, fb, kb, wb in entries[i + 1 :]:
            if ka != kb or not (wa or wb):
                continue
            revised = same_source(wa, wb) and wa and _revision(ca, cb, fa, fb)
            if same_source(wa, wb) and not revised:
                continue
            if (ca.start in apart or cb.start in apart) and ca.start != cb.start:
                continue  # "Fighting last month ... killed seven": not this event's toll
            if counted(ka) and ka not in LOOSE_KINDS and not same_count(fa, fb, ca, cb):
                continue  # "22 deaths on their side" against "three soldiers died"
            if ka in MONEY_KINDS and not same_quantity(article, ca, cb):
                continue  # "a rise of £700 in energy bills", "profits rose to £2m"
            if not revised and not same_scope(figure_places(ca, fa, article), figure_places(
                    cb, fb, article), lead, lead, lone_place=False):
                continue  # "102 died in Bihar" against "47 in Bangladesh": two places
            if not may_conflict((ca, fa), (cb, fb), two_sources=bool(wa and wb)):
                continue  # "25 deaths on their side" within "30 dead on both sides"
            if ca.start == cb.start and not (wa and wb):
                continue
            event = opening(ca) if ca.start in apart else ""
            if revised:
                found.append(_revision_question(article, revised, ka, entries))
                continue
            asked = (cb, fb, kb, wb) if wb else (ca, fa, ka, wa)
            if _gives_twice(entries, asked):
                continue  # "What figure does the union give?" when it gives 400,000 for Paris
                # and two million for France: two answers
            found.append(_within_question(article, (ca, fa, wa), (cb, fb, wb), ka, entries,
                                          event))
            if len(found) >= 10:
                return found
    return found


def _gives_twice(entries: list, entry: tuple) -> bool:
    """Tell whether the source of a count gives another figure for its kind too."""
    claim, figure, kind, label = entry
    return any(k == kind and f is not figure and f.value != figure.value and same_source(w, label)
               for _c, f, k, w in entries)


#: A source's earlier word: "The agency had previously said 65,000", "officials initially put",
#: "after earlier reporting 11 dead".
_EARLIER = re.compile(r"\b(?:had\s+)?(?:previously|earlier|initially|originally|first)\s+"
                      r"(?:had\s+)?(?:said|put|estimated|reported|given|gave|counted|announced|cited|"
                      r"saying|putting|estimating|reporting|giving|counting|announcing|citing)\b"
                      r"|\bhad\s+(?:said|put|estimated|reported|announced)\b", re.I)


def _revision(ca, cb, fa, fb) -> tuple | None:
    """Return (new, old) for two figures of one source of which one is its earlier word and
    the other is not ("X said on Tuesday 72,618 ... X had previously said 110,000"), or None."""
    old_a = _EARLIER.search(ca.text, 0, fa.start - ca.start) is not None
    old_b = _EARLIER.search(cb.text, 0, fb.start - cb.start) is not None
    if ca.start == cb.start or old_a == old_b:
        return None
    return ((cb, fb), (ca, fa)) if old_a else ((ca, fa), (cb, fb))


#: A count's earlier figure in the sentence of its new one: "rose to 25, up from 14", "has
#: climbed from 40 to 63", "revised down from 30".
_RISE_FROM = re.compile(r"(?:\b(?:up|down)|\b(?:rose|risen|rising|climbed|climbing|jumped|increased|"
                        r"raised|revised|lowered|fell|fallen|dropped|grew|grown|went\s+up|gone\s+"
                        r"up|swelled|doubled)(?:\s+(?:sharply|further|again|overnight|up|down|the\s+"
                        r"(?:toll|figure|count|number)))?)\s+from\s+(?:an?\s+(?:earlier|previous|"
                        r"initial)\s+(?:\w+\s+)?(?:of\s+)?)?(?:about\s+|around\s+|some\s+|at\s+"
                        r"least\s+)?$"
                        r"|\bto\s+(?:about\s+|around\s+)?[\d,.]+(?:\s+[a-z]+){0,2}\s+from\s+$"
                        r"|\b(?:revising|revised|raising|raised|lowering|lowered|updating|updated|"
                        r"correcting|corrected|replacing|from|of)\s+(?:an?|the|its|their)\s+(?:earlier|"
                        r"previous|initial|original|prior)\s+(?:[a-z]+\s+)?(?:figure|toll|estimate|"
                        r"count|tally|number|total)\s+of\s+(?:about\s+|around\s+|some\s+)?$"
                        r"|\b(?:previously|earlier|initially|originally|first)\s+(?:put|given|"
                        r"estimated|reported|set|stated|counted)\s+(?:at\s+)?$", re.I)
#: Kinds whose count a source revises as it grows: the dead, hurt, missing and those who fled.
_REVISED_KINDS = frozenset(("deaths", "injured", "missing", "displaced", "evacuated", "fled",
                            "arrested", "hospital", "cases"))


def _rises(entries: list, apart: set[int]) -> list[tuple[tuple, str]]:
    """Return ((new, old), kind) for each sourced count whose sentence gives its earlier
    figure too ("The toll rose to 25, up from 14, the ministry said")."""
    found = []
    for claim, figure, kind, label in entries:
        if not label or kind not in _REVISED_KINDS or claim.start in apart:
            continue
        for old in claim.figures:
            if old is figure or old.value in (None, figure.value) or not old.value or (
                    old.unit and old.unit == figure.unit != ""
                    and old.topic != figure.topic):
                continue
            if _RISE_FROM.search(claim.text, 0, old.start - claim.start) and abs(
                    old.start - figure.start) <= 60:
                found.append((((claim, figure), (claim, old)), kind))
                break
    return found


def _revision_question(article: Article, revised: tuple, kind: str, entries: list) -> Candidate:
    """Ask for a source's earlier figure, given its new one: a revision the article reports."""
    (cn, fn), (co, fo) = revised
    label = next(w for c, f, _k, w in entries if c is cn and f is fn)
    who = mid_label(label, article.source.text, cn.attribution.strength == "described")
    name = story_name(article.source, [fo])
    name = name if name.startswith('"') else "The article"
    gives = "give" if plural(who) else "gives"
    had = f"{who[0].upper()}{who[1:]}"
    speaker = cn.attribution.speaker
    again = who if speaker is not None and speaker.kind == "person" else \
        "they" if plural(who) else "it"
    prompt = (f"{name} reports a revised figure for {what_label(kind)}. {had} now {gives} "
              f"{lowered(fn.text)}. What figure had {again} given before?")
    evidence = [Evidence(article.source.id, c.start, c.end)
                for c in sorted({cn.start: cn, co.start: co}.values(), key=lambda c: c.start)]
    explanation = f'The article gives {fn.text}: "{cn.text}" and earlier {fo.text}: "{co.text}"'
    question = Question("", "discrepancy", prompt, lowered(fo.text), typed_forms(fo), None,
                        evidence, explanation, ["discrepancy", "within-article", "revision",
                                               fo.topic], 0.7)
    return Candidate(question, article.source.id, 1.25,
                     (f"conflict:{article.source.id}:{co.start}:{cn.start}",))


#: The thing whose value a sentence gives: "the takeover deal was worth", "valued the firm at".
_WORTH_OF = re.compile(r"\b(?:the|its|their|his|her)\s+((?:[a-z]+\s+)?[a-z]{3,})\s+(?:(?:is|was|"
                       r"were|are|would\s+be|will\s+be|is\s+now|had\s+been)\s+)?(?:worth|valued)\b")


def _within_question(article: Article, a: tuple, b: tuple, kind: str,
                     entries: list, event: str = "") -> Candidate:
    """Ask for the second figure of a conflicting pair, given the first and both sources."""
    (ca, fa, wa), (cb, fb, wb) = a, b
    if not wb:  # ask for the attributed one
        (ca, fa, wa), (cb, fb, wb) = (cb, fb, wb), (ca, fa, wa)
    what = what_label(kind)
    if kind == "value":  # "the deal was worth $2 billion": the value of the deal
        worth = next(filter(None, (_WORTH_OF.search(c.text) for c in (ca, cb))), None)
        what = f"the value of the {worth.group(1)}" if worth else what
    if event:  # a sentence about another event: name it
        what += f' in one event it reports ("{event} …")'
    who_a = mid_label(wa, article.source.text, ca.attribution.strength == "described") if wa \
        else "the article, without a source,"
    wb = mid_label(wb, article.source.text, cb.attribution.strength == "described")
    gives = "give" if plural(who_a) else "gives"
    does = "do" if plural(wb) else "does"
    name = story_name(article.source, [fb])
    name = name if name.startswith('"') else "The article"  # (its title gives the key away)
    prompt = (f'{name} gives conflicting figures for {what}. {who_a[0].upper()}'
              f"{who_a[1:]} {gives} {lowered(fa.text)}. What figure {does} {wb} "
              "give?")
    values = {fa.value, fb.value}
    others = []
    for _c, f, k, _w in entries:
        if k == kind and f.value not in values:
            values.add(f.value)
            others.append(f.text)
    choices_pool = distinct(fb.text, [o for o in others if o != fa.text], 3)  # never the
    # figure the prompt gives: a choice ruled out by reading the prompt
    seed = seed_of(article.source.id, fa.start, fb.start, "within")
    cited = {ca.start: ca, cb.start: cb}
    for claim, label in ((ca, wa), (cb, wb)):  # "The figures came from X": X is cited too
        named_by = context_claim(article, claim, label)
        if named_by is not None:
            cited[named_by.start] = named_by
    evidence = [Evidence(article.source.id, c.start, c.end) for _s, c in sorted(cited.items())]
    explanation = f'The article gives {fa.text} ({who_a.rstrip(",")}): "{ca.text}"'
    if cb.start != ca.start:
        explanation += f' and {fb.text} ({wb}): "{cb.text}"'
    key = lowered(fb.text)
    choices = order_choices(key, [lowered(c) for c in choices_pool], seed) if len(
        choices_pool) >= 2 else None  # two choices, one given in the prompt: typed instead
    question = Question("", "discrepancy", prompt, key, typed_forms(fb), choices, evidence,
                        explanation, ["discrepancy", "within-article", fa.topic], 0.7)
    return Candidate(question, article.source.id, 1.25,
                     (f"conflict:{article.source.id}:{fa.start}:{fb.start}",))
