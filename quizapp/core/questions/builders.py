"""Question builders for one article: source, figure, date, attribution and evidence questions."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from rapidfuzz import fuzz, process

from quizapp.core.banks.model import Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.asking import (
    counted_prompt,
    date_prompt,
    figure_prompt,
    plural,
    whole_hits,
)
from quizapp.core.questions.citations import (
    evidence_for,
    mentions,
    source_questions,
    written_source,
)
from quizapp.core.questions.consistency import NOT_NOUN
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    quizzable,
    seed_of,
)
from quizapp.core.questions.phrasing import figure_variants, subject_phrase
from quizapp.core.questions.statements import (
    claim_phrase,
    clause,
    cloze,
    common_word,
    dangling,
    leans_outside,
    speaker_label,
    unsure_capital,
)
from quizapp.core.questions.verdicts import mid_label

ATTRIBUTION_CHOICES = ["A named or described source", "Unnamed or vague reports",
                       "No source given"]
_STRENGTH_ANSWER = {"named": ATTRIBUTION_CHOICES[0], "described": ATTRIBUTION_CHOICES[0],
                    "vague": ATTRIBUTION_CHOICES[1], "none": ATTRIBUTION_CHOICES[2]}


def article_candidates(corpus: Corpus, article: Article) -> list[Candidate]:
    """Return every candidate question of one article."""
    found: list[Candidate] = []
    claims = article.sentence_claims()
    pool = [c.text for c in claims if 40 <= len(c.text) <= 320]
    for claim in claims:
        found.extend(source_questions(corpus, article, claim))
        for figure in claim.figures:
            if quizzable(figure) and not _conversion(claim, figure):
                found.extend(figure_questions(article, claim, figure))
        found.extend(date_questions(article, claim))
        found.extend(attribution_questions(article, claim))
        found.extend(evidence_questions(article, claim, pool))
    return found


def _conversion(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure only converts the one before it ("35 kilometers (22 miles)")."""
    before = claim.text[: figure.start - claim.start]
    after = claim.text[figure.end - claim.start :]
    return bool(re.search(r"\d[^()]{0,25}\(\s*(?:about|roughly|around|some)?\s*$", before)
                and re.match(r"[^()]{0,20}\)", after) is not None)




def figure_questions(article: Article, claim: Claim, figure: Figure) -> list[Candidate]:
    """Ask for a figure by naming what it measures: "According to X, how many ...?", "What
    figure does X give for Y?", "By how much does X say Y rose?" (never a blank in the quoted
    sentence: an open-book reader would only match words)."""
    a = claim.attribution
    speaker = a.speaker
    label = speaker_label(speaker) if a.strength != "none" else ""
    if a.strength == "described" and speaker is not None:
        label = written_label(article, claim, speaker)
    text = article.source.text
    label = mid_label(label, text, a.strength in ("described", "vague")) if label else ""
    label = label or "the article"
    content = clause(claim, text) or claim.content.strip().rstrip(".")
    prompt = reads_as_question(_how_many(claim, figure, label) or _estimate_at(claim, figure),
                               text)
    score = 1.3
    if prompt is None:
        prompt = reads_as_question(figure_prompt(content, figure.text, figure.noun, label,
                                                 plural(label), text), text)
        score = 1.2
    if prompt is None and _unique_noun(article, figure):
        prompt = counted_prompt(figure.unit, label, plural(label))
        score = 1.1
    if prompt is not None and (dangling(prompt) or mentions(prompt, [figure.text,
                                                                    figure.number_text])):
        prompt = None  # "How many people had died there?": where? Quote the sentence instead
    closed_book = False
    context: Claim | None = None
    answer, end = figure.text, figure.end
    if prompt is None:  # a blank in the sentence: fit for recall only, never for open book
        answer, end = _telling_answer(claim, figure)
        filled = cloze(claim, figure.start, end, speaker)
        if filled is None:  # "It reported ...": quote the sentence before
            context = context_before(article, claim, [answer, figure.number_text])
            filled = context and cloze(claim, figure.start, end, speaker, context.text)
        for trimmed in ([] if filled else _trimmed(claim, figure.start, end)):
            # one sentence of a long quotation; "..., but the effects on these varied": stop
            filled = cloze(trimmed, figure.start, end, speaker)
            if filled:
                context = None
                break
        if filled is not None and context is None:
            prompt = f"Which figure completes this statement from the article: {_quoted(filled)}?"
        elif filled and context is not None:
            passage = f"{context.text} {filled}"
            prompt = f"Which figure completes this passage from the article: {_quoted(passage)}?"
        else:
            return []
        score, closed_book = 0.9, True
    shown = [answer] if answer != figure.text else [figure.text, figure.number_text]
    if mentions(prompt, shown) or (not closed_book and dangling(prompt)):
        return []
    accept = figure_variants(figure)
    explanation = f'The article says: "{claim.text}"'
    tags = ["figure", figure.topic, a.strength + "-source", *(["closed-book"] * closed_book)]
    difficulty = 0.5 if a.strength == "named" else 0.6
    evidence = [*(evidence_for(article, context) if context else []),
                *evidence_for(article, claim)]
    accept = [v for v in accept if v != answer]
    question = Question("", "figure", prompt, answer, accept, None,
                        evidence, explanation, tags, difficulty)
    covers = (f"figure:{article.source.id}:{figure.start}",)
    score += 0.2 if figure.number_text[0].isdigit() else 0.0
    return [Candidate(question, article.source.id, score, covers)]


