"""Verdict questions: a statement that the article supports, contradicts or does not state.

Contradicted statements are controlled changes of a true claim (another figure from the corpus,
a flipped qualifier, another source of the same article, another date); not-stated statements
are true claims of another article whose details this article never gives."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.banks.model import VERDICT_CHOICES, Evidence, Question
from quizapp.core.claims.entities import names_same, same_entity, same_name
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.speakers import Speaker
from quizapp.core.questions.asking import plural
from quizapp.core.questions.citations import written_source
from quizapp.core.questions.corpus import Article, Candidate, Corpus, quizzable, seed_of, window
from quizapp.core.questions.phrasing import OPPOSITES, SYNONYMS, swap_qualifier
from quizapp.core.questions.statements import (
    PRONOUNS,
    clause,
    common_word,
    speaker_label,
    unsure_capital,
)

SUPPORTED, CONTRADICTED, NOT_STATED = VERDICT_CHOICES


def verdict_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return supported, contradicted and not-stated statements for one article."""
    found: list[Candidate] = []
    for claim in article.sentence_claims():
        if claim.attribution.strength == "none" and not claim.figures:
            continue
        content = clause(claim, article.source.text)
        if content is None:
            continue
        label = speaker_label(claim.attribution.speaker)
        if claim.attribution.strength == "described" and claim.attribution.speaker:
            label = written_source(claim, claim.attribution.speaker)
        if label.lower() in PRONOUNS:
            continue  # "The him said": a statement never names its source by a pronoun
        text = article.source.text
        if label:
            label = mid_label(label, text, claim.attribution.strength in ("described", "vague"))
        true = _statement(label, content, text)
        paraphrase = true
        for figure in claim.figures:
            paraphrase = swap_qualifier(paraphrase, figure, SYNONYMS) or paraphrase
        found.append(_verdict(article, claim, paraphrase, SUPPORTED,
                              "The article states this", 0.75))
        changed = _contradiction(corpus, article, claim, content, label)
        if changed:
            statement, why = changed
            found.append(_verdict(article, claim, statement, CONTRADICTED, why, 0.85))
    found.extend(_not_stated(corpus, article))
    return found


def _statement(label: str, content: str, article: str = "", described: bool = False) -> str:
    """Return a statement that attributes `content` to `label` ("According to X, ..."); the
    label reads mid-sentence ("scientists", "railway officials"), and content that opens with a
    word that may be a name or not keeps its capital, the source named after it."""
    stop = "" if re.search(r"[.!?][\"”’]?$", content) else "."
    if not label:
        return content[0].upper() + content[1:] + stop
    label = mid_label(label, article, described)
    if content[0] in "“‘\"":
        inner = content[1:-1] if content[-1] in "”’\"" else content[1:]
        return f"{label[0].upper() + label[1:]} said: ‘{inner.strip()}’{stop}"
    if re.match(rf"(?i)(?:the\s+)?{re.escape(label.removeprefix('the '))}\b", content) or (
            _names_label(content, label)):
        return content[0].upper() + content[1:] + stop  # no "According to X, X shows ..."
    if unsure_capital(content, article):
        return f"{content}, according to {label}{stop}"
    return f"According to {label}, {content}{stop}"


def _names_label(content: str, label: str) -> bool:
    """Tell whether a clause opens by naming its own source another way ("the OCHA has
    reported ..." for the United Nations Office for Coordination of Humanitarian Affairs)."""
    found = re.match(r"(?:the\s+)?((?:[A-Z][\w.’'-]*\s?){1,6})", content)
    return bool(found) and same_name(found.group(1).strip(), label)


_DETERMINERS = frozenset(
    """the a an some many several most other its his her their one two three four five six
    seven eight nine ten dozens hundreds thousands""".split())


