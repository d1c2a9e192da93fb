"""Counts of one event in an article: what a figure counts (dead, injured, missing, on board),
who gives it, and the sentences that only recall another event."""

from __future__ import annotations

import re
from datetime import date as date_type
from functools import lru_cache

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.topics import measure_topic
from quizapp.core.questions.citations import written_source
from quizapp.core.questions.conflicts import (
    each,
    measure_kind,
    money_kind,
    other_event,
    other_kind,
)
from quizapp.core.questions.corpus import Article, quizzable
from quizapp.core.questions.figure_sources import figure_label
from quizapp.core.questions.statements import speaker_label
from quizapp.core.scoring.aliases import same_body
from quizapp.core.text.countries import is_country

_ENTITY = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:\s[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+)*")
_DEATH = re.compile(r"\b(?:killed|killing|dead|died|deaths?|death toll|toll|drowned|lives|"
                    r"lost their lives|"
                    r"loss of life|bodies|fatalities|fatality|perished|poached)\b", re.I)
_HURT = re.compile(r"\b(?:injured|injuring|wounded|wounding|hurt|injuries)\b", re.I)
#: A verb of harm right before a bare count: "killing six and wounding four".
_HARMED_BEFORE = re.compile(r"\b(?:killing|wounding|injuring|killed|wounded|injured)\s+(?:at\s+"
                            r"least\s+|another\s+)?$", re.I)
_MISSING = re.compile(r"\bmissing\b", re.I)
_ARRESTED = re.compile(r"\b(?:arrested|arrests|detained|detentions|taken into (?:\w+\s+)?"
                       r"custody|held in custody)\b", re.I)
_AFFECTED = re.compile(r"(?<![\w-])affected\b", re.I)
_TOOK_PART = re.compile(r"\b(?:took part|taking part|participated|participating|marched|"
                        r"attract(?:ed|ing|s)|drew|turned out|attended|attending|crowds?|"
                        r"walked out|went on strike|gone on strike|(?:are|were|is|was) on strike|"
                        r"taken part|take part|staged (?:a|the) (?:strike|walkout)|"
                        r"rallied|joined (?:the\s+)?(?:protests?|rall(?:y|ies)|march(?:es)?|"
                        r"demonstrations?|strikes?)|demonstrated|protested|gathered|"
                        r"took (?:to )?the streets)\b", re.I)
_RESCUED = re.compile(r"\b(?:rescued|survivors|survived)\b", re.I)
_EVACUATED = re.compile(r"\b(?:evacuated|evacuations)\b", re.I)
_DISPLACED = re.compile(r"\b(?:displaced|fled their homes|homeless)\b", re.I)
_FLED = re.compile(r"\b(?:fled|fleeing|refugees|asylum[\s-]seekers|sought\s+(?:refuge|asylum))\b",
                   re.I)
_DESTROYED = re.compile(r"\b(?:destroyed|razed|burned down|burnt down|flattened|levelled|"
                        r"leveled|gutted)\b", re.I)
_CASES = re.compile(r"\b(?:infected|infections|cases)\b", re.I)
_POWERLESS = re.compile(r"\b(?:without|lost|losing|no)\s+(?:power|electricity)\b", re.I)
_BOTH = re.compile(r"\b(?:killed|dead)\s+(?:and|or)\s+(?:wounded|injured|hurt)\b", re.I)


