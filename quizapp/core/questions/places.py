"""Places of a count: the names a figure's own clause gives it ("in Nepal" of "At least 90 died
in Nepal and 50 in Assam"), and whether two counts cover one place (the whole region and its
countries listed; a state and the state with its country), not a part and its whole."""

from __future__ import annotations

import calendar
import re

from quizapp.core.banks.model import Source
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.corpus import Article
from quizapp.core.questions.statements import strip_lead
from quizapp.core.questions.tolls import entities_of
from quizapp.core.text.countries import is_country
from quizapp.core.text.words import has_word


def figure_places(claim: Claim, figure: Figure, article: Article) -> frozenset[str]:
    """Return the names of a figure's own clause that may be places or parties: from the last
    break before it ("and", a comma, a semicolon after another figure) to the next figure; not
    its sources' names, its dateline's, the sentence's first word nor words the article also
    writes in lower case (cached: every pair of counts compares them again)."""
    key = (id(claim), figure.start)
    held = _PLACES.get(key)
    if held is not None and held[0] is claim:
        return held[1]
    if len(_PLACES) > 8192:
        _PLACES.clear()
    places = _figure_places(claim, figure, article)
    _PLACES[key] = (claim, places)
    return places


_PLACES: dict[tuple[int, int], tuple[Claim, frozenset[str]]] = {}


def _figure_places(claim: Claim, figure: Figure, article: Article) -> frozenset[str]:
    """Read the places of `figure_places`."""
    text = claim.text
    at, end = figure.start - claim.start, figure.end - claim.start
    lo, hi = max(0, at - 80), min(len(text), end + 80)
    for other in claim.figures:
        o_at, o_end = other.start - claim.start, other.end - claim.start
        if o_end <= at:
            gap = _BREAK_BEFORE.search(text, o_end, at)
            lo = max(lo, gap.end() if gap else o_end)
        elif o_at >= end:
            hi = min(hi, o_at)
    stop = _CLAUSE_END.search(text, end, hi)
    hi = stop.start() if stop else hi
    names = set(entities_of(" " + text[lo:hi]))
    names -= entities_of(f' {text.split(" ", 1)[0]} {figure.text}')
    for a in (claim.attribution, *claim.others):
        if a.speaker is not None:
            names -= entities_of(f" {a.speaker.mention} {a.speaker.name}")
    dateline = text[: len(text) - len(strip_lead(text))]
    names -= entities_of(" " + dateline)
    names = {n for n in names if not has_word(article.source.text, n.lower())
             and n.lower() not in NOT_PLACES}
    after_in = {w for m in _IN_PLACE.finditer(text, lo, hi) for w in m.group(1).split()}
    return frozenset(names | {f"in:{n}" for n in names & after_in if not is_country(n)})


#: A place after "in": "died in Bihar state", "in north-eastern India's Assam".
_IN_PLACE = re.compile(r"\bin\s+(?:the\s+)?(?:[a-z][\w-]*\s+)?((?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:’s|'s)?\s?)+)")