def _telling_answer(claim: Claim, figure: Figure) -> tuple[str, int]:
    """Return the key of a blank and where it ends: the figure, or the figure with its counted
    noun when its number stands twice in the sentence ("37 men, ___ and a three-year-old")."""
    text = claim.text
    if len(whole_hits(text.lower(), figure.number_text.lower())) < 2 or not figure.noun or (
            figure.noun_before):
        return figure.text, figure.end
    after = text[figure.end - claim.start :]
    if not after.startswith(" " + figure.noun):
        return figure.text, figure.end
    return f"{figure.text} {figure.noun}", figure.end + 1 + len(figure.noun)


_CLAUSE_AFTER = re.compile(r",\s|;\s|\s[–—]\s")
_INNER_END = re.compile(r"[.!?](?=\s+[A-Z“\"‘'])")


def _trimmed(claim: Claim, start: int, end: int) -> list[Claim]:
    """Return shorter forms of a claim around the span `start`-`end`: the one sentence of a
    quotation of several that holds it, then that cut at the first clause break after it and
    marked with an ellipsis (what follows may lean on words outside the sentence)."""
    text, rel_start, rel_end = claim.text, start - claim.start, end - claim.start
    lo = max((m.end() for m in _INNER_END.finditer(text, 0, rel_start)), default=0)
    lo += len(text[lo:]) - len(text[lo:].lstrip())
    inner = _INNER_END.search(text, rel_end)
    hi = inner.end() if inner else len(text)
    found = []
    if lo > 0 or hi < len(text):
        found.append(_part(claim, lo, hi, ""))
    clause = _CLAUSE_AFTER.search(text, rel_end, hi)
    if clause is not None and len(text[lo : clause.start()].split()) >= 8:
        found.append(_part(claim, lo, clause.start(), " …"))  # never "Two were killed …"
    return found


def _part(claim: Claim, lo: int, hi: int, mark: str) -> Claim:
    """Return the part `lo`-`hi` of a claim's text as a claim (keeping its speaker's mention
    when the part holds it, so that "he added" is still named)."""
    a = claim.attribution
    inside = claim.start + lo <= a.mention_start and a.mention_end <= claim.start + hi
    attribution = a if inside else replace(a, mention_start=-1, mention_end=-1)
    return replace(claim, start=claim.start + lo, end=claim.start + hi, attribution=attribution,
                   text=claim.text[lo:hi].rstrip(" ,;") + mark)


