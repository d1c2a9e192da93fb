"""When two figures of one article conflict: what a figure counts beyond casualties (people on
board, coaches derailed), its scope (a part such as "on their side" or "in the town alone", or a
whole such as "nationwide"), and whether a sentence is about another event ("Fighting last month
...")."""

from __future__ import annotations

import re

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.corpus import Article
from quizapp.core.questions.figure_sources import POINTS_BACK

_ABOARD = re.compile(
    r"\s*(?:(?:people|persons|passengers|travellers|travelers|migrants)\s+)?(?:(?:were|was)\s+)?"
    r"(?:on board|aboard|onboard|travelling|traveling|inside(?=\s+(?:when|as|at)\b|\s*[,.;]))",
    re.I)
_CARRYING = re.compile(r"\b(?:carrying|carried|carries|carry)\s+$", re.I)
_CARRIED = re.compile(r"\s+(?:people|persons|passengers|travellers|travelers|migrants)\b"
                      r"|(?=\s*[.;]|\s*,\s+(?:including|of\s+whom)\b)", re.I)  # "carrying 191."
#: A count of those in hospital: "88 patients remain in hospital", "90 passengers, including
#: crew, are being treated at hospitals", "40 were hospitalised".
_IN_HOSPITAL = re.compile(r"(?:\s+[\w’'-]+){0,6}?\s+(?:(?:remain|remained|are|were|was|is)\s+"
                          r"(?:still\s+)?(?:in|at)\s+(?:\w+\s+)?hospitals?\b|(?:are|were|is|was|"
                          r"being)\s+(?:being\s+)?(?:treated|hospitali[sz]ed)\b|hospitali[sz]ed\b)",
                          re.I)
_COACHES = re.compile(r"\s+(?:coaches|bogies|compartments|carriages|wagons|cars)\b", re.I)
_DERAIL = re.compile(r"\bderail|\boverturned\b|\bjumped the (?:track|rails)\b", re.I)


def other_kind(claim: Claim, figure: Figure) -> str:
    """Return what a figure counts beyond casualties: "aboard" (people on a bus, boat or train:
    "with 27 on board", "50 people inside when", "a ferry carrying 120 passengers") or
    "coaches" (of a derailed train: "Ten compartments derailed", "eight bogies") or "hospital"
    (those being treated: "149 patients remain in hospital"); "" otherwise."""
    at, end = figure.start - claim.start, figure.end - claim.start
    carrying = _CARRYING.search(claim.text, 0, at) and _CARRIED.match(claim.text, end)
    if _ABOARD.match(claim.text, end) or carrying:
        return "aboard"
    if _COACHES.match(claim.text, end) and _DERAIL.search(claim.text):
        return "coaches"
    hospital = _IN_HOSPITAL.match(claim.text, end)
    if hospital and re.search(r"\b(?:[Dd]eaths?|[Kk]illings?)\s+of\s+(?:\w+\s+)?$",
                              claim.text[:at]):
        return ""  # "the death of 57 patients treated in hospital": the dead, of patients
    if hospital and not re.search(r"[,;:]|\b(?:and|while|but|after|when)\b",
                                  re.sub(r",\s+including\b[^,]*,", "", hospital.group())):
        return "hospital"
    return ""


_PART = re.compile(
    r"\bon (?:their|our|his|her|its|my|your|one|each|either|the other|the \w+(?:'s|’s))\s+side\b"
    r"|\bin (?:this|that|the) (?:\w+ )?(?:town|city|village|province|district|region|state|"
    r"county|area|country)(?: of [A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*)? alone\b|\bin [A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*(?: [A-ZÀ-ÖØ-ÞĀ-Ž][\w-]*)* alone\b"
    r"|\b(?:the|this) (?:state|city|town|province|county|district|region|village)(?:'s|’s)"
    r"|\bin the (?:area|city|town|county|district|village|capital)\b(?! of)", re.I)
