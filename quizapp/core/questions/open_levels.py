"""Open-book prompts for levels, changes, named amounts and tolls: "At what level did X keep the
rate?", a change asked "rose to" without its starting level, the phrase after a figure that scopes
it ("slipped 0.6 per cent over the quarter"), "What figure does X give for the relief grant for
...?", "how many people were killed when ...?", and the clause of a sentence that holds a
figure."""

from __future__ import annotations

import re

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.asking import lower_words, plural
from quizapp.core.text.words import word_spans

_SCOPE = re.compile(r"\s(?P<scope>(?:on|in|for|over|during)\s(?:the\s)?[\w’'-]+(?:\s(?:in|of)?"
                    r"\s?[\w’'-]+){0,3}?|from\s+a\s+year\s+(?:earlier|ago|before)|"
                    r"year[- ]on[- ]year)(?=[,;.]|\s(?:and|but|with|after|as|despite)\s|$)")


#: A place opening a sentence, whose figures hold there: "In Spain, where ...,".
_PLACE_OPENER = re.compile(r"(?:In|Across|Throughout|Within)\s+(?P<place>(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*"
                           r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*){0,2}),")


def with_scope(prompt: str, claim: Claim, figure: Figure) -> str:
    """Add to "By how much ... fell?" or "What figure ... give for X?" the short phrase that
    follows the figure and tells when or where it holds ("slipped 0.6 per cent over the quarter"
    -> "... slipped over the quarter?", "at 3.8 per cent for 2031" -> "... for X for 2031?")."""
    if not re.match(r"(?:By how much|What figure (?:does|do) .* give for)\s", prompt):
        return prompt
    place = _PLACE_OPENER.match(claim.text)
    if place and place.end() <= figure.start - claim.start and not re.search(
            rf"\b{re.escape(place.group('place'))}\b", prompt):
        prompt = f"{prompt[:-1]} in {place.group('place')}?"  # "In Spain, where ..., pre-tax
        # profits fell 9 per cent": the group's Spanish profits, not all of them
    found = _SCOPE.match(claim.text, figure.end - claim.start)
    if not found:
        return prompt
    scope = found.group("scope")
    if re.search(r"\d", re.sub(r"\b(?:19|20)\d\d(?:-\d\d)?\b", "", scope)) or re.search(
            r"\b(?:it|its|this|that|these|those|their|them|there|which|who|per|cent)\b",
            scope, re.I) or scope.lower() in prompt.lower():
        return prompt
    return f"{prompt[:-1]} {scope}?"


_LEVEL = re.compile(r"(?:^|[,;:]\s|\b(?:that|and|but|said|says)\s)"
                    r"(?P<subj>(?:[Tt]he\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[\w’'.-]+){0,5}?)"
                    r"\s+(?:also\s+|again\s+)?(?P<verb>kept|maintained|retained|held|left|"
                    r"estimated|placed|pegged|fixed)\s+(?P<np>(?:the\s+|its\s+)?[\w’'-]+"
                    r"(?:\s+[\w’'-]+){0,7}?)(?:\s+unchanged)?\s+at\s+$")
_BASE = {"kept": "keep", "maintained": "maintain", "retained": "retain", "held": "hold",
         "left": "leave", "estimated": "estimate", "placed": "place", "pegged": "peg",
         "fixed": "fix"}


def level_prompt(claim: Claim, figure: Figure, label: str, article: str) -> str | None:
    """"The board also kept the base rate at 3.25 per cent for 2031" -> "At what level did the
    board keep the base rate for 2031?"; "The bank held its forecast at 2%" (said X) -> "At what
    level does X say the bank held its forecast?"."""
    before = claim.text[: figure.start - claim.start]
    found = _LEVEL.search(before)
    words = found and found.group("subj") + " " + re.sub(r"^its\s", "", found.group("np"))
    if found is None or re.search(r"\d|\b(?:it|its|they|their|this|these|he|she)\b", words,
                                  re.I):
        return None  # "its" after the subject is the subject's; any other pronoun points out
    subj, verb, np = found.group("subj"), found.group("verb"), found.group("np")
    if subj.split()[0] in ("The", "A", "An") or subj.split()[0].lower() in lower_words(article):
        subj = subj[0].lower() + subj[1:]
    end = figure.end - claim.start
    end += len(re.match(r"(?:\s+pc\b)?", claim.text[end:]).group(0))  # "5.4 pc for 2024"
    scope = _SCOPE.match(claim.text, end)
    tail = f" {scope.group('scope')}" if scope and not re.search(
        r"\d", re.sub(r"\b(?:19|20)\d\d(?:-\d\d)?\b", "", scope.group("scope"))) else ""
    if subj.lower() == label.lower() or label.lower().endswith(" " + subj.lower()):
        return f"At what level did {label} {_BASE[verb]} {np}{tail}?"
    say = "do" if plural(label) else "does"
    return f"At what level {say} {label} say {subj} {verb} {np}{tail}?"