def context_before(article: Article, claim: Claim, avoid: list[str]) -> Claim | None:
    """Return the sentence before a claim when it reads on its own and can be quoted with it
    (it does not give the answer), or None."""
    at = bisect_right(article.claims, claim.start, key=lambda c: c.end)  # claims in order
    if at == 0:
        return None
    context = article.claims[at - 1]
    gap = article.source.text[context.end : claim.start]
    if gap.count("\n") > 2 or len(context.text) + len(claim.text) > 420 or mentions(
            context.text, avoid) or leans_outside(context.text):
        return None
    return context


_LOOSE_END = re.compile(r"\b(?:when|where|while|the|a|an|who|whom|which|that|and|but|or|because|"
                        r"who have|who has|if|as|than|its|their|his|her)\?$", re.I)
_SAY_WHAT = re.compile(r"\b(?:say|says|give|gives|put|puts)\s+(?P<next>\S+)")


def reads_as_question(prompt: str | None, text: str = "") -> str | None:
    """Return a figure or date prompt fit to publish, or None: no loose end ("... when?",
    "... the?"), no "say that ..." or "say a gain" without a verb, the subject after "say"
    in lower case when it is a common word ("say Shares in ..." -> "say shares in ...")."""
    if prompt is None or _LOOSE_END.search(prompt):
        return None
    found = _SAY_WHAT.search(prompt)
    if found:
        rest = prompt[found.start("next") :]
        word = found.group("next")
        if word.lower() in ("that", "this", "these", "those", "in", "on", "at", "after",
                            "before", "since", "during"):
            return None
        if word[:1].isupper() and not word.isupper():
            if common_word(rest, text):
                prompt = prompt[: found.start("next")] + rest[0].lower() + rest[1:]
            elif unsure_capital(rest, text):
                return None
    head = prompt.split(" say ", 1)[0]
    if re.search(r"\b(?:do|does)\s+[a-z]\.", head):
        return None  # "do u.N.-backed scientists": a name cut in lower case
    return prompt


def _quoted(text: str) -> str:
    """Quote a sentence once: with ‘single’ marks when it holds double ones."""
    return f"‘{text}’" if any(q in text for q in "\"“”") else f"“{text}”"


def written_label(article: Article, claim: Claim, speaker) -> str:
    """Return a described source for a prompt, as the article writes it ("railway officials")."""
    text = written_source(claim, speaker)
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first.lower() in ("the", "a", "an", "some", "one", "two",
                                                 "several", "many", "other", "its", "his",
                                                 "her", "their") or text.islower():
        return text[0].lower() + text[1:]
    if text[:1].isupper() and not re.search(r"[A-Z.]", first[1:]) and not any(
            w[:1].isupper() for w in text.split()[1:]):
        return text[0].lower() + text[1:]  # "Railway officials" mid-sentence
    return text


_GENERIC_NOUNS = frozenset(
    "others people times years months weeks days hours minutes seconds points ones cents "
    "dollars pounds euros members cases units".split())


def _unique_noun(article: Article, figure: Figure) -> bool:
    """Tell whether no other figure of the article counts the same multi-letter noun."""
    unit = figure.unit
    if not unit or unit != figure.noun or len(unit) < 4 or not re.fullmatch(
            r"[a-z]+(?: [a-z]+)?s", unit) or unit.split()[-1] in _GENERIC_NOUNS:
        return False
    count = sum(f.unit == unit for c in article.sentences for f in c.figures)
    return count == 1


def _how_many(claim: Claim, figure: Figure, label: str) -> str | None:
    """Turn "[qualifier] N things VERB ..." into "According to X, how many things VERB ...?"."""
    content = clause(claim)
    if content is None or not figure.noun or figure.unit != figure.noun:
        return None
    if not content.lower().startswith(figure.text.lower() + " " + figure.noun.lower()):
        return None
    rest = content[len(figure.text) :].strip()
    if len(rest.split()) < 3 or any(f.number_text in rest for f in claim.figures):
        return None  # "how many workers stayed away and 38 ships waited?": one figure a time
    return f"According to {label}, how many {rest}?"