def count_kind(claim: Claim, figure: Figure) -> str:
    """Return what a casualty figure counts, read near it: "deaths", "injured" or "missing"."""
    at, end = figure.start - claim.start, figure.end - claim.start
    if re.match(r"\s+(?:\w+\s+)?(?:higher|lower|more|fewer|less|greater|up|down)\s+than\b",
                claim.text[end:]):
        return ""  # "2,500 above the number released by ...": a difference, not a count
    if re.match(r"\s+(?:other|more|additional|further|fresh|new)\b", claim.text[end:]):
        return ""  # "some 90 other people died elsewhere, it said": a part, not the toll
    if re.search(r"\bof\s+(?:the|its|their|his|her|our)\s+$", claim.text[:at]) or _in_aside(
            claim.text, at):
        return ""  # "under a third of the 130,000 members asked to strike", "– some two in
        # ten of its 5,000 staff –": a whole named in passing, no count of its own
    if re.match(r"\s+of\s+(?:the|those|them|these)\b", claim.text[end:]):
        return ""  # "about 120 of the dead came from Ruritania": a part of the toll, not the toll
    if _AMONG_THEM.match(claim.text, end) or re.search(r"\bincluding\s+(?:at\s+least\s+|some\s+|"
                                                     r"about\s+)?$", claim.text[:at]):
        return ""  # "four children were among those killed", "39 people, including four
        # children": a part of the toll
    if re.search(r"\b(?:another|a further|an additional|additional)\s*$", claim.text[:at],
                 re.I):
        return ""  # "another nine civilians had been killed": more deaths, not the toll
    whole = _OF_THE_WHOLE.match(claim.text)
    if whole and at >= whole.end():
        return ""  # "Of the 31 people killed, 17 were found in Harlow": a part of the whole
    saved = _RESCUED_BEFORE.search(claim.text, 0, at)
    if saved:  # "helped carry some 30 hurt people out of the rubble": those one rescuer
        # saved, no count of the injured (and "pulled 40 people out": the rescued)
        return "" if saved.group().lower().startswith(("help", "treat", "carr")) else "rescued"
    if re.search(r"\bby\s*$", claim.text[:at]):
        return ""  # "climbed by over 1,400 overnight": a change, not a toll
    if re.search(r"\bfrom\s*$", claim.text[:at]):
        return ""  # "up from 2,000 the previous day", "rose from 20 to 30": the earlier level
    if _DEATH_OF.search(claim.text, 0, at):
        return "deaths"  # "the death of 57 patients treated in hospital": dead, not in hospital
    if _BOTH.search(claim.text[max(0, at - 40) : end + 40]):
        return "casualties"  # "killed and wounded 35 civilians": dead and hurt together
    best = (80 if _PEOPLE_GOING.match(claim.text, end) else 60, "")  # "300 migrants trying
    # to reach the islands by the western sea route drowned": the verb past who they were
    text = claim.text[:end] + _ASIDE.sub("", claim.text[end:], count=1)  # "Five people,
    # including the driver, died": the verb is the figure's past the aside
    for kind, pattern in (("deaths", _DEATH), ("injured", _HURT), ("missing", _MISSING),
                          ("arrested", _ARRESTED), ("rescued", _RESCUED),
                          ("evacuated", _EVACUATED), ("displaced", _DISPLACED),
                          ("fled", _FLED), ("destroyed", _DESTROYED),
                          ("cases", _CASES), ("without power", _POWERLESS),
                          ("affected", _AFFECTED), ("took part", _TOOK_PART)):
        for match in pattern.finditer(text):
            gap = match.start() - end if match.start() >= end else at - match.end()
            between = re.sub(r"(?<=\d),(?=\d)", "", _between(text, at, end, match))
            if 0 <= gap < best[0] and not re.search(r"[,;]|\b(?:and|with|while|as)\b",
                                                    between):  # "1,000" holds no break
                best = (gap, kind)
    return best[1]


#: People counted, then what they were doing or where they were from: "700 migrants trying to".
_PEOPLE_GOING = re.compile(r"\s+(?:people|persons|migrants|refugees|passengers|workers|"
                           r"civilians|pilgrims|fishermen|tourists|miners|children|residents)\s+"
                           r"(?:trying|attempting|seeking|hoping|travelling|traveling|fleeing|"
                           r"crossing|heading|bound|aboard|on board|who|from)\b")


def _put_again(article: Article, previous: Claim, figure: Figure,
               entries: list[tuple[Claim, Figure, str, str]]) -> str:
    """Return "count:HEAD" for a figure a source puts "the figure at" right after a sentence
    that counts one thing with another source, entering that count too; "" otherwise."""
    counts = [f for f in previous.figures if quizzable(f) and f.topic not in ("money", "share")
              and not measure_topic(f.unit) and f.noun]
    if len(counts) != 1 or figure.topic in ("money", "share") or measure_topic(figure.unit):
        return ""
    head = _head(counts[0], previous)
    label = figure_label(article, previous, counts[0], source_label)
    if not head.isalpha() or not label:
        return ""
    kind = f"count:{head}"
    entries.append((previous, counts[0], kind, label))
    return kind