def without_start(content: str, figure_text: str) -> str | None:
    """Return a clause without the starting level of a change to the figure ("climbed from 61 per
    cent to 74 per cent" -> "climbed to 74 per cent"), or None when it has none."""
    best = None
    for at, _end in word_spans(content, figure_text):
        to = _TO_BEFORE.search(content, 0, at)
        start = to and _FROM_BEFORE.search(content, 0, to.start())
        if start and (best is None or start.start() < best.start()):
            best = start
    if best is None:
        return None
    return content[: best.start()] + content[best.end() :]


# The start of a change ("from 61 per cent"), ending right where " to FIGURE" begins: searched in
# the text before that, so that no pattern is compiled for each figure.
_TO_BEFORE = re.compile(r"\s+to\s+\Z")
_FROM_BEFORE = re.compile(r"\s+from\s+[^,;()]{0,30}?\d[^,;()]{0,30}?\Z")


_NAMED = re.compile(r"\b(?:an?|the)\s+(?P<np>(?:[\w’'-]+\s+){0,3}?[a-z][\w’'-]+)\s+of\s+$")
_AFTER = re.compile(r"(?:\s+(?:each|apiece|a\s+year|per\s+year))?\s+(?P<pp>(?:to|for|in|on)\s+"
                    r"(?:the\s+|those\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,5}?)(?=[,;.]|\s(?:and|but|"
                    r"while|after|as|which)\s|$)")


def named_amount_prompt(claim: Claim, figure: Figure, label: str) -> str | None:
    """"offered a relief grant of Rs 3 lakh for each bereaved household" -> "What figure does X
    give for the relief grant for each bereaved household?"; the amount named by its noun, which
    must be told by three words or a phrase "to ..." or "for ..." after the figure ("the annual
    rate of 2.7%" alone is too vague)."""
    before = claim.text[: figure.start - claim.start]
    found = _NAMED.search(before)
    if found is None or (figure.noun and not figure.noun_before):
        return None  # "the ranks of eight officers": the figure counts its own noun
    np = found.group("np")
    after = _AFTER.match(claim.text, figure.end - claim.start)
    pp = after.group("pp") if after else ""
    words = f"{np} {pp}"
    if re.search(r"\d|\b(?:it|its|they|their|them|this|these|he|she|his|her|we|our)\b", words,
                 re.I) or np.lower() in ("total", "number", "minimum", "maximum", "range") or \
            re.search(r"\b(?:in|on|at|for|to|with|by|from|region|order)\b", np):
        return None  # "a total of 12 people", "an offer in the region of £20m": no measure named
    if len(np.split()) < 3 and not re.match(r"(?:to|for)\s", pp):
        return None  # "the annual rate", "the goal in sales": of what? "to the families" tells
    pp = pp if re.match(r"(?:to|for)\s", pp) else ""
    give = "do" if plural(label) else "does"
    return f"What figure {give} {label} give for the {np}{' ' + pp if pp else ''}?"


_TOLL = re.compile(r"(?P<main>[A-ZÀ-ÖØ-ÞĀ-Ž][^,;:()\d“”\"]{12,140}?),\s+(?:(?:reportedly|initially)\s+)?"
                   r"(?P<verb>killing|injuring|wounding)\s+$")
_PAST = re.compile(r"\b(?:[a-z]{3,}ed|hit|struck|fell|sank|broke|blew|went|ran|tore|swept|"
                   r"caught|shot|threw)\b")
_TOLL_VERB = {"killing": "killed", "injuring": "injured", "wounding": "wounded"}