_WHOLE = re.compile(
    r"\bon both sides\b|\bnationwide\b|\bcountrywide\b|\bacross the (?:country|nation)\b"
    r"|\bin the whole (?:country|nation)\b|\bin all\b(?=\s*[,.;])", re.I)


def each(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure is a count for each of several ("Ruritania and Borduria each
    reported 34 deaths", "five each"), no total to compare."""
    at, end = figure.start - claim.start, figure.end - claim.start
    return bool(re.search(r"\beach\s+(?:\w+\s+)?$", claim.text[max(0, at - 25) : at])
                or re.match(r"\s+(?:\w+\s+)?(?:each|apiece)\b", claim.text[end:]))


_CLAUSE_JOIN = re.compile(r"\s(?:and|but|while|whereas)\s")


def scope(claim: Claim, figure: Figure) -> tuple[str, str]:
    """Return the scope of a figure in its sentence: ("part", marker) for "22 deaths on their
    side", "4,000 in this town alone", "the state's toll" or "39 dead in the area", ("whole",
    marker) for "27 dead on both sides" or
    "deaths nationwide rose to 3,621", ("", "") when the sentence says neither."""
    at = figure.start - claim.start
    lo = max(claim.text.rfind(p, 0, at) for p in ".;!?") + 1
    joins = [m.end() for m in _CLAUSE_JOIN.finditer(claim.text, lo, at)]
    lo = joins[-1] if joins else lo  # "riot police charged marchers in the city and 60 were
    # detained nationwide": the figure's own clause
    ends = [i for i in (claim.text.find(p, figure.end - claim.start) for p in ".;!?") if i >= 0]
    segment = claim.text[lo : min(ends) if ends else len(claim.text)]
    found = [(abs(m.start() + lo - at), kind, m.group(0).lower())
             for kind, pattern in (("part", _PART), ("whole", _WHOLE))
             for m in pattern.finditer(segment)]
    return min(found)[1:] if found else ("", "")


#: Spans of time a count covers: "in the last week", "over the past seven days", "in the year
#: to date", "so far this year", "since January" (not when it was given: "yesterday", "this
#: week").
_PERIODS = (
    ("week", re.compile(r"\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:last|past|previous)"
                        r"\s+(?:week|(?:seven|eight|nine|ten|five|six|\d+)\s+days)\b|\bin a week\b",
                        re.I)),
    ("month", re.compile(r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:last|past|previous)\s+"
                         r"(?:month|(?:two|three|four|\d+)\s+(?:weeks|months))\b", re.I)),
    ("year", re.compile(r"\b(?:the\s+)?year[\s-]to[\s-]date\b|\bso far this year\b|\bthis "
                        r"year\b|\bsince (?:the start of the year|January)\b|\b(?:in|over|during)"
                        r"\s+(?:the\s+)?(?:last|past|previous)\s+(?:year|12 months)\b|\bso far in "
                        r"(?:19|20)\d\d\b|\bannual(?:ly)?\b", re.I)),
)


def period(claim: Claim, figure: Figure) -> str:
    """Return the span of time a count covers, by the nearest phrase of its sentence that says
    one ("week", "month", "year"), or "" when none does."""
    at = figure.start - claim.start
    found = [(abs(m.start() - at), kind) for kind, pattern in _PERIODS
             for m in pattern.finditer(claim.text)]
    return min(found)[1] if found else ""


def may_conflict(a: tuple[Claim, Figure], b: tuple[Claim, Figure], bounds_hold: bool = True,
                 two_sources: bool = False) -> bool:
    """Tell whether two counts of one kind may conflict: their values differ (a value inside
    the other's range does not), and neither is a part no larger than a whole it belongs to
    ("22 deaths on their side" within "27 dead on both sides"); two different parts ("on their
    side", "on our side") never conflict. With `bounds_hold` False (two articles' sources), a
    floor and a count above it conflict: "at least 201" in one report and 205 in another; with
    `two_sources` (two sources of one article), a floor and a count well above it do."""
    (ca, fa), (cb, fb) = a, b
    lo_a, hi_a = fa.value, fa.high if fa.high is not None else fa.value
    lo_b, hi_b = fb.value, fb.high if fb.high is not None else fb.value
    if lo_a <= hi_b and lo_b <= hi_a:
        return False
    if fa.high is None and fb.high is None and (_rounds_to(fa, fb) or _rounds_to(fb, fa)):
        return False  # "51.2% of the vote" and "51%": one figure, rounded
    if bounds_hold and (_within_bound(fa, fb) or _within_bound(fb, fa)) and not (
            two_sources and max(lo_a, lo_b) >= 1.25 * min(lo_a, lo_b)):
        return False  # "more than 330" deaths and then 337: one count, told two ways (but
        # one source's "at least 700" and another's "around 900" are two estimates)
    if fa.qualifier in ("gt", "ge") and fb.qualifier in ("gt", "ge") and (
            max(lo_a, lo_b) <= 1.1 * min(lo_a, lo_b)):
        return False  # "more than 30" and "at least 32": two floors that agree
    if _local_part((ca, fa), (cb, fb)) or _local_part((cb, fb), (ca, fa)):
        return False  # "17, the Harlow County sheriff said" beside a statewide 42: a part
    pa, pb = period(ca, fa), period(cb, fb)
    if pa and pb and pa != pb:
        return False  # "900 in the last week alone" and "1,093 in the year to date": two spans
    (ka, ma), (kb, mb) = scope(ca, fa), scope(cb, fb)
    if ka == kb == "part":
        return ma == mb
    if {ka, kb} == {"part", "whole"} or {ka, kb} == {"part", ""} and "alone" not in ma + mb:
        part, whole = (fa, fb) if ka == "part" else (fb, fa)
        return part.value > (whole.high if whole.high is not None else whole.value)
        # ("33 arrested in the capital" beside 457 arrested: a part, where no whole is said;
        # but "11,300 in Derna alone" is set against the whole's figure)
    return True


def _rounds_to(rounded: Figure, exact: Figure) -> bool:
    """Tell whether a figure written with fewer decimals is the other one rounded: 51 of 51.2,
    4.9 of 4.86 (a whole number of 100 or more is a count, never a rounding: 381 and 381.4)."""
    text = rounded.number_text.replace(",", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?", text) or "." not in exact.number_text:
        return False
    places = len(text.split(".")[1]) if "." in text else 0
    exact_places = len(exact.number_text.split(".")[1])
    if places >= exact_places or (places == 0 and rounded.value >= 100):
        return False
    step = 10 ** -places
    return abs(exact.value - rounded.value) <= step / 2 + 1e-9


def _within_bound(bound: Figure, exact: Figure) -> bool:
    """Tell whether an exact figure (no qualifier, no range) lies within the bound a qualified
    one sets: "more than 330" holds 337, "at least 42" holds 42, "about 240" holds 250; but "at
    least 12" killed and later 29 is a toll revised (an upper bound is left out too)."""
    if exact.qualifier not in (None, "eq") or exact.high is not None or bound.high is not None:
        return False
    v, x = bound.value, exact.value
    return {"gt": v < x <= 1.25 * v, "ge": v <= x <= 1.25 * v, "lt~": 0.9 * v <= x <= v,
            "approx": 0.9 * v <= x <= 1.1 * v}.get(bound.qualifier or "", False)  # not "up to
    # 20,000" against 3,252: a high estimate against a count, which news sets against each other


#: A source for one area: "Harlow County Sheriff X", "the Harlow district police".
_AREA = re.compile(r"\b(?P<place>[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)\s+(?:County|District|Province|Municipality|Parish|"
                   r"City|Township|district|county|province)\b")


def _local_part(small: tuple[Claim, Figure], large: tuple[Claim, Figure]) -> bool:
    """Tell whether the smaller count is a part of the larger: a figure the larger's sentence
    gives as its part, or a count by a source for one area that sentence does not name (a
    county's toll within the toll of the whole event)."""
    (cs, fs), (cl, fl) = small, large
    speaker = cs.attribution.speaker
    if speaker is None or fs.value >= fl.value:
        return False
    if re.match(r"\s*(?:Of|Among)\s+(?:the|those|these)\s", cl.text) and any(
            f.value == fs.value for f in cl.figures if f is not fl):
        return True  # "Of the 31 killed, 17 were found in Harlow": the 17 is that part
    area = _AREA.search(f"{speaker.mention} {speaker.description}")
    return area is not None and area.group("place") not in cl.text


_OTHER_TIME = re.compile(
    r"^(?P<subject>(?:[\w’'-]+\s+){1,4}?)(?:last|earlier this|late last|early last)\s+"
    r"(?:month|week|year|weekend)\b")
#: "The news came two days after officials said 58 died in air raids": an earlier event
_CAME_AFTER = re.compile(r"\b(?:came|comes|come)\s+(?:a|one|two|three|four|five|several|\w+)\s+"
                         r"(?:days?|weeks?|months?)\s+after\b")
_COUNT_NOUNS = re.compile(r"\b(?:toll|figures?|numbers?|count|tally|estimates?)\b", re.I)


#: A toll of a whole war or span, not of the event: "90,000 have died in eight years of
#: conflict", "since the war began", "since 2011".
_CUMULATIVE = re.compile(
    r"\b(?:in|over|during|after)\s+(?:more than\s+|nearly\s+|almost\s+)?(?:[\w-]+\s+)?"
    r"(?:years?|decades?|months?)\s+of\s+(?:\w+\s+)?(?:conflict|war|fighting|violence|unrest|"
    r"insurgency)\b|\bsince\s+the\s+(?:\w+\s+)?(?:war|conflict|uprising|fighting|insurgency|"
    r"pandemic|outbreak)\s+(?:began|started|erupted|broke out)\b|\bsince\s+(?:the\s+start\s+of\s+)?"
    r"(?:19|20)\d\d\b", re.I)


def other_event(claim: Claim) -> bool:
    """Tell whether a sentence reports another event by a time after its subject ("Fighting
    last month in the south killed ...") or as news before ("The news came two days after
    officials said ..."), not a source's earlier word ("Officials last week said ...") nor an
    earlier count ("The toll last week stood at 20")."""
    if _CAME_AFTER.search(claim.text) or _CUMULATIVE.search(claim.text):
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
    r"fell|drop\w*|cut)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,40}?\bto\s*$"
    r"|\b(?:set|capped|fixed|pegged)\s+at\s*$", re.I)  # "the fare cap will be set at £2,150"
_PER_SHORT = re.compile(r"\s*(?:per|a|an|each)\s+(?:month|week|day|hour)\b", re.I)
_FORECAST = re.compile(r"\b(?:could|would|will|may|might|expected|expects?|forecasts?|predict\w*|"
                       r"estimates?|projected|projects?|face|faces|likely|set to|due to)\b", re.I)


def measure_kind(claim: Claim, figure: Figure) -> str:
    """Return what a figure measures that two sources may give differently, beyond counts of
    people: "magnitude" (of an earthquake), "turnout", "vote:NAME" (the share of the vote a
    candidate or party won), "cut:UNIT" (the size of a cut: "cut output by 700,000 barrels",
    "18,000 jobs to go"); "" otherwise."""
    at, end = figure.start - claim.start, figure.end - claim.start
    before, after = claim.text[max(0, at - 60) : at], claim.text[end : end + 40]
    if "magnitude" in (figure.unit.lower(), figure.noun.lower()) or _RICHTER.match(after) or (
            _MAGNITUDE_BEFORE.search(before)) or (figure.noun.lower() in _QUAKES and (
            _MEASURED.search(before))) or (_MEASURED_IT.search(before) and (
            "." in figure.number_text) and figure.value < 10):
        return "magnitude"  # ("Indonesia's agency measured it at 7.0")
    if figure.topic != "share" and "cent" not in figure.unit:
        cut = _CUT_BEFORE.search(before)
        unit = (figure.noun or figure.unit).lower()
        quoted = re.match(r"[”\"’]\s+([a-z]+)\b", after) if not unit else None
        unit = quoted.group(1) if quoted else unit  # 'lay off "more than 9,000" staff'
        if not cut and _JOBS_CUT_AFTER.match(after):
            return "cut:jobs"  # "2,500 job losses", "2,800 jobs that will be cut", "nearly
            # 3,000 jobs at risk", "2,800 roles potentially affected": one count of job cuts
        if cut and unit.isalpha() and len(unit) > 2:
            return f"cut:{'jobs' if unit in _JOB_WORDS else unit}"  # "eliminate 18,000 roles"
            # and "cut about 5,000 jobs", "lay off 9,000 staff": one count of job cuts
        if _TURNOUT.search(before) and figure.value >= 100 and unit in ("", "turnout"):
            return "took part"  # "put the turnout at close to two million": a head count
        return ""
    if figure.noun.lower() == "turnout" or _TURNOUT.search(before):
        return "turnout"
    if figure.noun.lower() in ("vote", "votes", "ballots", "the vote") or _OF_VOTE.match(after):
        names = [n for n in _NAME.findall(claim.text[:at]) if n.lower() not in _OPENERS]
        return f"vote:{names[-1]}" if names else ""
    won = _WON_SHARE.search(before) if _ELECTION.search(claim.text) and not _OF_COUNTED.match(
        after) else None
    if won and won.group(1).lower() not in _OPENERS:
        return f"vote:{won.group(1)}"  # "X had taken 49% against Y's 44%"
    if _POLLED.search(claim.text) and not _OF_COUNTED.match(after):
        party = _BACKED.search(before) or _SHARE_FOR.match(after)
        if party and party.group(1).lower() not in _OPENERS:
            return f"support:{party.group(1)}"  # "the Social Democrats have 29% support",
            # "28% against 26% for the Social Democrats" in a poll
    return ""


_RICHTER = re.compile(r"\s+on\s+the\s+Richter\b|-?\s*magnitude\b", re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+(?:of|at|was|as))?\s+(?:about\s+|around\s+)?$",
                               re.I)
