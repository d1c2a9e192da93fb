"""Discrepancy questions: sources whose figures on one topic differ (who gives which, which is
the most recent, what each counts)."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.topics import EVENT_TOPICS, topic_label
from quizapp.core.questions.asking import plural
from quizapp.core.questions.citations import written_source
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
from quizapp.core.questions.statements import speaker_label
from quizapp.core.questions.verdicts import mid_label

COMPARABLE = frozenset(
    """casualties deployment territory money munitions share production displacement arrests
    health employment votes users""".split()
)
_ENTITY = re.compile(r"(?<=\s)[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")
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
            if figure.topic in COMPARABLE and quizzable(figure):
                mine.setdefault(figure.topic, []).append((sid, figure, claim))
    for topic, entries in mine.items():
        pool = corpus.figures.get(topic, [])
        for entry in entries[:3]:
            partner = _partner(entry, pool, by_id)
            if partner:
                found.extend(_questions(entry, partner, by_id, pool))
    return found + within_candidates(article)


_DEATH = re.compile(r"\b(?:killed|killing|dead|died|deaths?|death toll|toll|drowned|lives|"
                    r"bodies|fatalities|perished)\b", re.I)
_HURT = re.compile(r"\b(?:injured|injuring|wounded|hurt|injuries)\b", re.I)
_MISSING = re.compile(r"\bmissing\b", re.I)


def _count_kind(claim: Claim, figure: Figure) -> str:
    """Return what a casualty figure counts, read near it: "deaths", "injured" or "missing"."""
    at, end = figure.start - claim.start, figure.end - claim.start
    if re.match(r"\s+(?:\w+\s+)?(?:higher|lower|more|fewer|less|greater|up|down)\s+than\b",
                claim.text[end:]):
        return ""  # "1,000 higher than the figure issued by ...": a difference, not a count
    if re.match(r"\s+(?:other|more|additional|further|fresh|new)\b", claim.text[end:]):
        return ""  # "an estimated 170 other people had been killed elsewhere": a part, not the toll
    if re.search(r"\bby\s*$", claim.text[:at]):
        return ""  # "rose by more than 1,000 overnight": a change, not a toll
    best = (60, "")
    for kind, pattern in (("deaths", _DEATH), ("injured", _HURT), ("missing", _MISSING)):
        for match in pattern.finditer(claim.text):
            gap = match.start() - end if match.start() >= end else at - match.end()
            if 0 <= gap < best[0] and not re.search(r"[,;]|\b(?:and|with|while|as)\b",
                                                    _between(claim.text, at, end, match)):
                best = (gap, kind)
    return best[1]


def _between(text: str, at: int, end: int, match: re.Match[str]) -> str:
    """Return the text between a figure and a count word."""
    return text[end : match.start()] if match.start() >= end else text[match.end() : at]


_GENERAL = frozenset(("", "people", "persons", "deaths", "dead", "victims", "lives"))


def _same_count(a: Figure, b: Figure) -> bool:
    """Tell whether two figures count the same group: one noun, or general words for both."""
    na, nb = (a.noun.split() or [""])[-1].lower(), (b.noun.split() or [""])[-1].lower()
    group_a, group_b = _group(na), _group(nb)
    return na == nb or not (group_a or group_b)


def _group(noun: str) -> bool:
    """Tell whether a counted noun names a particular group ("soldiers", "rebels", "children")."""
    return noun.endswith("s") and noun.isalpha() and noun not in _GENERAL


def _source_label(article: Article, claim: Claim) -> str:
    """Return who gives a claim, as a prompt names it; "" when the article gives no source."""
    a = claim.attribution
    if a.strength == "named" and a.speaker:
        return speaker_label(a.speaker)
    if a.strength == "described" and a.speaker:
        text = written_source(claim, a.speaker)
        return text[0].lower() + text[1:] if text.split()[0] in ("The", "A", "An") else text
    return ""


def within_candidates(article: Article) -> list[Candidate]:
    """Return questions on conflicting casualty figures within one article: tolls that two
    sources (or a source and the article's own lead) give for the same count."""
    entries = []
    for claim in article.sentence_claims():
        if background(claim.text):
            continue  # "In September, 21 people died when ...": another event
        for figure in claim.figures:
            if figure.topic == "casualties" and quizzable(figure) and figure.value >= 2:
                kind = _count_kind(claim, figure)
                if kind and not any(e[0] is claim and e[2] == kind for e in entries):
                    # "32 were killed, of whom 28 were soldiers": the first is the toll
                    entries.append((claim, figure, kind, _source_label(article, claim)))
    found: list[Candidate] = []
    for i, (ca, fa, ka, wa) in enumerate(entries):
        for cb, fb, kb, wb in entries[i + 1 :]:
            if ka != kb or fa.value == fb.value or not (wa or wb) or wa == wb:
                continue
            if not _same_count(fa, fb):
                continue  # "22 deaths on their side" against "three soldiers died"
            if ca.start == cb.start and not (wa and wb):
                continue
            found.append(_within_question(article, (ca, fa, wa), (cb, fb, wb), ka, entries))
            if len(found) >= 10:
                return found
    return found


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_BACKGROUND = re.compile(
    rf"^(?:In|Since|By|Last|Earlier|Back in)\s+(?:(?:{_MONTHS})\b|(?:1[89]|20)\d\d\b|"
    rf"(?:last|this)\s+(?:year|month|week)\b|the\s+(?:past|last)\b)"
    r"|^(?:Several|Some|A few|Two|Three|Four|Five|Six|Many)\s+(?:days|weeks|months|years)\s+"
    r"(?:earlier|ago|before)\b|^(?:Last|Earlier this)\s+(?:year|month)\b")


def _lower(figure_text: str) -> str:
    """Write a figure as it reads mid-sentence ("At least 25" -> "at least 25")."""
    return figure_text[0].lower() + figure_text[1:] if figure_text[:1].isalpha() else figure_text


def background(sentence: str) -> bool:
    """Tell whether a sentence opens on another time ("In September, ...", "Several months
    earlier, ..."): background about another event, not the news the article reports."""
    return bool(_BACKGROUND.match(sentence.strip()))


def _within_question(article: Article, a: tuple, b: tuple, kind: str,
                     entries: list) -> Candidate:
    """Ask for the second figure of a conflicting pair, given the first and both sources."""
    (ca, fa, wa), (cb, fb, wb) = a, b
    if not wb:  # ask for the attributed one
        (ca, fa, wa), (cb, fb, wb) = (cb, fb, wb), (ca, fa, wa)
    what = {"deaths": "the number of dead", "injured": "the number of injured",
            "missing": "the number of missing"}[kind]
    who_a = mid_label(wa, article.source.text) if wa else "the article, without a source,"
    wb = mid_label(wb, article.source.text)
    gives = "give" if plural(who_a) else "gives"
    does = "do" if plural(wb) else "does"
    prompt = (f'"{article.source.title}" gives conflicting figures for {what}. {who_a[0].upper()}'
              f"{who_a[1:]} {gives} {_lower(fa.text)}. What figure {does} {wb} "
              "give?")
    values = {fa.value, fb.value}
    others = []
    for _c, f, k, _w in entries:
        if k == kind and f.value not in values:
            values.add(f.value)
            others.append(f.text)
    choices_pool = distinct(fb.text, [fa.text, *others], 3)
    seed = seed_of(article.source.id, fa.start, fb.start, "within")
    evidence = [Evidence(article.source.id, ca.start, ca.end)]
    if cb.start != ca.start:
        evidence.append(Evidence(article.source.id, cb.start, cb.end))
    explanation = f'The article gives {fa.text} ({who_a.rstrip(",")}): "{ca.text}"'
    if cb.start != ca.start:
        explanation += f' and {fb.text} ({wb}): "{cb.text}"'
    key = _lower(fb.text)
    question = Question("", "discrepancy", prompt, key, [fb.number_text],
                        order_choices(key, [_lower(c) for c in choices_pool], seed), evidence,
                        explanation, ["discrepancy", "within-article", fa.topic], 0.7)
    return Candidate(question, article.source.id, 1.25,
                     (f"conflict:{article.source.id}:{fa.start}:{fb.start}",))


_PEOPLE = frozenset("troops soldiers personnel forces fighters servicemen men people".split())


def _entities(claim: Claim, figure: Figure | None = None) -> set[str]:
    """Return the capitalised words of a claim (not its first), near `figure` when given."""
    text = claim.text
    if figure is not None:
        lo = max(0, figure.start - claim.start - 60)
        text = " " + text[lo : figure.end - claim.start + 60]
    words = set()
    for name in _ENTITY.findall(text):
        words.update(re.sub(r"(?:’s|'s|ns|s)$", "", w) for w in name.split())
    return words


def _compatible(a: Figure, b: Figure) -> bool:
    """Tell whether two figures count the same kind of thing (any two casualty counts do)."""
    if a.topic == "casualties":
        return True
    head_a, head_b = (a.noun.split() or [""])[-1], (b.noun.split() or [""])[-1]
    if head_a.lower() == head_b.lower():
        return True
    people = [h.lower() in _PEOPLE or (h[:1].isupper() and h.endswith("s"))
              for h in (head_a, head_b)]
    return all(people)


def _partner(entry: Entry, pool: list[Entry], by_id: dict[str, Article]) -> Entry | None:
    """Find a figure from another source on the same topic and subject with another value."""
    sid, figure, claim = entry
    names = _entities(claim, figure)
    text = by_id[sid].source.text
    for other in window(pool, seed_of(sid, figure.start, "discrepancy")):
        osid, ofig, oclaim = other
        if osid == sid or by_id[osid].source.text == text:
            continue
        if oclaim.attribution.strength == "none" or ofig.value == figure.value:
            continue
        if names & _entities(oclaim, ofig) and _compatible(figure, ofig) and same_story(
                by_id[sid], by_id[osid]):
            return other
    return None


_GENERIC_NAMES = frozenset(
    """the a an un u.n. us uk eu new world health organisation organization office united
    nations national international reuters ap afp bbc cnn mr ms mrs dr says said after over
    toll death dead killed kill deaths rise rises risen revised reaches reach new news report
    reports latest more than from with into amid least figure figures number""".split())


def _story_words(article: Article) -> set[str]:
    """Return the capitalised words of an article's title and lead that may name its event
    (places, people, named events), without generic or organisation words."""
    lead = " ".join(c.text for c in article.claims[:3])
    words = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\b", f"{article.source.title} . {lead}")
    title = re.findall(r"[a-z]{4,}", article.source.title.lower())  # "flood", "typhoon"
    return ({w.lower() for w in words} | {w.removesuffix("s") for w in title}) - _GENERIC_NAMES


def same_story(a: Article, b: Article) -> bool:
    """Tell whether two articles report one story: their titles and leads share a name that
    is not generic ("Derna", "Tacloban"), so their figures may conflict."""
    return bool(_story_words(a) & _story_words(b))


def _who(entry: Entry) -> str:
    """Return who gives a figure ("U.K. defense intelligence", "unnamed sources")."""
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
    evidence = [Evidence(a[0], a[2].start, a[2].end), Evidence(b[0], b[2].start, b[2].end)]
    date_a, date_b = src_a.date or "undated", src_b.date or "undated"
    explanation = (
        f'"{src_a.title}" ({date_a}) cites {_who(a)}: "{a[2].text}" '
        f'"{src_b.title}" ({date_b}) cites {_who(b)}: "{b[2].text}"'
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
        prompt = (f'"{src_a.title}" cites {_who(a)} for a figure of {a[1].text} on {label}. '
                  f'What figure does "{src_b.title}" give, citing {_who(b)}?')
        question = Question("", "discrepancy", prompt, b[1].text, [b[1].number_text],
                            order_choices(b[1].text, distractors, seed), evidence, explanation,
                            tags, 0.7)
        found.append(Candidate(question, a[0], 1.2, ()))
    if src_a.date and src_b.date and src_a.date != src_b.date and a[1].text != b[1].text:
        newer = a if src_a.date > src_b.date else b
        prompt = (f"Two sources give different figures for {label}: {a[1].text} "
                  f'("{src_a.title}", citing {_who(a)}) and {b[1].text} ("{src_b.title}", '
                  f"citing {_who(b)}). Which figure is the more recent?")
        question = Question("", "discrepancy", prompt, newer[1].text, [],
                            order_choices(newer[1].text, [x[1].text for x in (a, b)
                                                          if x is not newer], seed),
                            evidence, explanation + f" The more recent source is dated "
                            f"{max(src_a.date, src_b.date)}.", [*tags, "recency"], 0.75)
        found.append(Candidate(question, a[0], 1.2, ()))
    return found