def toll_prompt(claim: Claim, figure: Figure, label: str, lead: str, article: str) -> str | None:
    """"A bus overturned on the coast road, killing 12 people" -> "According to X, how many
    people were killed when a bus overturned on the coast road?" (`lead` is the claim's text
    without its dateline)."""
    before = claim.text[: figure.start - claim.start]
    start = len(claim.text) - len(lead) if claim.text.endswith(lead) else 0
    found = _TOLL.fullmatch(before, start)
    after = claim.text[figure.end - claim.start :]
    if found is None or not figure.noun or figure.noun_before or not after.startswith(
            " " + figure.noun) or not _PAST.search(found.group("main")):
        return None
    main = found.group("main")
    if re.match(r"(?:It|They|He|She|This|These|There)\b", main):
        return None  # "It struck ...": what did?
    first = main.split()[0]
    if first in ("The", "A", "An") or first.lower() in lower_words(article):
        main = main[0].lower() + main[1:]
    verb = _TOLL_VERB[found.group("verb")]
    return f"According to {label}, how many {figure.noun} were {verb} when {main}?"


#: Where the clause that holds a figure starts: "..., and", "said", "that".
_CLAUSE_OPEN = re.compile(r"(?:[,;:]\s|\s[–—-]\s|\b(?:but|while|whereas|that|said|says|"
                          r"added|adds)\s)")
_CLAUSE_CLOSE = re.compile(r"[,;:]\s|\s[–—-]\s|\s(?:but|while|whereas)\s|\.\s|\.$")


def own_clause(claim: Claim, figure: Figure) -> str | None:
    """Return the clause of a claim's sentence that holds the figure ("Average rents slipped
    0.6 per cent over the quarter" of "..., the agency said, as the market cooled"), or None
    when it is the whole sentence (the claim's own clause was tried)."""
    text = claim.text
    lo, hi = figure.start - claim.start, figure.end - claim.start
    start = max((m.end() for m in _CLAUSE_OPEN.finditer(text, 0, lo)), default=0)
    close = _CLAUSE_CLOSE.search(text, hi)
    end = close.start() if close else len(text)
    part = re.sub(r"^(?:and|with|but|while)\s+", "", text[start:end].strip(" “”\"‘’"))
    if start == 0 and end >= len(text.rstrip(".")) - 1 or len(part.split()) < 4:
        return None
    if _SUBORDINATE.search(text[max(0, start - 30) : lo]):
        return None  # "so if the comet passed here 9,000 years ago": no fact of its own
    lead = part[: part.find(figure.text)] if figure.text in part else part
    first = part.split()[0]
    if re.search(r"\d", lead) or re.fullmatch(r"[a-z]+(?:ing|ed)|where|which|who|what|how|"
                                             r"it|its|they|there|this|these|those", first):
        return None  # "having added 1.2%", "where it ...", "30 of which were sold in the
        # first two weeks": no subject of its own, or another figure before
    if len(lead.split()) >= 2 and lead.split()[0].islower() and lead.split()[0] not in (
            "the", "a", "an", "its", "their") and not lead.split()[1][:1].isupper() and \
            lead.split()[1] in ("grew", "rose", "fell", "was", "were", "is", "are"):
        return None  # "number grew to": a bare noun, no subject
    return part


_SUBORDINATE = re.compile(r"\b(?:if|when|whether|unless|although|though|because|once|until|"
                          r"before)\b", re.I)


_LISTED = re.compile(r"(?:\bwith|[;,]|\band)\s+(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][\w:-]{0,10})\s+at\s+$")
_PROJECTED = re.compile(r"(?:^|[,:]\s)[“\"‘']?(?P<subj>[A-ZÀ-ÖØ-ÞĀ-Ž][^,;“”\"\d]{2,50}?)"
                        r"(?:\s+for\s+[^,;]{2,20})?"
                        r"\s+(?:is|are|was|were)\s+(?:projected|forecast|estimated|expected|seen)"
                        r"\s+at\s")


def listed_prompt(claim: Claim, figure: Figure, label: str, sentence: str,
                  article: str) -> str | None:
    """"Output growth is projected at 3.1 per cent, with Q3 at 2.8 per cent" -> "What figure does X
    give for GDP growth in Q2?" (`sentence` is the one sentence of the claim that holds it)."""
    before = claim.text[: figure.start - claim.start]
    listed = _LISTED.search(before)
    head = _PROJECTED.search(sentence)
    if listed is None or head is None or sentence not in claim.text:
        return None
    if claim.text.find(sentence) + head.end() > len(before):
        return None  # the projection comes after the figure
    subj = head.group("subj")
    if re.search(r"\b(?:it|its|they|their|this|these)\b", subj, re.I):
        return None
    if subj.split()[0] in ("The", "A", "An") or subj.split()[0].lower() in lower_words(article):
        subj = subj[0].lower() + subj[1:]
    give = "do" if plural(label) else "does"
    return f"What figure {give} {label} give for {subj} in {listed.group('name')}?"