_JOBS_CUT_AFTER = re.compile(
    r"\s+(?:job\s+(?:losses|cuts)|redundancies|(?:jobs|roles|positions|posts)\s+(?:(?:that|which)\s+"
    r"(?:will|would|could|are\s+to|may)\s+be\s+|(?:will|would|could|may)\s+be\s+|to\s+be\s+|are\s+"
    r")?(?:cut|lost|axed|shed|eliminated|at\s+risk|potentially\s+affected|under\s+threat|to\s+go|"
    r"going)\b)", re.I)
_JOB_WORDS = frozenset("jobs roles positions posts employees workers staff staffers".split())
_CUT_BEFORE = re.compile(r"\b(?:cut|cuts|cutting|reduce|reduces|reducing|reduction|trim|trims|"
                         r"trimming|slash|slashes|slashing|shed|shedding|axe|axing|eliminate|"
                         r"eliminates|eliminating|lay\s+off|lays\s+off|laying\s+off|pink-slip|"
                         r"pink-slipping)\b"
                         r"(?:\s+[\w’'-]+){0,4}?\s+(?:by\s+|of\s+)?(?:about\s+|around\s+|some\s+|"
                         r"nearly\s+|almost\s+|up\s+to\s+|roughly\s+)?[“\"‘]?$", re.I)