def _estimate_at(claim: Claim, figure: Figure) -> str | None:
    """Turn "X estimates place N at F" into "What figure do X estimates place N at?"."""
    a = claim.attribution
    if a.cue_start < 0 or a.mention_start < 0:
        return None
    cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start].split()
    if not cue or cue[-1].lower() not in ("place", "places", "put", "puts"):
        return None
    tail = claim.text[a.cue_end - claim.start : figure.start - claim.start]
    found = re.fullmatch(r"\s+(?P<np>[^,;]{3,80}?)\s+at\s+", tail)
    if not found or figure.end > a.content_end:
        return None
    subject = subject_phrase(claim.text[a.mention_start - claim.start : a.cue_start - claim.start])
    verb = cue[-1].lower()
    if len(cue) > 1:
        aux = " ".join(cue[:-1])
    else:
        aux = "does" if verb.endswith("s") else "do"
        verb = verb.rstrip("s") if verb.endswith("s") and verb != "puts" else verb
        verb = "put" if verb == "puts" else verb
    return f"What figure {aux} {subject} {verb} {found.group('np')} at?"


def date_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask when something happened, by the claim: "When does the article say X happened?"."""
    found = []
    a = claim.attribution
    label = "the article"
    if a.strength == "named" and a.speaker:
        label = speaker_label(a.speaker) or label
    elif a.strength == "described" and a.speaker:
        label = written_label(article, claim, a.speaker)
    content = clause(claim, article.source.text) or claim.content.strip().rstrip(".")
    for date in claim.dates:
        if date.relative and not re.search(r"\d|[A-Z]", date.text):
            continue
        if claim.text.count(date.text) != 1:
            continue
        prompt = date_prompt(content, date, label, plural(label))
        prompt = reads_as_question(prompt, article.source.text) if prompt else None
        tags = ["date"]
        if prompt is None or dangling(prompt):
            filled = cloze(claim, date.start, date.end, a.speaker)
            if filled is None:
                continue
            prompt = f"Which date completes this statement from the article: {_quoted(filled)}?"
            tags.append("closed-book")  # a blank in the sentence: recall only
        if mentions(prompt, [date.text]):
            continue
        accept = [v for v in (date.iso, date.text.replace(",", "")) if v and v != date.text]
        explanation = f'The article says: "{claim.text}"'
        question = Question("", "date", prompt, date.text, accept, None,
                            evidence_for(article, claim), explanation, tags, 0.5)
        covers = (f"date:{article.source.id}:{date.start}",)
        score = 0.75 if "closed-book" in tags else 0.9
        found.append(Candidate(question, article.source.id, score, covers))
    return found


def attribution_questions(article: Article, claim: Claim) -> list[Candidate]:
    """Ask how a claim with a figure is sourced: named, vague or no source."""
    a = claim.attribution
    if not any(quizzable(f) for f in claim.figures) and a.strength not in ("vague", "described"):
        return []
    if a.frame == "pronoun":
        return []  # "He forecast 16%" with no referent: neither unsourced nor vague
    content = clause(claim, article.source.text)
    if content is None or (a.strength == "named" and a.speaker and mentions(
            content, [a.speaker.name, *a.speaker.short_forms])):
        return []
    answer = _STRENGTH_ANSWER[a.strength]
    prompt = f"How does the article source {claim_phrase(content, article.source.text)}?"
    if a.strength == "named" and a.speaker:
        why = f"It names its source, {a.speaker.mention}"
    elif a.strength == "described" and a.speaker:
        why = f"It describes its source: {a.speaker.mention}"
    elif a.strength == "vague":
        cue = claim.text[a.cue_start - claim.start : a.cue_end - claim.start]
        why = f'It relies on vague attribution ("{cue}")'
    else:
        why = "The sentence gives no source"
    explanation = f'{why}: "{claim.text}"'
    question = Question("", "attribution", prompt, answer, [], list(ATTRIBUTION_CHOICES),
                        evidence_for(article, claim), explanation,
                        ["attribution", a.strength + "-source"], 0.45)
    return [Candidate(question, article.source.id, 0.9, ())]


def evidence_questions(article: Article, claim: Claim, pool: list[str]) -> list[Candidate]:
    """Ask which sentence is the evidence for a claim named in a few words ("the figure of
    5,655 measles cases", "the claim about the repo rate"), among similar sentences (`pool`)."""
    a = claim.attribution
    if a.strength == "none" and not claim.figures:
        return []
    content = clause(claim, article.source.text)
    if content is None:
        return []
    figure = next((f for f in claim.figures if quizzable(f)
                   and claim.text.count(f.number_text) == 1), None)
    speaker = a.speaker if a.strength in ("named", "described") else None
    label = ""
    if speaker is not None:
        label = (written_label(article, claim, speaker) if a.strength == "described"
                 else speaker_label(speaker))
    if figure is not None:
        named_claim = figure_name(claim, figure) + (f" given by {label}" if label else "")
        avoid = [figure.number_text]
    else:
        subject = _topic(content, article.source.text)
        if subject is None or not label:
            return []
        named_claim = (f"the claim of {label} about {subject}" if plural(label)
                       else f"{label}'s claim about {subject}")
        avoid = [w for w in subject.split() if len(w) > 3]
    similar = process.extract(content, pool, scorer=fuzz.token_set_ratio, limit=10)
    ranked = [t for t, _, _ in similar if t != claim.text and not any(
        whole_hits(t.lower(), n.lower()) for n in avoid)]
    distractors = distinct(claim.text, ranked, 3)
    if len(distractors) < 3:
        return []
    seed = seed_of(article.source.id, claim.start, "evidence")
    prompt = f"Which sentence of the article is the evidence for {named_claim}?"
    question = Question("", "evidence", prompt, claim.text, [],
                        order_choices(claim.text, distractors, seed), evidence_for(article, claim),
                        f'The supporting sentence is: "{claim.text}"', ["evidence"], 0.5)
    return [Candidate(question, article.source.id, 0.8, ())]


def figure_name(claim: Claim, figure: Figure) -> str:
    """Name a claim by its figure in a few words: "the $1 billion figure", "the 90% figure",
    "the figure of eight coaches" (a number in words, with the noun that follows it)."""
    core = figure.text
    qual = figure.qualifier_text
    if qual and core.lower().startswith(qual.lower()):
        core = core[len(qual) :].strip()
    if core[:1].isdigit() or core[:1] in "$€£¥₹":
        return f"the {core} figure"
    after = claim.text[figure.end - claim.start :].lstrip()
    noun = figure.noun
    if noun and noun.lower() not in core.lower() and after.lower().startswith(noun.lower()) \
            and not NOT_NOUN.fullmatch(noun.split()[-1].lower()):
        core = f"{core} {noun}"
    return f"the figure of {core[0].lower() + core[1:]}"


def _topic(content: str, article: str = "") -> str | None:
    """Return a claim's subject in a few words ("the repo rate"), or None: a noun phrase led by
    a determiner, or a name the article writes capitalised mid-sentence."""
    found = re.match(r"((?:the|a|an)\s+)?((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:is|are|was|were|"
                     r"has|have|had|will|would|could|may|can|[a-z]+ed|[a-z]+s)\b", content)
    if not found or content[0] in "“‘\"" or re.search(r"\d", found.group(0)):
        return None
    words = found.group(2).split()
    if words[0].lower() in ("it", "they", "he", "she", "this", "there", "we", "i", "which"):
        return None
    if not found.group(1) and words[0][:1].isupper() and (
            common_word(found.group(2), article) or unsure_capital(found.group(2), article)):
        return None  # "Mortgage approvals ...": no name, and no determiner to lead the phrase
    return (found.group(1) or "").lower() + found.group(2)
