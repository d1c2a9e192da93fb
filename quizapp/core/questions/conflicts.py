"""When two figures of one article conflict: who gives each figure (a sentence may hold two
sources), what it counts beyond casualties (people on board, coaches derailed), its scope (a
part such as "on their side" or "in the town alone", or a whole such as "nationwide"), and
whether a sentence is about another event ("Fighting last month ...")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.corpus import Article

Label = Callable[[Article, Claim], str]

#: "five villagers according to an official count, but ...": a source written after the figure
_ACCORDING_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}according to\s+((?:an?|the|official|some)\b[^,;.()]{2,40}?)"
    r"(?=\s*[,;.)]|\s+(?:while|but|whereas|and)\b|$)")
#: "The figures came from the National Council (NC), which ...": the source of the sentence before
_CAME_FROM = re.compile(
    r"^(?:The|These|Those|Both|All)\s+(?:figures?|numbers?|tolls?|data|counts?|tally|tallies|"
    r"statistics)\s+(?:came|come|were|was|are|is)\s+(?:from|provided by|compiled by|released by|"
    r"issued by|given by|supplied by)\s+(?P<source>[^,;.()]{3,80}?)\s*(?=[,;.(]|\s+which\b|$)")


def figure_label(article: Article, claim: Claim, figure: Figure, label_of: Label) -> str:
    """Return who gives one figure of a sentence: the source whose reported part holds it ("X
    said 24, but Y said 25"), a source written after it ("according to an official toll"), the
    sentence's source, or the source the next sentence names ("The figures came from X")."""
    best = None
    for a in (claim.attribution, *claim.others):
        if a.frame == "medium" or not a.content_start <= figure.start < a.content_end:
            continue
        if best is None or a.content_end - a.content_start < best.content_end - best.content_start:
            best = a
    after = _ACCORDING_AFTER.match(claim.text, figure.end - claim.start)
    if after:
        return after.group(1).strip()
    if best is not None and best is not claim.attribution:
        label = label_of(article, replace(claim, attribution=best, others=()))
        if label:
            return label
    earlier = earlier_clause_source(claim, figure) if best is None else ""
    return (earlier or label_of(article, claim) or context_label(article, claim, label_of)
            or predicted_label(claim, figure))


_SAID_BEFORE = re.compile(
    r"^(?:(?:[A-Z][a-z]+ly|At first|Earlier|Initially|On \w+day),?\s+)?"
    r"(?P<who>(?:[Tt]he|[Aa]n?)\s+[a-z][\w -]{1,40}?|[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)"
    r"\s+(?:first\s+|initially\s+|earlier\s+|originally\s+|had\s+)?(?:said|says|put|"
    r"estimated|reported|gave)\b")


def earlier_clause_source(claim: Claim, figure: Figure) -> str:
    """Return the source of a figure in a clause before the sentence's source ("The army first
    said 2,000 troops were sent, but the minister said ..."), "" when there is none."""
    a = claim.attribution
    at, end = figure.start - claim.start, figure.end - claim.start
    if not 0 <= end <= a.content_start - claim.start or not re.search(
            r"\b(?:but|while|whereas)\b", claim.text[end : a.content_start - claim.start]):
        return ""
    found = _SAID_BEFORE.match(claim.text[:at])
    return found.group("who") if found else ""


def context_label(article: Article, claim: Claim, label_of: Label | None = None) -> str:
    """Return the source the next sentence gives for this one's figures ("The figures came
    from X"), or the previous sentence's when this one points back at it ("That represents an
    increase of 56%"), or ""."""
    sentences = article.sentence_claims()
    for i, other in enumerate(sentences):
        if other is not claim:
            continue
        if i + 1 < len(sentences):
            found = _CAME_FROM.match(sentences[i + 1].text)
            if found:
                return found.group("source").strip()
        if i and label_of is not None and _THAT.match(claim.text):
            return label_of(article, sentences[i - 1])
    return ""


def context_claim(article: Article, claim: Claim, label: str) -> Claim | None:
    """Return the sentence that names a figure's source when its own does not ("The figures
    came from X" after it, or the sentence a "That represents ..." points back at), or None."""
    if not label or label.lower() in claim.text.lower():
        return None
    sentences = article.sentence_claims()
    for i, other in enumerate(sentences):
        if other is claim:
            if i + 1 < len(sentences) and _CAME_FROM.match(sentences[i + 1].text):
                return sentences[i + 1]
            if i and _THAT.match(claim.text):
                return sentences[i - 1]
    return None


#: "It comes after experts at a consultancy last week predicted ...": a forecaster the cue
#: reader missed
_PREDICTED = re.compile(
    r"(?:^|\bafter\s+|,\s+)(?P<who>(?:experts|analysts|economists|researchers|forecasters|"
    r"[Tt]he\s+\w+|[A-Z][\w&-]*)(?:\s+(?!predicted|forecast|estimated|projected)[\w&-]+){0,6}?)"
    r"\s+(?:last\s+\w+\s+|on\s+\w+day\s+|yesterday\s+|earlier\s+)?(?:predicted|forecast|"
    r"estimated|projected|predicts|forecasts|estimates|projects)\b")


def predicted_label(claim: Claim, figure: Figure) -> str:
    """Return who predicts a figure when the sentence's attribution names none ("analysts at
    pricing consultancy Tessel Research last month predicted the cap might rise to £1,300")."""
    found = _PREDICTED.search(claim.text[: figure.start - claim.start])
    return found.group("who") if found else ""


_ABOARD = re.compile(
    r"\s*(?:(?:people|persons|passengers|travellers|travelers|migrants)\s+)?(?:(?:were|was)\s+)?"
    r"(?:on board|aboard|onboard|travelling|traveling|inside(?=\s+(?:when|as|at)\b|\s*[,.;]))",
    re.I)
_CARRYING = re.compile(r"\b(?:carrying|carried|carries|carry)\s+$", re.I)
_CARRIED = re.compile(r"\s+(?:people|persons|passengers|travellers|travelers|migrants)\b", re.I)
_COACHES = re.compile(r"\s+(?:coaches|bogies|compartments|carriages|wagons|cars)\b", re.I)
_DERAIL = re.compile(r"\bderail|\boverturned\b|\bjumped the (?:track|rails)\b", re.I)


def other_kind(claim: Claim, figure: Figure) -> str:
    """Return what a figure counts beyond casualties: "aboard" (people on a bus, boat or train:
    "with 27 on board", "50 people inside when", "a ferry carrying 120 passengers") or
    "coaches" (of a derailed train: "Ten compartments derailed", "eight bogies"); "" otherwise."""
    at, end = figure.start - claim.start, figure.end - claim.start
    carrying = _CARRYING.search(claim.text, 0, at) and _CARRIED.match(claim.text, end)
    if _ABOARD.match(claim.text, end) or carrying:
        return "aboard"
    if _COACHES.match(claim.text, end) and _DERAIL.search(claim.text):
        return "coaches"
    return ""


_PART = re.compile(
    r"\bon (?:their|our|his|her|its|my|your|one|each|either|the other|the \w+(?:'s|’s))\s+side\b"
    r"|\bin (?:this|that|the) (?:\w+ )?(?:town|city|village|province|district|region|state|"
    r"county|area|country)(?: of [A-Z][\w-]*)? alone\b|\bin [A-Z][\w-]*(?: [A-Z][\w-]*)* alone\b"
    r"|\b(?:the|this) (?:state|city|town|province|county|district|region|village)(?:'s|’s)"
    r"|\bin the (?:area|city|town|county|district|village)\b(?! of)", re.I)
_WHOLE = re.compile(
    r"\bon both sides\b|\bnationwide\b|\bcountrywide\b|\bacross the (?:country|nation)\b"
    r"|\bin the whole (?:country|nation)\b|\bin all\b(?=\s*[,.;])", re.I)


def each(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure is a count for each of several ("Ruritania and Borduria each
    reported 34 deaths", "five each"), no total to compare."""
    at, end = figure.start - claim.start, figure.end - claim.start
    return bool(re.search(r"\beach\s+(?:\w+\s+)?$", claim.text[max(0, at - 25) : at])
                or re.match(r"\s+(?:\w+\s+)?(?:each|apiece)\b", claim.text[end:]))


def scope(claim: Claim, figure: Figure) -> tuple[str, str]:
    """Return the scope of a figure in its sentence: ("part", marker) for "22 deaths on their
    side", "4,000 in this town alone", "the state's toll" or "39 dead in the area", ("whole",
    marker) for "27 dead on both sides" or
    "deaths nationwide rose to 3,621", ("", "") when the sentence says neither."""
    at = figure.start - claim.start
    lo = max(claim.text.rfind(p, 0, at) for p in ".;!?") + 1
    ends = [i for i in (claim.text.find(p, figure.end - claim.start) for p in ".;!?") if i >= 0]
    segment = claim.text[lo : min(ends) if ends else len(claim.text)]
    found = [(abs(m.start() + lo - at), kind, m.group(0).lower())
             for kind, pattern in (("part", _PART), ("whole", _WHOLE))
             for m in pattern.finditer(segment)]
    return min(found)[1:] if found else ("", "")


def may_conflict(a: tuple[Claim, Figure], b: tuple[Claim, Figure]) -> bool:
    """Tell whether two counts of one kind may conflict: their values differ (a value inside
    the other's range does not), and neither is a part no larger than a whole it belongs to
    ("22 deaths on their side" within "27 dead on both sides"); two different parts ("on their
    side", "on our side") never conflict."""
    (ca, fa), (cb, fb) = a, b
    lo_a, hi_a = fa.value, fa.high if fa.high is not None else fa.value
    lo_b, hi_b = fb.value, fb.high if fb.high is not None else fb.value
    if lo_a <= hi_b and lo_b <= hi_a:
        return False
    (ka, ma), (kb, mb) = scope(ca, fa), scope(cb, fb)
    if ka == kb == "part":
        return ma == mb
    if {ka, kb} == {"part", "whole"}:
        part, whole = (fa, fb) if ka == "part" else (fb, fa)
        return part.value > (whole.high if whole.high is not None else whole.value)
    return True


_OTHER_TIME = re.compile(
    r"^(?P<subject>(?:[\w’'-]+\s+){1,4}?)(?:last|earlier this|late last|early last)\s+"
    r"(?:month|week|year|weekend)\b")
#: "The news came two days after officials said 58 died in air raids": an earlier event
_CAME_AFTER = re.compile(r"\b(?:came|comes|come)\s+(?:a|one|two|three|four|five|several|\w+)\s+"
                         r"(?:days?|weeks?|months?)\s+after\b")
_COUNT_NOUNS = re.compile(r"\b(?:toll|figures?|numbers?|count|tally|estimates?)\b", re.I)


def other_event(claim: Claim) -> bool:
    """Tell whether a sentence reports another event by a time after its subject ("Fighting
    last month in the south killed ...") or as news before ("The news came two days after
    officials said ..."), not a source's earlier word ("Officials last week said ...") nor an
    earlier count ("The toll last week stood at 20")."""
    if _CAME_AFTER.search(claim.text):
        return True
    found = _OTHER_TIME.match(claim.text)
    if not found or _COUNT_NOUNS.search(found.group("subject")):
        return False
    mention = claim.attribution.mention_start - claim.start
    return not 0 <= mention < found.end()


_RISE_BEFORE = re.compile(r"\b(?:rise|rises|increase|increases|hike|jump)\s+of\s+"
                          r"(?:[\d.]+\s?(?:pc|%|per\s?cent)\s+or\s+)?$", re.I)  # "of 56pc or £723"
_RISE_AFTER = re.compile(r"\s*(?:rise|increase|hike|jump)\b", re.I)
_LEVEL_BEFORE = re.compile(
    r"\b(?:rise|rises|rising|rose|risen|climb\w*|increase[sd]?|go up|goes up|jump\w*|fall\w*|"
    r"fell|drop\w*|cut)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,40}?\bto\s*$", re.I)
_PER_SHORT = re.compile(r"\s*(?:per|a|an|each)\s+(?:month|week|day|hour)\b", re.I)
_FORECAST = re.compile(r"\b(?:could|would|will|may|might|expected|expects?|forecasts?|predict\w*|"
                       r"estimates?|projected|projects?|face|faces)\b", re.I)


def money_kind(claim: Claim, figure: Figure) -> str:
    """Return what a sum of money measures, when it is a change: "rise" for its size ("a rise
    of up to £700", "an increase of £523"), "level" for where it ends ("might climb to £1,300
    a year"); "" for others, the earlier level ("from £1,277") and sums per month or week."""
    at, end = figure.start - claim.start, figure.end - claim.start
    before, after = claim.text[:at], claim.text[end:]
    if _PER_SHORT.match(after) or re.search(r"\bfrom\s*$", before):
        return ""
    if _RISE_BEFORE.search(before) or _RISE_AFTER.match(after):
        return "rise"
    return "level" if _LEVEL_BEFORE.search(before) else ""


def _words(text: str) -> set[str]:
    """Return the content words of a text, stemmed crudely ("bills" and "billed": "bill")."""
    return {re.sub(r"(?:s|es|ed|ped|ing)$", "", w) for w in re.findall(r"[a-z]{4,}", text.lower())}


def same_quantity(article: Article, a: Claim, b: Claim) -> bool:
    """Tell whether two sentences' sums are one quantity of the story: both name a word of the
    title ("energy bills price cap") and both forecast it, or neither does (a forecast and a
    result are two things)."""
    title = _words(article.source.title) - _words("this that with from after into says said")
    texts = [_with_pointer(article, c) for c in (a, b)]
    if not all(title & _words(t) for t in texts):
        return False
    return bool(_FORECAST.search(texts[0])) == bool(_FORECAST.search(texts[1]))


_THAT = re.compile(r"^(?:That|This)\s+(?:represents|means|would mean|amounts to|equates to|"
                   r"is equivalent to|would be)\b")


def _with_pointer(article: Article, claim: Claim) -> str:
    """Return a sentence's text, after the one before when it points back ("That represents")."""
    if _THAT.match(claim.text):
        before = [c for c in article.sentence_claims() if c.end <= claim.start]
        if before:
            return f"{before[-1].text} {claim.text}"
    return claim.text


def day(date: str | None) -> int | None:
    """Return a date ("2025-03-01", "2025-03") as a day number, None when absent."""
    found = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", date or "")
    if not found:
        return None
    year, month, date_day = (int(g) if g else 15 for g in found.groups())
    return year * 372 + month * 31 + date_day


def dated_apart(a: Article, b: Article, days: int = 10) -> bool:
    """Tell whether two articles are dated more than `days` apart (so report two events)."""
    day_a, day_b = day(a.source.date), day(b.source.date)
    return day_a is not None and day_b is not None and abs(day_a - day_b) > days