#: The last break before a figure that follows another: "died in Nepal and [50 in Assam]".
_BREAK_BEFORE = re.compile(r".*(?:\s(?:and|while|but|whereas)\s|[,;]\s)", re.S)
_CLAUSE_END = re.compile(r";\s|\s(?:while|whereas|but)\s")
#: Capitalised words that name no place: sentence openers, numbers, days and months.
NOT_PLACES = frozenset(
    """the this that those these new more most five four three two six seven eight nine ten
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split())
#: Names of regions that hold several countries.
_REGIONS = frozenset("""asia europe africa america americas caribbean pacific balkans gulf sahel
    mediterranean scandinavia oceania""".split())


def same_scope(a: frozenset[str], b: frozenset[str], lead_a: frozenset[str],
               lead_b: frozenset[str], lone_place: bool = True) -> bool:
    """Tell whether two counts with these places may count in one place: not two countries
    ("90 in Nepal", "300 in India, Nepal and Bangladesh": a part and its whole), not one country
    against a count with none in a story of several ("12 died in Bangladesh", the lead's 152 of
    a title naming three countries), not two places each after "in" ("in Bihar", "in Assam");
    but a region stands for its countries ("152 in South Asia"). With `lone_place`, a count
    in a place stands against a count with none only when the latter's lead names it."""
    if a == b or (regional(a) and (regional(b) or len(_countries(b)) >= 2 or not b)) or (
            regional(b) and (len(_countries(a)) >= 2 or not a)):
        return True
    ca, cb = _countries(a), _countries(b)
    if ca and cb:
        return ca == cb
    if ca or cb:
        named, lead = (ca, _countries(lead_b)) if ca else (cb, _countries(lead_a))
        if len(lead) >= 2 and not lead <= named:
            return False
    ia, ib = {n for n in a if n.startswith("in:")}, {n for n in b if n.startswith("in:")}
    if ia and ib:
        return bool(ia & ib)
    if (ia or ib) and lone_place:  # "Nine were killed in Eastland" against a toll of a
        # story on Portville (not within one article, whose parts "in this town alone" or
        # "in Eastland" stand against its whole)
        named, lead = (ia, lead_b) if ia else (ib, lead_a)
        return any(n[3:] in lead for n in named)
    return True


def _countries(names: frozenset[str]) -> frozenset[str]:
    """Return the country names among names."""
    return frozenset(n for n in names if is_country(n))


def regional(names: frozenset[str]) -> bool:
    """Tell whether names are only a region's ("South Asia")."""
    words = {n.removeprefix("in:").lower() for n in names}
    return any(w in _REGIONS for w in words) and all(w in _REGIONS or w in COMPASS
                                                     for w in words)


COMPASS = frozenset("north south east west northern southern eastern western central".split())


def lead_places(article: Article) -> frozenset[str]:
    """Return the names of an article's title and first sentence."""
    first = article.claims[0].text if article.claims else ""
    return entities_of(f" {article.source.title} {strip_lead(first[:400])}")


def place_named(claim: Claim, figure: Figure, article: Article) -> str:
    """Return the one country a count is given for in a story of several ("in Ruritania" of
    "A dozen died in Ruritania" in a story on floods in three countries), or ""."""
    countries = _countries(figure_places(claim, figure, article))
    if len(countries) != 1 or len(_countries(lead_places(article))) < 2:
        return ""
    return next(iter(countries))


def story_name(source: Source, keys: list[Figure], other: Source | None = None) -> str:
    """Return how a prompt names an article: its title in quotes, unless the title gives away
    one of the figures asked for ("Toll rises to 152" for the key 152), when it is named by its
    publisher and date ("the report published by The Courier on 20 July 2019"), or only as
    "the other article"."""
    if not any(_holds_figure(source.title, f) for f in keys):
        return f'"{source.title}"'
    when = _long_date(source.date)
    if other is not None and (other.publisher, other.date) == (source.publisher, source.date):
        when = ""  # two reports of one paper on one day: neither names one apart
    publisher = re.split(r"\s*[,(;]", source.publisher or "")[0].strip()  # "The Courier
    if publisher and when:  # (Leeds), carrying agency copy": The Courier
        return f"the report published by {publisher} on {when}"
    if when:
        return f"the report dated {when}"
    return "the other article" if other is not None else "the article"


def _holds_figure(title: str, figure: Figure) -> bool:
    """Tell whether a title writes a figure's number, in any of its forms."""
    forms = {figure.number_text, f"{figure.value:,.0f}", f"{figure.value:.0f}"} if (
        figure.value == int(figure.value)) else {figure.number_text, f"{figure.value:g}"}
    return any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d])", title, re.I)
               for f in forms if f)


def _long_date(date: str | None) -> str:
    """Return an ISO date as "20 July 2019" ("July 2019", "2019" for shorter ones), or ""."""
    parts = (date or "").split("-")
    if not parts[0].isdigit():
        return ""
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = calendar.month_name[int(parts[1])]
        if len(parts) >= 3 and parts[2].isdigit():
            return f"{int(parts[2])} {month} {parts[0]}"
        return f"{month} {parts[0]}"
    return parts[0]
