"""Figure questions: a figure asked by what it measures, or as a blank in its sentence."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from quizapp.core.banks.model import Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.asking import figure_prompt, plural, whole_hits
from quizapp.core.questions.believable import compares
from quizapp.core.questions.citations import evidence_for, mentions
from quizapp.core.questions.consistency import gate_problems
from quizapp.core.questions.corpus import Article, Candidate
from quizapp.core.questions.labels import quoted, reads_as_question, written_label
from quizapp.core.questions.open_book import article_figures, clause_prompt, unique_prompt
from quizapp.core.questions.open_levels import (
    level_prompt,
    listed_prompt,
    named_amount_prompt,
    own_clause,
    toll_prompt,
    with_scope,
    without_start,
)
from quizapp.core.questions.phrasing import figure_variants, subject_phrase
from quizapp.core.questions.statements import (
    clause,
    cloze,
    common_word,
    dangling,
    leans_outside,
    speaker_label,
    strip_lead,
)
from quizapp.core.questions.verdicts import mid_label


def conversion(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure only converts the one before it ("35 kilometers (22 miles)")."""
    before = claim.text[: figure.start - claim.start]
    after = claim.text[figure.end - claim.start :]
    return bool(re.search(r"\d[^()]{0,25}\(\s*(?:about|roughly|around|some)?\s*$", before)
                and re.match(r"[^()]{0,20}\)", after) is not None)




def figure_questions(article: Article, claim: Claim, figure: Figure,
                     open_book: bool = True) -> list[Candidate]:
    """Ask for a figure by naming what it measures: "According to X, how many ...?", "What
    figure does X give for Y?", "By how much does X say Y rose?" (never a blank in the quoted
    sentence: an open-book reader would only match words); with the blank in the sentence as a
    closed-book fallback (chosen when the open prompt is refused), or alone (`open_book` False)."""
    a = claim.attribution
    speaker = a.speaker
    label = speaker_label(speaker) if a.strength != "none" else ""
    if a.strength == "described" and speaker is not None:
        label = written_label(article, claim, speaker)
    text = article.source.text
    label = mid_label(label, text, a.strength in ("described", "vague")) if label else ""
    if compares(claim, text):
        label = ""  # "36 cents a share, beating the estimate": the figure is not the estimate's
    label = label or "the article"
    content = clause(claim, text) or claim.content.strip().rstrip(".")
    prompt = reads_as_question(_how_many(claim, figure, label) or _estimate_at(claim, figure, text)
                               or level_prompt(claim, figure, label, text), text)
    score = 1.3
    if prompt is None:
        prompt = reads_as_question(figure_prompt(content, figure.text, figure.noun, label,
                                                 plural(label), text), text)
        prompt = prompt and with_scope(prompt, claim, figure)  # "... fell on the month?"
        score = 1.2
    figures = article_figures(article.sentence_claims())
    if prompt is not None and not unique_prompt(prompt, label, claim, figure, figures):
        prompt = None  # "What figure ... give for Q2?" of GDP and of inflation: try its clause
    if prompt is None:  # "[X said] five people were killed on Monday when ...": its own clause
        cited = _cited(claim, figure)
        prompt = clause_prompt(claim, figure, label, figures) if cited else None
        prompt = prompt or (named_amount_prompt(claim, figure, label) if cited else None)
        prompt = prompt or (toll_prompt(claim, figure, label, strip_lead(claim.text), text)
                            if cited else None)
        sentence = next((t for f, t in figures if f is figure), claim.text)
        prompt = prompt or (listed_prompt(claim, figure, label, sentence, text) if cited else None)
        own = own_clause(claim, figure) if cited else None
        for part in (without_start(own or content, figure.text), own):
            # "climbed from 61 per cent to 74 per cent": asked as "climbed to"
            if prompt is None and part is not None:
                prompt = figure_prompt(part, figure.text, figure.noun, label, plural(label), text)
                if prompt and re.search(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\b|\bhow many \w+ "
                                        r"(?:behind|ahead|clear)\b", prompt):
                    prompt = None  # "give for headmaster Mr X": a person measures nothing
                prompt = prompt and _self_named(prompt, label)
                prompt = prompt and with_scope(prompt, claim, figure)
        prompt = reads_as_question(prompt, text)
    if prompt is not None and re.search(r"\brespectively\b", claim.text):
        prompt = None  # "grew 12 per cent and 7 per cent respectively": which is whose?
    if prompt is not None and not unique_prompt(prompt, label, claim, figure, figures):
        prompt = None  # another sentence gives another figure for it: which one?
    if not open_book:
        prompt = None
    if prompt is not None and (dangling(prompt) or mentions(prompt, [figure.text,
                                                                    figure.number_text])):
        prompt = None  # "How many people had died there?": where? Quote the sentence instead
    closed_book = False
    context: Claim | None = None
    answer, end = figure.text, figure.end
    if prompt is None:  # a blank in the sentence: fit for recall only, never for open book
        answer, end = _telling_answer(claim, figure)
        if end < 0:
            return []
        start = end - len(answer)  # the figure, or with the words that tell it apart
        filled = cloze(claim, start, end, speaker)
        if filled is None:  # "It reported ...": quote the sentence before
            context = context_before(article, claim, [answer, figure.number_text])
            filled = context and cloze(claim, start, end, speaker, context.text)
        for trimmed in ([] if filled else _trimmed(claim, start, end)):
            # one sentence of a long quotation; "..., but the effects on these varied": stop
            filled = cloze(trimmed, start, end, speaker)
            if filled:
                context = None
                break
        if filled is not None and context is None:
            prompt = f"Which figure completes this statement from the article: {quoted(filled)}?"
        elif filled and context is not None:
            passage = f"{context.text} {filled}"
            prompt = f"Which figure completes this passage from the article: {quoted(passage)}?"
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
    if not closed_book and any(not p.startswith(("the scorer refuses the accepted", "noise"))
                               for p in gate_problems(question, claim.text)):
        return figure_questions(article, claim, figure, False)  # the blank, not no question
    return [Candidate(question, article.source.id, score, covers)]