def _in_aside(text: str, at: int) -> bool:
    """Tell whether a position lies inside a dashed or bracketed aside: "38,000 nurses – under a
    third of the 130,000 asked – had walked out"."""
    dashes = [m.start() for m in re.finditer(r"\s[–—]\s|\s--\s", text)]
    inside = sum(1 for d in dashes if d < at) % 2 == 1 and any(d > at for d in dashes)
    return inside or text.rfind("(", 0, at) > text.rfind(")", 0, at)


_RESCUED_BEFORE = re.compile(r"\b(?:pull(?:ed|ing)?|dragg?(?:ed|ing)?|carr(?:y|ied|ying)|"
                             r"help(?:ed|ing)?\s+(?:to\s+)?(?:pull|rescue|free|carry|save)|"
                             r"rescu(?:e|ed|ing)|sav(?:e|ed|ing)|free(?:d|ing)?|treat(?:ed|ing)?)"
                             r"\s+(?:out\s+)?(?:at\s+least\s+|some\s+|about\s+|around\s+|"
                             r"more\s+than\s+|over\s+|nearly\s+)?$", re.I)
#: A death named right before its count: "the death of 57 patients", "the deaths of some 30".
_DEATH_OF = re.compile(r"\b(?:[Dd]eaths?|[Kk]illings?|[Bb]odies)\s+of\s+(?:some\s+|about\s+|"
                       r"around\s+|at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|"
                       r"almost\s+)?$")
#: An aside right after a count that names some of those counted: "Five people, including the
#: driver of the train, died".
_ASIDE = re.compile(r"^(?:\s+[a-z]+){0,2},\s+(?:including|among\s+them|among\s+whom|mostly|"
                    r"most\s+of\s+them|many\s+of\s+them)\s[^,;]{1,100},")


_AMONG_THEM = re.compile(r"(?:\s+[a-z]+){0,2}\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+"
                         r"(?:the|those)\b")
_OF_THE_WHOLE = re.compile(r"\s*(?:Of|Among)\s+(?:the|those|these)\s+[^,;]{1,80},")


def _between(text: str, at: int, end: int, match: re.Match[str]) -> str:
    """Return the text between a figure and a count word."""
    return text[end : match.start()] if match.start() >= end else text[match.end() : at]


_GENERAL = frozenset(("", "people", "persons", "deaths", "dead", "victims", "lives", "others",
                      "bodies", "fatalities", "passengers", "patients", "travellers",
                      "travelers", "miners", "workers"))  # (of an accident, those on board are
# its people; of a mine or factory disaster, its workers)


def same_count(a: Figure, b: Figure, ca: Claim | None = None, cb: Claim | None = None) -> bool:
    """Tell whether two figures count the same group: one noun or two words for one group
    ("militants", "insurgents"), or general words for both."""
    na, nb = _head(a, ca), _head(b, cb)
    group_a, group_b = _group(na), _group(nb)
    if any(na in words and nb in words for words in _SAME_GROUP):
        return True
    if any(n.isalpha() and not n.endswith("s") and n not in _GENERAL for n in (na, nb)):
        return True  # "the toll in the mine blast reached 29": the event's toll, anyone in it
    return na == nb or not (group_a or group_b)


_SAME_GROUP = (
    frozenset("militants insurgents gunmen fighters rebels extremists terrorists jihadists "
              "guerrillas attackers".split()),
    frozenset("soldiers troops servicemen personnel".split()),
    frozenset("workers staff employees strikers members".split()),
)
#: What sums of money measure (conflicts.money_kind): one quantity only in sentences on one
#: subject of the story.
MONEY_KINDS = frozenset(("rise", "level", "value", "damage"))
#: Counts whose group a source may name more narrowly without counting another group: "14
#: people were arrested" and "40 protesters were detained", "2,300 people infected" and "3,100
#: cases".
LOOSE_KINDS = frozenset(("arrested", "took part", "cases", "displaced", "evacuated", "fled",
                         "destroyed"))


def _head(figure: Figure, claim: Claim | None) -> str:
    """Return the head of the noun a figure counts, past a participle ("21 suspected
    militants": "militants")."""
    head = (figure.noun.split() or [""])[-1].lower()
    if claim is not None and head.endswith("ed") and " " not in figure.noun:
        after = claim.text[figure.end - claim.start :].split()
        if len(after) > 1 and after[0].lower() == head and re.fullmatch(r"[a-z]+s", after[1]):
            return after[1]
    return head