def mid_label(label: str, article: str = "", described: bool = False) -> str:
    """Return a source label as it reads mid-sentence: a common first word in lower case
    ("Railway officials" -> "railway officials"), "the" before a bare singular ("the telco"),
    none before a bare plural ("scientists") or a determiner ("some legal experts"). A
    `described` source is a common noun phrase unless a word of it is known to be a name."""
    words = label.split()
    if not any(w[:1].isupper() for w in words[1:]) and (
            common_word(label, article) or words[0].lower() in _DETERMINERS
            or (described and unsure_capital(label, article))):
        label = label[0].lower() + label[1:]
    first = label.split()[0].lower()
    if label.islower() and first not in _DETERMINERS and not plural(label):
        label = f"the {label}"  # "the telco said", not "Telco said"
    return label


def _verdict(article: Article, claim: Claim, statement: str, answer: str, why: str,
             score: float, evidence: list[Evidence] | None = None) -> Candidate:
    """Build one verdict candidate."""
    title = article.source.title.strip() or "the article"
    prompt = f'Is this statement supported by the article "{title}"? "{statement}"'
    explanation = f'{why}: "{claim.text}"'
    difficulty = {SUPPORTED: 0.4, CONTRADICTED: 0.6, NOT_STATED: 0.7}[answer]
    question = Question(
        "", "verdict", prompt, answer, [], list(VERDICT_CHOICES),
        evidence or [Evidence(article.source.id, claim.start, claim.end)], explanation,
        ["verdict", answer.split()[0].lower()], difficulty,
    )
    return Candidate(question, article.source.id, score, ())


def _contradiction(corpus: Corpus, article: Article, claim: Claim, content: str,
                   label: str) -> tuple[str, str] | None:
    """Return a changed statement that contradicts the claim, and why, or None."""
    seed = seed_of(article.source.id, claim.start, "verdict")
    for figure in claim.figures:
        if not quizzable(figure) or figure.number_text not in content:
            continue
        pool = window(corpus.figures.get(figure.topic, []), seed)
        number = None  # compiled at its first use: most figures find no fitting other
        for _sid, other, _ in pool:
            if other.number_text[0].isdigit() and _differs(figure.value, other.value) \
                    and _fits(figure, other) and _share_fits(figure, other):
                number = number or re.compile(
                    rf"(?<![\d,.]){re.escape(figure.number_text)}(?![\d]|[,.]\d)")
                changed, count = number.subn(other.number_text, content, count=1)
                if count and _reads(changed, content, figure):
                    why = f"The article gives {figure.text}, not {other.number_text}"
                    return _statement(label, changed, article.source.text), why
        flipped = swap_qualifier(content, figure, OPPOSITES)
        if flipped:
            return _statement(label, flipped, article.source.text), \
                f"The article says {figure.text}"
    speaker = claim.attribution.speaker
    if claim.attribution.strength == "named" and speaker:
        for other in article.speakers:
            if other.name != speaker.name and not re.search(re.escape(other.name), content) \
                    and not linked(speaker, other, article.source.text):
                why = f"The article attributes this to {speaker.mention}, not {other.mention}"
                return _statement(speaker_label(other), content, article.source.text), why
    for date in claim.dates:
        if date.relative or date.text not in content:
            continue
        for other_claim in article.claims:
            for other in other_claim.dates:
                if not other.relative and other.iso and other.iso != date.iso and (
                        _year(date.text) == _year(other.text)):  # a year for a year
                    changed = content.replace(date.text, other.text, 1)
                    return _statement(label, changed, article.source.text), \
                        f"The article says {date.text}"
    return None


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z\"“‘])")


@lru_cache(maxsize=4096)
def linked(speaker: Speaker, other: Speaker, text: str) -> bool:
    """Tell whether giving a speaker's words to `other` may name the same voice: one entity,
    or two the article ties together (a company and its economist, a ministry and its
    spokesman) by naming both in one phrase or one sentence. Such a swap is no contradiction."""
    if same_entity(speaker, other):
        return True
    mine, theirs = _naming(speaker), _naming(other)
    if names_same(other.name, speaker) or (mine and mine.search(other.mention)) or (
            theirs and theirs.search(speaker.mention)):
        return True
    if not (mine and theirs):
        return False
    return any(mine.search(sentence) and theirs.search(sentence)
               for sentence in _SENTENCE_END.split(text))