def _cited(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure lies within the words its source is cited for (not "the count the
    coastguard first gave was 11, but X said ..." for X)."""
    a = claim.attribution
    if a.strength == "none" or a.mention_start < 0 or a.content_end <= a.content_start or (
            a.content_start <= figure.start and figure.end <= a.content_end):
        return True
    between = claim.text[min(figure.end, a.mention_start) - claim.start :
                         max(figure.start, a.mention_start) - claim.start]
    return not re.search(r",\s(?:but|while|whereas)\s|;\s", between)


def _self_named(prompt: str, label: str) -> str | None:
    """Return "How many cases do the researchers say they found?" for "... say the researchers
    found?" (a plural source named again as its own subject); None for a singular one."""
    for say in ("say", "give"):
        again = f" {say} {label} "
        if again in prompt:
            return prompt.replace(again, f" {say} they ") if plural(label) else None
    return prompt


def _telling_answer(claim: Claim, figure: Figure) -> tuple[str, int]:
    """Return the key of a blank and where it ends: the figure, or the figure with its counted
    noun when its number stands twice in the sentence ("37 men, ___ and a three-year-old")."""
    text = claim.text
    if len(whole_hits(text.lower(), figure.number_text.lower())) < 2:
        return figure.text, figure.end
    after = text[figure.end - claim.start :]
    if not figure.noun or figure.noun_before or not after.startswith(" " + figure.noun):
        lead = _LEAD_WORDS.search(text, 0, figure.start - claim.start)  # "with Q2 at ___"
        if lead and not figure.qualifier_text:
            return text[lead.start() : figure.end - claim.start], figure.end
        return figure.text, figure.end
    if re.match(r"\s+[A-Z]", after[1 + len(figure.noun) :]) and not re.search(
            r"(?:ed|ing)$", figure.noun):
        return figure.text, -1  # "achieved ___ As" for "four grade As": the noun goes on
    return f"{figure.text} {figure.noun}", figure.end + 1 + len(figure.noun)


#: The words before a figure that tell it from the same number elsewhere: "Q2 at", "projected at".
_LEAD_WORDS = re.compile(r"\b[\w’'-]+\s+(?:at|of|to|by|from)\s+$")


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


_AUXILIARY = frozenset("has have had will would could may might should can is are was were "
                      "did do does".split())


def _how_many(claim: Claim, figure: Figure, label: str) -> str | None:
    """Turn "[qualifier] N things VERB ..." into "According to X, how many things VERB ...?"."""
    content = clause(claim)
    if content is None or not figure.noun or figure.unit != figure.noun:
        return None
    if not content.lower().startswith(figure.text.lower() + " " + figure.noun.lower()):
        return None
    rest = content[len(figure.text) :].strip()
    verb = rest[len(figure.noun) :].split()[:2]
    if verb[:1] and verb[0].lower() in ("who", "that", "which"):
        verb = verb[1:]  # "how many people who were killed ... had been identified?"
    if not verb or not _FINITE.fullmatch(verb[0].lower()):
        return None  # "how many seats based on strong rural support?": no verb
    others = [f.number_text for f in claim.figures if f is not figure]
    cut = _ASIDE.search(rest)
    if cut and any(n in rest[cut.start() :] for n in others) and not any(
            n in rest[: cut.start()] for n in others):
        rest = rest[: cut.start()]  # "... since 2015, over 30 of which were launched ...":
        # the aside with the other figure goes
    if len(rest.split()) < 3 or any(f.number_text in rest for f in claim.figures):
        return None  # "how many workers stayed away and 38 ships waited?": one figure a time
    return f"According to {label}, how many {rest}?"


_ASIDE = re.compile(r",\s|;\s|\s[–—-]\s")


_FINITE = re.compile(r"(?!(?:based|aged|located|called|named|known|including|excluding)$)"
                     r"(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|"
                     r"should|did|do|does|died|remain|remained|[a-z]+ed|fell|rose|went|came|"
                     r"left|took|made|lost|won|saw|got|ran|fled|hit|put|set|held|met|stood)")


def _estimate_at(claim: Claim, figure: Figure, article_text: str = "") -> str | None:
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
    if common_word(subject, article_text):
        subject = subject[0].lower() + subject[1:]  # "Railway officials" opened the sentence
    verb = cue[-1].lower()
    adverbs = " ".join(w for w in cue[:-1] if w.lower() not in _AUXILIARY)
    subject = f"{subject} {adverbs}" if adverbs else subject  # "had X earlier put", not
    cue = [w for w in cue[:-1] if w.lower() in _AUXILIARY] + cue[-1:]  # "had earlier X put"
    if len(cue) > 1:
        aux = " ".join(cue[:-1])
    else:
        aux = "does" if verb.endswith("s") else "did" if verb == "put" else "do"  # "put": past
        verb = verb.rstrip("s") if verb.endswith("s") and verb != "puts" else verb
        verb = "put" if verb == "puts" else verb
    return f"What figure {aux} {subject} {verb} {found.group('np')} at?"