def _group(noun: str) -> bool:
    """Tell whether a counted noun names a particular group ("soldiers", "rebels", "children")."""
    return noun.endswith("s") and noun.isalpha() and noun not in _GENERAL


def source_label(article: Article, claim: Claim) -> str:
    """Return who gives a claim, as a prompt names it; "" when the article gives no source."""
    a = claim.attribution
    if a.strength == "named" and a.speaker:
        return speaker_label(a.speaker)
    if a.strength == "described" and a.speaker:
        text = written_source(claim, a.speaker)
        lowered = text[0].lower() + text[1:]
        return lowered if text.split()[0] in ("The", "A", "An") or (
            lowered != text and lowered in article.source.text) else text  # "railway officials"
        # as the article writes them mid-sentence, not as a sentence opened with them
    return ""


def count_entries(article: Article) -> tuple[list[tuple[Claim, Figure, str, str]], set[int]]:
    """Return the counts of an article that may conflict, each as (sentence, figure, kind,
    who gives it), and the starts of the sentences about another event (worked out once per
    article: the discrepancy questions within and across articles both read them)."""
    if article.counts is None:
        article.counts = _count_entries(article)
    return article.counts


def _count_entries(article: Article) -> tuple[list[tuple[Claim, Figure, str, str]], set[int]]:
    """Read the counts of `count_entries`."""
    entries: list[tuple[Claim, Figure, str, str]] = []
    apart = set()  # sentences on another event: their figures conflict only with each other
    lead = {c.start for c in article.sentence_claims()[:2]}
    dated = re.match(r"(1[89]|20)\d\d", article.source.date or "")
    claims = article.sentence_claims()
    for i, claim in enumerate(claims):
        previous = claims[i - 1] if i else None
        if background(claim.text) or other_event(claim) or (dated and any(
                int(y) < int(dated.group()) for y in _PAST_YEAR.findall(claim.text))) or (
                _earlier_day(claim, article.source.date or "")):
            apart.add(claim.start)  # "In September, 21 people died when ...": another event
        part = _PART_OPENING.match(claim.text) is not None  # "Most of the cuts will be at
        # Port Talbot, with about 2,800 roles affected": a part of the count, no count of its own
        for figure in claim.figures:
            if part:
                continue
            if not ((quizzable(figure) or _HARMED_BEFORE.search(
                    claim.text, 0, figure.start - claim.start)) and figure.value >= 2) or each(
                    claim, figure):
                continue  # ("killing six and wounding four": a bare word number counts)
            if _NOT_OWN.search(claim.text[max(0, figure.start - claim.start - 40) :
                                          figure.start - claim.start]) or _CALLED_FALSE.search(
                    claim.text):
                continue  # "said that unofficial tolls surpassing 400 are false": not its toll
            kind = ""
            if entries and _THAT_NUMBER.search(
                    claim.text, 0, figure.start - claim.start) and (
                    (entries[-1][0] is previous and not any(
                        f.end <= figure.start for f in claim.figures)) or (
                    entries[-1][0] is claim and entries[-1][1].end <= figure.start)):
                kind = entries[-1][2]  # "Police said 3,000 marched. Organisers put the number
                # at 20,000", "X said 90,000 struck, but Y claimed the figure scarcely topped
                # 40,000": the count before
            kind = kind or measure_kind(claim, figure) or (
                other_kind(claim, figure) if not measure_topic(figure.unit) else "")
            if not kind and figure.topic in _COUNTED | {"", "users"} and not (
                    measure_topic(figure.unit)):
                kind = count_kind(claim, figure) or _toll_again(claim, figure) or head_count(
                    claim, figure)
            if not kind and figure.topic == "money":
                kind = money_kind(claim, figure)
            if not kind and previous is not None and _THAT_NUMBER.search(
                    claim.text, 0, figure.start - claim.start) and not any(
                    f.end <= figure.start for f in claim.figures):
                kind = _put_again(article, previous, figure, entries)  # "Which? estimated 6.5
                # million households were in fuel poverty. NEA put the figure at 7.5 million."
            if not kind:
                continue
            if not kind.startswith("count:") and kind not in MONEY_KINDS and \
                    _PROJECTED.search(claim.text, max(0, figure.start - claim.start - 60),
                                      figure.start - claim.start):
                continue  # "the toll could rise to 60", "is expected to top 700": a fear, no
                # count to set against another (a forecast of a sum is one: "the cap will
                # rise to £1,500")
            label = figure_label(article, claim, figure, source_label)
            if not label and claim.start not in lead and any(e[2] == kind for e in entries) \
                    and not _in_country(claim, figure):
                continue  # an unsourced toll counts in the lead, or as the article's first
                # count of its kind; later it is a part or aside (but "A dozen died in
                # Ruritania" is that country's count, which another article may give too)
            if not any(e[2] == kind and same_source(e[3], label) and (
                    e[0] is claim or e[1].value == figure.value) for e in entries):
                # "20 were killed, of whom 17 were troops": the first is the toll; a source
                # repeating its figure gives it once
                entries.append((claim, figure, kind, label))
    for claim, figure, kind, _label in entries:  # "The officials said all 58 killed were ...":
        if any(e[0].start in apart and e[1].value == figure.value and e[2] == kind  # the other
               for e in entries):  # event's figure again
            apart.add(claim.start)
    return entries, apart