_MEASURED_IT = re.compile(r"\b(?:measured|registered|rated|recorded|put|puts|measures)\s+(?:it|"
                          r"the\s+(?:quake|earthquake|tremor|temblor))\s+at\s+(?:magnitude\s+)?$")
_QUAKES = frozenset("quake earthquake tremor temblor aftershock".split())
_MEASURED = re.compile(r"\b(?:measured|measuring|registered|registering|had a magnitude of|"
                       r"was)\s+(?:about\s+|around\s+)?$")
_TURNOUT = re.compile(r"\bturnout\b[^,;.]{0,30}$", re.I)
#: A candidate's share in an election sentence: "X had won 48%", "to Y's 45%", "X was
#: leading with 51%" (not "76% of boxes counted").
_ELECTION = re.compile(r"\b(?:votes?|ballots?|election|elections|poll|polls|polling|run-?off|"
                       r"candidates?|results|count|counting|precincts|boxes)\b", re.I)
_WON_SHARE = re.compile(r"\b([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,}(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)?)(?:(?:[’']s?)|\s+(?:had\s+|has\s+|"
                        r"was\s+|is\s+)?(?:[a-z]+ly\s+|just\s+)?(?:won|took|taken|got|gained|"
                        r"garnered|secured|received|polled|leading\s+with|trailing\s+with|"
                        r"ahead\s+with|behind\s+with|on))\s+(?:about\s+|around\s+|nearly\s+|"
                        r"almost\s+|just\s+|only\s+)?$")
