"""Verdict questions: a statement that the article supports, contradicts or does not state.

Contradicted statements are controlled changes of a true claim (another figure from the corpus,
a flipped qualifier, another source of the same article, another date); not-stated statements
are true claims of another article whose details this article never gives."""

from __future__ import annotations

import re
from collections.abc import Callable

from quizapp.core.banks.model import VERDICT_CHOICES, Evidence, Question
from quizapp.core.claims.entities import same_name
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.claims.speaker_words import TITLES
from quizapp.core.questions.asking import plural
from quizapp.core.questions.citations import written_source
from quizapp.core.questions.corpus import Article, Candidate, Corpus, quizzable, seed_of, window
from quizapp.core.questions.phrasing import OPPOSITES, swap_qualifier
from quizapp.core.questions.restating import count_restated, restated, setting_last
from quizapp.core.questions.rewording import reword, trimmed
from quizapp.core.questions.roundings import higher_bound, lower_bound
from quizapp.core.questions.statements import (
    PRONOUNS,
    clause,
    common_word,
    denial,
    first_word,
    quote_free,
    speaker_label,
    unsure_capital,
)
from quizapp.core.questions.stories import same_story
from quizapp.core.questions.tolls import count_entries
from quizapp.core.questions.verdict_figures import (
    differs,
    fits,
    reads,
    same_shape,
    share_fits,
    year,
)
from quizapp.core.text.words import has_word, replace_number

SUPPORTED, CONTRADICTED, NOT_STATED = VERDICT_CHOICES


def verdict_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return supported, contradicted and not-stated statements for one article."""
    found: list[Candidate] = []
    for claim in article.sentence_claims():
        if claim.attribution.strength == "none" and not claim.figures:
            continue
        content = clause(claim, article.source.text)
        if content is None or denial(claim) or first_word(claim):
            continue  # "X denied that C": "According to X, C" would turn the denial around;
            # "officials initially said 300": without "initially", a revised figure
        label = speaker_label(claim.attribution.speaker)
        if claim.attribution.strength == "described" and claim.attribution.speaker:
            label = written_source(claim, claim.attribution.speaker)
        if label.lower() in PRONOUNS or _ROLE_ANAPHOR.fullmatch(label):
            continue  # "The him said": a statement never names its source by a pronoun, nor
            # by "the official" whom the article described in an earlier sentence
        text = article.source.text
        if label:
            label = mid_label(label, text, claim.attribution.strength in ("described", "vague"))
            if _ROLE_ANAPHOR.fullmatch(label):
                continue  # "the 65-year-old said", "according to figures": whose?
        speaker = claim.attribution.speaker
        if speaker is not None and any(has_word(content, f)
                                       for f in (speaker.name, *speaker.short_forms) if f):
            label = ""  # "the OCHA has reported ...": no "According to the UN Office ..., the OCHA"
        kept = [f.number_text for f in claim.figures if quizzable(f)]
        content = setting_last(trimmed(content, kept), kept)
        bounded = _bounded(content, claim, lower_bound)
        if bounded:  # "more than 10 rifles" for "at least 14 rifles": read, not matched, in a
            # clause cut after its figure and said another way where it can be; a statement
            # that only moves its attribution or swaps a synonym is a copy (reviewers refused
            # every one), so no other statement is offered as Supported
            found.append(_verdict(article, claim, reword(_statement(label, bounded[0], text)),
                                  SUPPORTED,
                                  f"The article gives {bounded[1].text}, which is {bounded[2]}",
                                  0.75))
        higher = _bounded(content, claim, higher_bound) if bounded and seed_of(
            article.source.id, claim.start, "bound") % 2 else None
        changed = (_statement(label, higher[0], text),
                   f"The article gives {higher[1].text}, not {higher[2]}",
                   CONTRADICTED) if higher else _contradiction(corpus, article, claim, content,
                                                               label)
        if changed:
            statement, why, answer = changed  # reworded as the true one is: no tell in words
            found.append(_verdict(article, claim, reword(statement), answer, why, 0.85))
    found.extend(_not_stated(corpus, article))
    return found


#: A fall to a level, just before a bound: "have dropped to", "fell to".
_FELL_TO = re.compile(r"\b(?:dropped|fell|fallen|falls|declined|decreased|slipped|slid|sank|"
                      r"sunk|plunged|plummeted|tumbled|eased|shrank|dipped|cut|reduced|"
                      r"lowered)\s+(?:\w+\s+)?to\s+$", re.I)


def _bounded(content: str, claim: Claim,
             bound: Callable[[str, Figure], str | None]) -> tuple[str, Figure, str] | None:
    """Return the claim's clause with its first figure that reads so said as a round bound
    (cut after it and restated: `restated`), the figure and the bound's words ("more than
    10"), or None."""
    if _tallied(content):
        return None  # "9 riders were in C1, 11 in C2, 14 in C4 and 20 in C5": one count
        # of a list loosened to "more than 10" is a trap, not a reading of the text
    for figure in claim.figures:
        if quizzable(figure) and not _signed(content, figure):
            said = bound(content, figure)
            if said:
                at = said.lower().find("more than", max(0, content.lower().find(
                    figure.text.lower()) - 1))
                if at < 0 or _FELL_TO.search(said, 0, at):
                    continue  # "dropped to more than 20 per cent" reads as a contradiction
                if at == 0:
                    said = said[0].lower() + said[1:]  # capitalised, if at all, as attributed
                words = " ".join(said[at:].split()[:3]).rstrip(".,;").lower()
                return restated(said, at), figure, words
    return None