def _earlier_day(claim: Claim, date: str) -> bool:
    """Tell whether a sentence opens on a day days before the article's ("On January 31,
    1.2 million gathered" in a report of February 7; "On the 19th of the same month,"): the
    count of another day."""
    if _ON_THE_NTH.match(claim.text):
        return True
    opening = next((d for d in claim.dates if d.start - claim.start <= 3 and d.iso), None)
    if opening is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", opening.iso or "") or not (
            re.match(r"\d{4}-\d\d-\d\d", date)):
        return False
    return (_days(date[:10]) - _days(opening.iso)) > 2


def _days(iso: str) -> int:
    """Return the day number of an ISO date."""
    y, m, d = (int(p) for p in iso.split("-"))
    return date_type(y, m, d).toordinal()


_PART_OPENING = re.compile(r"(?:Most|Many|Much|Half|Some|The\s+(?:bulk|majority|rest))\s+of\s+(?:the|"
                           r"these|those|them|its|their)\s+(?![\d])[a-z]")
_ON_THE_NTH = re.compile(r"(?:On|By)\s+the\s+\d{1,2}(?:st|nd|rd|th)\s+of\b")


def _in_country(claim: Claim, figure: Figure) -> bool:
    """Tell whether a count is given for a country named right after it: "A dozen have been
    killed in Ruritania"."""
    after = _IN_NAME.match(claim.text, figure.end - claim.start)
    return bool(after) and is_country(after.group(1))


_IN_NAME = re.compile(r"(?:\s+[a-z]+){0,4}?\s+in\s+((?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+\s?){1,3})(?=[\s.,;])")
_NOT_OWN = re.compile(r"\b(?:unofficial|unconfirmed|unverified|rumoured|rumored|speculation|"
                      r"speculated|rumou?rs?)\b[^,;]*$", re.I)
#: A figure a count may reach, not one it is: "could rise to", "is expected to top", "may soar
#: above", "threatens to exceed".
_PROJECTED = re.compile(r"\b(?:could|may|might|would|will|is\s+likely\s+to|are\s+likely\s+to|"
                        r"(?:is|are|was|were)\s+expected\s+to|threatens?\s+to|feared\s+to)\s+"
                        r"(?:\w+\s+){0,2}?(?:rise|reach|climb|increase|top|exceed|hit|soar|grow|go"
                        r"\s+up|surpass|pass|jump|double|skyrocket)\s+(?:to\s+|above\s+|beyond\s+|"
                        r"past\s+|over\s+)?(?:as\s+(?:high|many)\s+as\s+|more\s+than\s+|"
                        r"at\s+least\s+)?$", re.I)
_CALLED_FALSE = re.compile(r"\b(?:are|is|were|was|as)\s+(?:false|untrue|inaccurate|exaggerated|"
                           r"baseless|fabricated)\b|\b(?:are|is|were|was)\s+not\s+(?:going\s+to\s+"
                           r"be\s+)?(?:true|correct|accurate|right)\b", re.I)
#: Topics whose figures may count the dead or hurt: "12 workers were killed", "three soldiers".
_COUNTED = frozenset(("casualties", "count", "population", "employment", "deployment",
                      "arrests", "displacement", "health"))


def counted(kind: str) -> bool:
    """Tell whether a kind counts people or things (whose nouns must agree), not a measure of
    one thing ("magnitude", "turnout", a share of the vote, a cut) or a train's coaches."""
    return kind != "coaches" and kind not in ("magnitude", "turnout") and not kind.startswith(
        ("vote:", "cut:", "support:"))