_POLLED = re.compile(r"\b(?:poll|polls|survey|surveys|polling|opinion\s+poll)\b", re.I)
_BACKED = re.compile(r"\b([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,})\s+(?:have|has|had|were|was|are|is|stood|stand|stands)?"
                     r"\s*(?:on|at|ahead\s+with|behind\s+with|level\s+with|with)?\s+"
                     r"(?:about\s+|around\s+|nearly\s+|almost\s+|just\s+)?$")
_SHARE_FOR = re.compile(r"\s+(?:support\s+)?for\s+(?:the\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+\s+)*([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,})")
_OF_COUNTED = re.compile(r"\s+of\s+(?:the\s+)?(?:ballot\s+)?(?:boxes|ballots|votes|precincts)\s+"
                         r"(?:counted|tallied|opened|processed)|\s+of\s+(?:the\s+)?(?:ballot\s+)?"
                         r"boxes\b")
_OF_VOTE = re.compile(r"\s+of\s+(?:the\s+)?(?:votes?|ballots)\b")
_NAME = re.compile(r"(?:(?<=\s)|^)[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{2,}(?:-[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)?(?=[\s,’'])")
#: Words that open a sentence with a capital and name no candidate.
_OPENERS = frozenset("""the his her its their this that these those according preliminary
    official early final results and but with after""".split())


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
    if _DAMAGE_BEFORE.search(before) or _DAMAGE_AFTER.match(after):
        return "damage"
    if _WORTH_BEFORE.search(before):
        return "value"
    return "level" if _LEVEL_BEFORE.search(before) else ""