_TALLY_ITEM = re.compile(r"(?:^|,\s+|\s+and\s+)(?:about\s+|some\s+)?\d[\d,.]*\s+(?:in|at|on|for|"
                         r"from|boarded|were|was)\b")


def _tallied(content: str) -> bool:
    """Tell whether a clause lists four counts or more, each with its place or part ("9 in
    C1, 11 in C2, 14 in C4 and 20 in C5")."""
    return len(_TALLY_ITEM.findall(content)) >= 3 and len(re.findall(r"\d+", content)) >= 4


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
    if has_word(content, label.removeprefix("the "), ignore_case=True) or (
            _names_label(content, label)):
        return content[0].upper() + content[1:] + stop  # no "According to X, X shows ...",
        # nor "According to X, the figures came from X and ..."
    if unsure_capital(content, article):
        return f"{content}, according to {label}{stop}"
    return f"According to {label}, {content}{stop}"


def _names_label(content: str, label: str) -> bool:
    """Tell whether a clause opens by naming its own source another way ("the ORRA has
    reported ..." for the Office for Relief and Refugee Affairs)."""
    found = re.match(r"(?:the\s+)?((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.’'-]*\s?){1,6})", content)
    return bool(found) and same_name(found.group(1).strip(), label)


_DETERMINERS = frozenset(
    """the a an another some many several most other its his her their one two three four five six
    seven eight nine ten dozens hundreds thousands those these all both each every any
    no""".split())
#: Words of rank before a role and a name ("Lead author Jane Roe", "Senior official Ali Reza"):
#: capitalised at a sentence's start only.
_RANKS = frozenset("lead chief senior former deputy acting assistant junior retired".split())