def what_label(kind: str) -> str:
    """Return how a prompt names what a kind of figure measures."""
    if kind.startswith("vote:"):
        return f"the share of the vote for {kind[5:]}"
    if kind.startswith("cut:"):
        return f"the size of the cut in {kind[4:]}"
    if kind.startswith("support:"):
        return f"poll support for {kind[8:]}"
    if kind.startswith("count:"):
        return f"the number of {kind[6:]}"
    return _WHAT.get(kind, f"the number of {kind}")


_WHAT = {"deaths": "the number of dead", "injured": "the number of injured",
         "missing": "the number of missing", "aboard": "the number of people on board",
         "coaches": "the number of coaches derailed", "hospital": "the number in hospital",
         "casualties": "the number of killed and wounded",
         "arrested": "the number of people arrested", "rescued": "the number of survivors",
         "evacuated": "the number evacuated", "without power": "the number without power",
         "displaced": "the number displaced", "cases": "the number of cases",
         "fled": "the number who fled", "destroyed": "the number of buildings destroyed",
         "value": "the value", "damage": "the cost of the damage",
         "affected": "the number of people affected", "took part": "the number who took part",
         "magnitude": "the earthquake's magnitude", "turnout": "the turnout",
         "rise": "the size of the rise", "level": "the new level"}


def same_source(a: str, b: str) -> bool:
    """Tell whether two source labels name one source ("the police", "police"; "the UN health
    agency", "the World Health Organisation")."""
    def bare(label: str) -> str:
        return re.sub(r"^(?:the|a|an)\s+", "", label.strip().lower())

    def again(short: str, full: str) -> bool:  # "the agency" after "a relief agency"
        return short.strip().lower().startswith("the ") and " " not in bare(short) and (
            bare(full).endswith(" " + bare(short))) and bare(full)[:1].islower()
    return bare(a) == bare(b) or same_body(a, b) or again(a, b) or again(b, a)


#: Plural heads too general to tell two counts of one thing ("people", "others"), and
#: participles that make a count a part of another ("20 protesters were arrested").
_VAGUE_HEADS = _GENERAL | {"men", "women", "children", "times", "years", "months", "days",
                           "weeks", "hours", "minutes", "points", "cases", "ones", "items"}
_SUB_COUNT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:were|was|have been|had been|are|being)?\s*"
                        r"(?:arrested|detained|held|injured|hurt|wounded|killed|rescued|"
                        r"evacuated|missing|released|charged|fined|sacked|hospitali[sz]ed)\b")
_THAT_NUMBER = re.compile(r"\b(?:that|the|this)\s+(?:number|figure|total|count)\s+"
                          r"(?:at|to|as|(?:\w+\s+)?(?:exceeded|was|stood\s+at|reached|is|were|"
                          r"topped|passed))\s+(?:about\s+|around\s+|some\s+|just\s+)?$"
                          r"|\b(?:reduced|lowered|raised|revised|put|puts|placed|cut)\s+(?:them|it)"
                          r"\s+(?:down\s+|up\s+)?(?:to|at)\s+(?:about\s+|around\s+|some\s+|just\s+)?$")
# ("the police reduced them to 57,000": the count before)


def head_count(claim: Claim, figure: Figure) -> str:
    """Return "count:HEAD" for a count of a particular group in a sentence that sets two
    sources' counts against each other ("Unions claim three million demonstrators marched,
    while police put that number at 600,000"); "" for a general word ("people"), a
    part ("20 protesters were arrested") or a sentence of one source."""
    at, end = figure.start - claim.start, figure.end - claim.start
    if not claim.others or not _CONTRAST.search(claim.text):
        return ""
    if re.search(r"\b(?:another|a further|an additional|other|more|by|from)\s*$",
                 claim.text[:at], re.I) or re.match(r"\s+(?:other|more|of)\b", claim.text[end:]):
        return ""  # a change, a part or more of them: no count of the whole
    head = _head(figure, claim)
    if _THAT_NUMBER.search(claim.text, 0, at):  # "place that number at one million"
        earlier = [f for f in claim.figures if f.end <= figure.start]
        head = _head(earlier[-1], claim) if earlier else ""
    elif _SUB_COUNT.match(claim.text, end + len(figure.noun) + 1 if figure.noun else end):
        return ""
    if not head.endswith("s") or not head.isalpha() or len(head) < 5 or head in _VAGUE_HEADS:
        return ""
    return "took part" if head in _PARTICIPANTS else f"count:{head}"


