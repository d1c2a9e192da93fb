"""Phrasing: accepted answer variants, qualifier synonyms and opposites, subject phrases."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.speaker_names import family_first
from quizapp.core.claims.speakers import Speaker
from quizapp.core.questions.verdict_figures import year

#: A light paraphrase of each qualifier (same relation).
SYNONYMS = {
    "over": "more than", "more than": "over", "above": "more than", "in excess of": "more than",
    "approximately": "about", "about": "approximately", "around": "about", "roughly": "about",
    "nearly": "almost", "almost": "nearly", "at least": "no fewer than", "up to": "as many as",
    "as many as": "up to", "under": "fewer than", "fewer than": "under", "less than": "under",
    "an estimated": "about", "some": "about",
}
#: A qualifier with the opposite direction, that excludes the original: the changed claim
#: contradicts it (never "at most" for "at least", which both hold of the figure itself).
OPPOSITES = {
    "over": "fewer than", "more than": "fewer than", "above": "below", "in excess of": "under",
    "at least": "fewer than", "upwards of": "fewer than", "exceeding": "under",
    "up to": "more than", "as many as": "more than", "at most": "more than",
    "under": "more than", "fewer than": "more than", "less than": "more than", "below": "above",
    "no more than": "more than",
}


def figure_variants(figure: Figure) -> list[str]:
    """Return accepted forms of a figure: bare number, digits, qualifier synonyms, units."""
    number = figure.number_text
    if figure.high is not None:
        return _range_variants(figure)
    if re.fullmatch(r"in \S+", figure.unit):
        bare = figure.text[len(figure.qualifier_text):].strip() if figure.qualifier_text and (
            figure.text.lower().startswith(figure.qualifier_text.lower())) else ""
        return [bare] if bare else []  # "four in 10": the scorer reads "4 in 10" by meaning;
        # "one in three" for "at least one in three" is shown, as the scorer takes it
    share_in_words = figure.value < 1 and not number[0].isdigit()
    digits = [] if share_in_words else _digits(figure.value)
    variants = [number, *digits]
    if re.search(r"\d-(?:million|billion|trillion|thousand)\b", number):
        variants.append(number.replace("-", " "))  # "3-billion": "3 billion"
    qual = figure.qualifier_text
    if qual:
        for form in (number, *digits):
            variants.append(f"{qual} {form}")
        synonym = SYNONYMS.get(qual.lower())
        if synonym and not (year(number) and not figure.unit):
            variants.append(f"{synonym} {number}")  # (not "no fewer than 1991" for "since at
            # least 1991": a year is no count)
    if figure.unit and figure.unit != figure.noun:
        unit = figure.unit
        variants.extend(f"{d} {unit}" for d in digits)
    if "per cent" in (figure.unit, figure.noun) or "percent" in (figure.unit, figure.noun):
        for d in digits:  # "2.2 percent": "2.2%" and "2.2 per cent" as well
            variants.extend([f"{d}%", f"{d} percent", f"{d} per cent"])
            if qual:
                variants.append(f"{qual} {d}%")
    if figure.noun and not figure.noun_before and not any(c.isdigit() for c in figure.noun):
        of = " of" if share_in_words else ""  # "three-quarters of farmers"
        variants.append(f"{number}{of} {figure.noun}")
        if qual and figure.noun == figure.unit:
            variants.append(f"{qual} {number} {figure.noun}")  # "at least seven years"
    return [v for v in dict.fromkeys(variants) if v and v != figure.text]


def typed_forms(figure: Figure) -> list[str]:
    """Return the forms a student may type for a figure asked in a discrepancy question: the
    number as written and its other spellings ("110,000": "110000", "110k")."""
    return list(dict.fromkeys([figure.number_text, *figure_variants(figure)]))


def _range_variants(figure: Figure) -> list[str]:
    """Return accepted forms of a range: both ends always ("20-25 years", "20 to 25"), never
    one end alone."""
    assert figure.high is not None
    low, high = _digits(figure.value)[-1:], _digits(figure.high)[-1:]
    unit = figure.unit if figure.unit != figure.noun or not figure.noun_before else ""
    variants = [figure.number_text] if re.search(r" to |-", figure.number_text) else []
    for lo, hi in zip(low, high, strict=True):
        for form in (f"{lo}-{hi}", f"{lo} to {hi}"):
            variants.append(form)
            if unit:
                variants.append(f"{form} {'%' if unit == 'per cent' else unit}".replace(" %", "%"))
    if figure.noun and not figure.noun_before and figure.noun != unit:
        variants += [f"{v} {figure.noun}" for v in variants[:3]]
    return [v for v in dict.fromkeys(variants) if v and v != figure.text]


def _digits(value: float) -> list[str]:
    """Return digit spellings of a value: "6000", "6,000", and "4.5" for fractions."""
    if value != int(value):
        return [f"{value:g}"]
    n = int(value)
    return list(dict.fromkeys([str(n), f"{n:,}"]))


def speaker_variants(speaker: Speaker, claim: Claim, text: str = "") -> list[str]:
    """Return accepted forms of a speaker: name, short forms, the mention in the claim."""
    forms = [f for f in speaker.short_forms if not _given_name_only(f, speaker, text)
             and not (speaker.kind == "org" and " " not in f and not f.isupper())]
    forms = [speaker.name, *forms]
    forms += [f"the {f}" for f in speaker.short_forms if f.isupper()]
    a = claim.attribution
    if a.mention_start >= 0:
        written = claim.text[a.mention_start - claim.start : a.mention_end - claim.start].strip()
        last = speaker.name.split()[-1] if speaker.kind == "person" and speaker.name else ""
        at = written.rfind(last) if last else -1
        if at > 0 and written[at + len(last) :].strip(" ,."):
            written = written[: at + len(last)]  # "a visibly tired Vidal" of "... during
            # her weekly radio address": the tag's words end with the name
        if written.lower() not in ("he", "she", "they", "it", "him", "her", "them", "we", "us") \
                and len(written.split()) <= 10:
            forms.append(written)
    forms += owner_forms(speaker.name)
    return [f for f in dict.fromkeys(forms) if f and f != speaker.mention]


def owner_forms(name: str) -> list[str]:
    """Return the owner of a document named by it ("the ONS's latest crime figures", "Police
    figures"), and with "the", as fair answers to who the source is; [] for any other name."""
    poll = _POLL_BY.fullmatch(name)
    if poll:  # "the latest Ipsos/Herald voting poll": Ipsos/Herald, or Ipsos
        who = poll.group("owner")
        return list(dict.fromkeys([who, who.split("/")[0]]))
    owner = _OWNED_DOCUMENT.fullmatch(name)
    if owner is None:
        return []
    who = owner.group("owner")
    if who.lower() in _COMMON_OWNERS:
        who = who.lower()  # "Police figures": the police
    return [who, f"the {who}"]


_COMMON_OWNERS = ("police", "government", "army", "military", "ministry", "treasury", "coastguard",
                  "coast guard")


#: A poll named by its pollster (and sponsor): "the latest Ipsos/Herald voting poll".
_POLL_BY = re.compile(r"(?:(?:the|a|an)\s+)?(?:[a-z]+\s+)?(?P<owner>[A-ZÀ-ÖØ-ÞĀ-Ž][\w&-]*(?:/[A-ZÀ-ÖØ-ÞĀ-Ž][\w&-]*)*)"
                      r"(?:[’']s?)?\s+(?:[a-z-]+\s+){0,3}(?:poll|survey)s?")
#: A document named by its owner: "the ONS's latest crime figures", "police figures".
_OWNED_DOCUMENT = re.compile(
    r"(?:the\s+)?(?P<owner>[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.-]*(?:\s+(?:of|for|and|[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.-]*))*(?=[’']s?\s)|"
    rf"(?i:{'|'.join(_COMMON_OWNERS)}))(?:[’']s?)?"
    r"\s+(?:[a-z-]+\s+){0,3}(?i:figures|data|statistics|report|survey|study|estimates?|numbers|"
    r"analysis|count|tally|records|research)")


def _given_name_only(form: str, speaker: Speaker, text: str) -> bool:
    """Return whether `form` is a person's given name that the article never uses alone."""
    words = speaker.name.split()
    if speaker.kind == "person" and len(words) == 2 and family_first(speaker.name):
        return form == words[-1]  # "Ryu Seong-hyeon": the family name first, "Ryu" alone fair
    if speaker.kind != "person" or len(words) < 2 or " " in form or form == words[-1]:
        return False
    # "Ryu told the outlet": the article itself calls the person by this word, so it is fair.
    after = words[words.index(form) + 1] if form in words[:-1] else "[A-ZÀ-ÖØ-ÞĀ-Ž]"
    return not _written_alone(form, after, text)


@lru_cache(maxsize=1024)
def _written_alone(form: str, after: str, text: str) -> bool:
    """Tell whether `text` writes `form` other than before a capital or `after` (cached: each
    claim of a speaker asks again about the same name in the same article)."""
    return re.search(rf"\b{re.escape(form)}\b(?!\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž]|{re.escape(after)}))", text) is not None


def subject_phrase(text: str) -> str:
    """Return a sentence-initial subject as it reads mid-sentence ("The X" -> "the X")."""
    text = text.strip()
    first = text.split(" ", 1)[0]
    if first in ("The", "A", "An") or (first.istitle() and first.lower() in _COMMON):
        return text[0].lower() + text[1:]
    return text


_COMMON = frozenset(
    """intelligence reports estimates figures data officials sources experts analysts military
    western earlier official government police""".split()
)


def swap_qualifier(text: str, figure: Figure, table: dict[str, str]) -> str | None:
    """Return `text` with the figure's qualifier replaced through `table`, or None."""
    qual = figure.qualifier_text
    if not qual or qual.lower() not in table:
        return None
    new = mass_form(table[qual.lower()], figure)
    changed, count = _qualifier(qual, figure.number_text).subn(new, text, count=1)
    return changed if count else None


def mass_form(qualifier: str, figure: Figure) -> str:
    """Return "less than" for "fewer than" before a sum, a share or a measure ("less than $2
    million", "less than 5%"): "fewer" counts things."""
    if "fewer" in qualifier and (figure.topic in ("money", "share") or "%" in figure.text or (
            figure.unit and figure.unit != figure.noun)):
        return qualifier.replace("fewer", "less")
    return qualifier


@lru_cache(maxsize=1024)
def _qualifier(qual: str, number: str) -> re.Pattern[str]:
    """Compile the pattern of a qualifier before its number (cached: the pairs recur)."""
    return re.compile(rf"(?<!\w){re.escape(qual)}(?=\s+{re.escape(number)})", re.I)