def mid_label(label: str, article: str = "", described: bool = False) -> str:
    """Return a source label as it reads mid-sentence: a common first word in lower case
    ("Railway officials" -> "railway officials"), "the" before a bare singular ("the telco"),
    none before a bare plural ("scientists") or a determiner ("some legal experts"). A
    `described` source is a common noun phrase unless a word of it is known to be a name."""
    label = re.sub(r"^(?:[Ii]ts|[Tt]heir)\s+(?=[a-z])", "the ", label)  # "its annual report"
    words = label.split()
    if len(words) > 1 and words[0] in ("A", "An", "Another", "Several", "Some", "Many", "Most",
                                       "Other", "Both", "Each", "Those", "These"):
        return mid_label(label[0].lower() + label[1:], article, described)  # "a DfE spokesman",
        # "another Indonesian government agency"
    if len(words) > 1 and (words[0].lower() in _DETERMINERS or words[0].lower() in _RANKS) and (
            words[0][:1].isupper() and not words[1][:1].isupper()):
        return mid_label(label[0].lower() + label[1:], article, described)  # "a senior source
        # in Bangui", "lead author Jane Roe": a capital that only opened the sentence
    if len(words) > 2 and words[0][:1].isupper() and words[0][1:].islower() and \
            words[1].isalpha() and words[1].islower() and words[2][:1].isupper() and (
            words[0].lower() not in TITLES) and common_word(label, article):
        return mid_label(label[0].lower() + label[1:], article, described)  # "grid operator
        # Ukrenergo" where the article writes "grid" in lower case (not "Jatni resident X")
    if not any(w[:1].isupper() for w in words[1:]) and (
            common_word(label, article) or words[0].lower() in _DETERMINERS
            or (described and unsure_capital(label, article))):
        label = label[0].lower() + label[1:]
    words = label.split()
    first, last = words[0].lower(), words[-1]
    bare = label.islower() or (len(words) > 1 and last.isalpha() and last.islower()
                               and not re.search(r"[’']s?$", words[0]))
    if bare and first not in _DETERMINERS and not plural(label) and not (
            last.lower() in ("television", "radio", "tv") and not _written_with_the(label,
                                                                                    article)):
        label = f"the {label}"  # "the telco said", "the latest poll", "the Rourkela help line"
        # (but "state television said", as the article writes it)
    elif article and words[0][:1].isupper() and first not in ("the", "a", "an") and \
            _written_with_the(label, article):
        label = f"the {label}"  # "According to the Guardian", as the article writes it
    return label


#: What follows "the X" when X is a name the article writes with "the": a stop or a say verb.
_AFTER_THE_NAME = re.compile(r"[,.;:]|\s+(?:said|says|reported|reports|found|showed|shows|"
                             r"revealed|reveals|added|estimated|estimates)\b")


def _written_with_the(label: str, article: str) -> bool:
    """Tell whether the article writes "the" before a name ("the Guardian said"), found with
    a plain search for "the <name>" (a pattern per name searched each article whole)."""
    wanted = f"the {label}"
    at = article.find(wanted)
    while at >= 0:
        if (at == 0 or not (article[at - 1].isalnum() or article[at - 1] == "_")) and \
                _AFTER_THE_NAME.match(article, at + len(wanted)):
            return True
        at = article.find(wanted, at + 1)
    return False


#: A title that gives a figure ("... by 34 seconds", "Five dead in ...").
_COUNTED_TITLE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
                            r"hundreds?|thousands?)\b", re.I)


def _verdict(article: Article, claim: Claim, statement: str, answer: str, why: str,
             score: float, evidence: list[Evidence] | None = None) -> Candidate:
    """Build one verdict candidate."""
    title = article.source.title.strip()
    if title and answer != NOT_STATED and claim.figures and _COUNTED_TITLE.search(title):
        title = ""  # "... world record by 34 seconds" would settle "by 44 seconds" by itself
        # (a statement another article makes keeps this one's title: the question is which)
    prompt = (f'Is this statement supported by the article "{title}"? "{statement}"' if title
              else f'Is this statement supported by the article? "{statement}"')
    explanation = f'{why}: "{claim.text}"'
    difficulty = {SUPPORTED: 0.4, CONTRADICTED: 0.6, NOT_STATED: 0.7}[answer]
    question = Question(
        "", "verdict", prompt, answer, [], list(VERDICT_CHOICES),
        evidence or [Evidence(article.source.id, claim.start, claim.end)], explanation,
        ["verdict", answer.split()[0].lower()], difficulty,
    )
    return Candidate(question, article.source.id, score, ())


#: What makes a figure a threshold of a general rule rather than a count: a noun with "a" or
#: "any" before it and what it will cause after it ("a rise above 3 metres would cause"), or a
#: condition ("if prices rise above $100").
_RULE_NOUN = re.compile(r"\b(?:an?|any|each|every)\s+(?:[a-z-]+\s+){1,2}(?:of\s+)?$", re.I)
_RULE_IF = re.compile(r"\b(?:if|unless|whenever)\b[^,;]{0,60}$", re.I)
_RULE_THEN = re.compile(r"[^,;.]{0,50}?\b(?:will|would|could|can|may|might)\s+(?:\w+\s+)?"
                        r"(?:trigger|cause|lead|mean|bring|result|push|spark|require|make)\b")