#: Those who take part in a protest or rally, counted as one kind with "took part".
_PARTICIPANTS = frozenset("marchers demonstrators protesters protestors participants "
                          "ralliers".split())


_CONTRAST = re.compile(r"\b(?:while|whereas|but|however|against|although)\b", re.I)


def _toll_again(claim: Claim, figure: Figure) -> str:
    """Return "deaths" for a figure that sets a toll named before it ("taking the number to 25",
    "the toll stood at 30") in a sentence about deaths, else ""."""
    before = claim.text[max(0, figure.start - claim.start - 40) : figure.start - claim.start]
    if re.search(r"\b(?:number|toll|total|tally|count)\s+(?:\w+\s+){0,2}(?:to|at)\s+$", before) \
            and re.search(r"\b(?:death toll|deaths?|killed|dead|died|bodies|body)\b", claim.text):
        return "deaths"
    if _TOLL_ROSE.search(claim.text, 0, figure.start - claim.start):
        return "deaths"  # "The death toll from the collapse of the tower has risen to 15"
    return ""


_TOLL_ROSE = re.compile(r"\b(?:[Dd]eath toll|number of (?:dead|deaths|victims|people killed))\b"
                        r"[^.;:!?]{0,120}?\s(?:has|have|had)?\s?(?:risen|rose|climbed|jumped|"
                        r"reached|increased|gone up|went up|stands|stood)\s+(?:to|at)\s+$"
                        r"|\b[Dd]eath toll\b[^.;:!?]{0,120}?\s(?:has|had)\s+(?:now\s+)?become\s+$")


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
#: A year named as the time of what a sentence tells: "in 1970, a quake killed 15,000", "the
#: 2008 floods"; before the article's own year, it is another event.
_PAST_YEAR = re.compile(r"\b(?:[Ii]n|[Tt]he)\s+((?:1[89]|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)")
_BACKGROUND = re.compile(
    rf"^(?:In|Since|By|Last|Earlier|Back in)\s+(?:(?:{_MONTHS})\b|(?:1[89]|20)\d\d\b|"
    rf"(?:last|this)\s+(?:year|month|week)\b|the\s+(?:past|last)\b)"
    r"|^(?:Several|Some|A few|Two|Three|Four|Five|Six|Many)\s+(?:days|weeks|months|years)\s+"
    r"(?:earlier|ago|before)\b|^(?:Last|Earlier this)\s+(?:year|month)\b")


def lowered(figure_text: str) -> str:
    """Write a figure as it reads mid-sentence ("At least 25" -> "at least 25")."""
    return figure_text[0].lower() + figure_text[1:] if figure_text[:1].isalpha() else figure_text


def background(sentence: str) -> bool:
    """Tell whether a sentence opens on another time ("In September, ...", "Several months
    earlier, ..."): background about another event, not the news the article reports."""
    return bool(_BACKGROUND.match(sentence.strip()))


def opening(claim: Claim) -> str:
    """Return a sentence up to its first figure, which names an event the article reports
    beside its news ("Fighting last month near the border killed")."""
    first = min(f.start for f in claim.figures) - claim.start
    return claim.text[:first].strip(" ,;:—–-")


PEOPLE = frozenset("troops soldiers personnel forces fighters servicemen men people".split())


def entities(claim: Claim, figure: Figure | None = None) -> set[str]:
    """Return the capitalised words of a claim (not its first), near `figure` when given."""
    text = claim.text
    if figure is not None:
        lo, hi = max(0, figure.start - claim.start - 60), figure.end - claim.start + 60
        while hi < len(text) and text[hi].isalnum():
            hi += 1  # a name the window would cut ("Harlo" of "Harlow")
        text = " " + text[lo:hi]
    return set(entities_of(text))


@lru_cache(maxsize=8192)
def entities_of(text: str) -> frozenset[str]:
    """Return the capitalised words of a text but its first, without a plural or possessive end
    (cached: every pair of figures compares them again)."""
    return frozenset(_PLURAL_END.sub("", w) for name in _ENTITY.findall(text)
                     for w in name.split())


_PLURAL_END = re.compile(r"(?:’s|'s|ns|s)$")