@lru_cache(maxsize=4096)
def _naming(speaker: Speaker) -> re.Pattern | None:
    """Return a pattern finding a speaker's name or short forms as whole words (None: none)."""
    forms = [re.escape(f) for f in (speaker.name, *speaker.short_forms) if len(f) > 2]
    return re.compile(rf"(?<!\w)(?:{'|'.join(forms)})(?!\w)") if forms else None


def _year(number_text: str) -> bool:
    """Tell whether a number is written like a year ("2008", not "2,008")."""
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", number_text))


def _fits(figure: Figure, other: Figure) -> bool:
    """Tell whether another figure can stand in a figure's place and still read: a year for a
    year, a whole count for a whole count, digits for digits, never 1 for a plural."""
    if _year(figure.number_text) != _year(other.number_text):
        return False
    if (figure.value == int(figure.value)) != (other.value == int(other.value)):
        return False
    if not figure.number_text[0].isdigit() and other.value != int(other.value):
        return False
    return not (other.value == 1 and figure.value != 1)


_PAIR = re.compile(r"\bbetween\s+(?P<a>\d[\d,.]*)\D{0,12}?\s+and\s+(?P<b>\d[\d,.]*)"
                   r"|(?<![\d,.])(?P<c>\d[\d,.]*)\s+of\s+(?:the\s+|its\s+|their\s+)?"
                   r"(?P<d>\d[\d,.]*)", re.I)


def _reads(changed: str, content: str, figure: Figure) -> bool:
    """Tell whether a changed statement still makes sense: no "65 of the 27", no "between 30
    and 22", no number cut from a fraction word ("half a million")."""
    at = content.find(figure.number_text)
    if re.search(r"\b(?:half|quarter|third|fifth|tenth)s?\s+$", content[:at], re.I):
        return False
    for m in _PAIR.finditer(changed):
        low, high = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        try:
            a, b = (float(x.replace(",", "").rstrip(".")) for x in (low, high))
        except ValueError:
            continue
        if a > b or (a == b and m.group("a")):
            return False
    return True


def _share_fits(figure: Figure, other: Figure) -> bool:
    """Tell whether a replacing share stays a share: no "more than 100 per cent received"."""
    return not (figure.unit in ("per cent", "%", "percent") and figure.value < 100
                and other.value >= 100)


def _differs(a: float, b: float) -> bool:
    """Tell whether two values differ by more than a quarter of the larger one."""
    return abs(a - b) > 0.25 * max(abs(a), abs(b)) and min(a, b) > 0 and max(a, b) < 4 * min(a, b)


def _not_stated(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return statements taken from other articles whose speaker and figures this one lacks."""
    if len(corpus.articles) < 2:
        return []
    names = {s.name for s in article.speakers}
    topics = {f.topic for c in article.claims for f in c.figures}
    text = article.source.text
    found: list[Candidate] = []
    seed = seed_of(article.source.id, "not-stated")
    for other in window(corpus.articles, seed, 12):
        if other is article or other.source.text == text:
            continue
        for claim in other.sentence_claims():
            speaker = claim.attribution.speaker
            if claim.attribution.strength != "named" or speaker is None or speaker.name in names:
                continue
            if not claim.figures or any(f.number_text in text for f in claim.figures):
                continue
            if all(f.topic in topics for f in claim.figures) and speaker.name in text:
                continue
            content = clause(claim, other.source.text)
            if content is None or speaker.name in text:
                continue
            statement = _statement(speaker_label(speaker), content, other.source.text)
            why = f'This comes from another article, "{other.source.title}", not this one'
            evidence = [Evidence(other.source.id, claim.start, claim.end)]
            found.append(_verdict(article, claim, statement, NOT_STATED, why, 0.8, evidence))
            if len(found) >= 2:
                return found
            break
    return found