_MOVED = re.compile(r"\b(?:rose|risen|rises|rising|climbed|jumped|increased|grew|grown|soared|"
                    r"fell|fallen|falls|dropped|declined|slipped|sank|plunged|dipped|rise|climb|"
                    r"jump|increase|grow|soar|surge|surged|fall|drop|decline|sink|plunge|dip)\s+$",
                    re.I)  # (never "could soar below 700")


def _signed(content: str, figure: Figure) -> bool:
    """Tell whether a figure is written with its sign ("Boise, ID, +17.9%"): never bounded
    ("+more than 10 per cent") nor changed."""
    at = content.find(figure.text)
    return at > 0 and content[at - 1] in "+-−±"


def _threshold(content: str, figure: Figure) -> bool:
    """Tell whether a figure in a statement is the threshold of a general rule."""
    at = content.find(figure.number_text)
    qualifier = figure.qualifier_text or ""
    before = content[:at].rstrip()
    if qualifier and before.lower().endswith(qualifier.lower()):
        before = before[: len(before) - len(qualifier)]
    before = before.rstrip() + " "
    return bool(_RULE_IF.search(before)) or bool(_RULE_NOUN.search(before)) and bool(
        _RULE_THEN.match(content, at + len(figure.number_text)))


_MONTH_NAME = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b\.?")


def _date_shape(text: str) -> tuple[bool, bool, bool]:
    """Return which parts a date is written with (day, month, year), so that one stands for
    another only when it reads the same: never "after 14 September financial crisis" for
    "after the 2008 financial crisis"."""
    bare = _MONTH_NAME.sub(" ", text)
    return (bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", bare)), bare != text,
            bool(re.search(r"\b(?:1[89]|20)\d\d\b", text)))


def _contradiction(corpus: Corpus, article: Article, claim: Claim, content: str,
                   label: str) -> tuple[str, str, str] | None:
    """Return a changed statement, why, and its verdict (Contradicted) for a changed figure or
    date, or None. A claim is never given to another of the article's sources: whether that is
    Contradicted or Not stated is a judgement reviewers do not share."""
    seed = seed_of(article.source.id, claim.start, "verdict")
    for figure in claim.figures:
        if not quizzable(figure) or figure.number_text not in content or _threshold(
                content, figure) or _signed(content, figure):
            continue  # "a rise above 3 metres would cause floods": a rule, and one about
            # "below 2 degrees" or "above 3 degrees" is not stated, not contradicted
        if re.search(r"\b(?:smaller|larger|bigger|weaker|stronger|lesser|minor|major|earlier|"
                     r"later)\s+$", content[: max(0, content.find(figure.text))]):
            continue  # "a smaller 4.5-magnitude quake": a swapped figure may say it is larger
            # than the main one, and the statement contradicts itself
        bounded_only = figure.qualifier in ("ge", "gt", "le", "lt")
        pool = [] if bounded_only else window(corpus.figures.get(figure.topic, []), seed)
        # ("at least 14" is not contradicted by "at least 30": a bound is only flipped)
        for sid, other, _ in pool:
            source = corpus.article(sid)
            if sid != article.source.id and (source is None or not same_story(article, source)):
                continue  # never another story's figure: "at least 1,617,989 children"
            if source is not None and _converted(source.source.text, other):
                continue  # "250 kilometres (155 miles)": never "travelled 155 kilometres"
            if other.number_text[0].isdigit() and differs(figure.value, other.value) \
                    and fits(figure, other) and share_fits(figure, other) \
                    and same_shape(figure, other) and not _stands(  # no "more than 20 to 25"
                        other.number_text, content):
                changed = replace_number(content, figure.number_text, other.number_text)
                if changed is not None and reads(changed, content, figure):
                    why = f"The article gives {figure.text}, not {other.number_text}"
                    return _statement(label, count_restated(changed), article.source.text), \
                        why, CONTRADICTED
        flipped = None if _DURATION.match(figure.unit or "") or _MOVED.search(
            content[: max(0, content.find(figure.text))]) or (
            year(figure.number_text) and not figure.unit) else swap_qualifier(
            content, figure, OPPOSITES)  # not "ran the marathon in more than two hours", nor
        # "has risen below 16,000", nor "since fewer than 1991"
        if flipped:
            return _statement(label, count_restated(flipped), article.source.text), \
                f"The article says {figure.text}", CONTRADICTED
    for date in claim.dates:
        if date.relative or date.text not in content:
            continue
        for other_claim in article.claims:
            for other in other_claim.dates:
                if not other.relative and other.iso and other.iso != date.iso and (
                        _date_shape(date.text) == _date_shape(other.text)) and (
                        other.text not in content):
                    # a year for a year; never "between March 2020 and March 2020"
                    changed = content.replace(date.text, other.text, 1)
                    return _statement(label, changed, article.source.text), \
                        f"The article says {date.text}", CONTRADICTED
    return None