#: What a deal or a thing is worth: "a deal worth $2 billion", "put its value at $1.5 billion".
_WORTH_BEFORE = re.compile(
    r"\b(?:worth|valued\s+at|valuing\s+(?:it|the\s+\w+)\s+at|value\s+(?:of|at)|(?:its|the)\s+"
    r"value\s+at|priced\s+at)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|"
    r"more\s+than\s+|over\s+|up\s+to\s+|an\s+estimated\s+)?$", re.I)
#: The cost of damage or losses: "$40 million in damage", "estimated the damage at $75 million".
_DAMAGE_BEFORE = re.compile(r"\b(?:damages?|losses)\s+(?:\w+\s+){0,2}?(?:at|of|to|totalled|"
                            r"totaling|totalling|reached)\s+(?:about\s+|around\s+|some\s+|"
                            r"nearly\s+|almost\s+|more\s+than\s+|over\s+|up\s+to\s+)?$", re.I)
_DAMAGE_AFTER = re.compile(r"\s+(?:in|of|worth\s+of)\s+(?:\w+\s+)?(?:damages?|losses)\b", re.I)


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


def _with_pointer(article: Article, claim: Claim) -> str:
    """Return a sentence's text, after the one before when it points back ("That represents")."""
    if POINTS_BACK.match(claim.text):
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