_ROLE_ANAPHOR = re.compile(r"(?i:the)\s+(?:official|spokesman|spokeswoman|spokesperson|source|"
                           r"officer|man|woman|minister|witness|analyst|expert|\d+-year-old|"
                           r"company|firm|group|agency|body|club|team)|(?i:the\s+)?(?:figures|"
                           r"data|statistics|numbers|estimates|records)")
_DURATION = re.compile(r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b")


def _converted(text: str, figure: Figure) -> bool:
    """Tell whether a figure is the conversion in brackets of the figure before it ("250
    kilometres (155 miles)"): the same amount in other units, no other figure to swap in."""
    return text[figure.start - 1 : figure.start] == "(" and re.search(
        r"\d[\w%.]*(?:\s[a-z]+)?\s$",
        text[max(0, figure.start - 30) : figure.start - 1]) is not None


def _in_quotation(text: str, words: str) -> bool:
    """Tell whether `words` stand inside quotation marks in `text`."""
    at = text.find(words)
    return at >= 0 and not quote_free(text)[at : at + len(words)].strip()


def _not_stated(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return statements taken from other articles of the same story whose speaker and figures
    this one lacks."""
    if len(corpus.articles) < 2:
        return []
    names = {s.name for s in article.speakers}
    topics = {f.topic for c in article.claims for f in c.figures}
    kinds = {k for _c, _f, k, _w in count_entries(article)[0]}
    text = article.source.text
    found: list[Candidate] = []
    seed = seed_of(article.source.id, "not-stated")
    for other in window(corpus.articles, seed, 12):
        if other is article or other.source.text == text or not same_story(article, other):
            continue  # a statement of an unrelated story is no fair test of this one
        for claim in other.sentence_claims():
            speaker = claim.attribution.speaker
            if claim.attribution.strength != "named" or speaker is None or speaker.name in names:
                continue
            if not claim.figures or any(f.number_text in text for f in claim.figures):
                continue
            if any(k in kinds for c, _f, k, _w in count_entries(other)[0] if c is claim):
                continue  # "457 arrested" against this article's "80 arrested": Contradicted
                # or Not stated is a judgement readers do not share
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


def _stands(number: str, text: str) -> bool:
    r"""Tell whether a number stands in `text` as itself: no digit, comma or point just before it,
    no digit or decimal part just after (`(?<![\d,.])N(?![\d]|[,.]\d)`)."""
    at = text.find(number) if number else -1
    while at >= 0:
        end = at + len(number)
        before = at > 0 and (text[at - 1] in ",." or _DIGIT.match(text[at - 1]) is not None)
        after = end < len(text) and (_DIGIT.match(text[end]) is not None or (
            text[end] in ",." and end + 1 < len(text) and _DIGIT.match(text[end + 1]) is not None))
        if not before and not after:
            return True
        at = text.find(number, at + 1)
    return False


_DIGIT = re.compile(r"\d")
