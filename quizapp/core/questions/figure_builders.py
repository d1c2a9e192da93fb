"""Figure questions: a figure asked by what it measures, or as a blank in its sentence."""

from __future__ import annotations

import re

from quizapp.core.banks.model import Question
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.asking import figure_prompt, plural, repeats
from quizapp.core.questions.believable import compares
from quizapp.core.questions.citations import evidence_for, mentions
from quizapp.core.questions.consistency import gate_problems
from quizapp.core.questions.corpus import Article, Candidate
from quizapp.core.questions.figure_blanks import (
    context_before,
    summed,
    telling_answer,
    trimmed_forms,
)
from quizapp.core.questions.figure_prompts import estimate_at_prompt, how_many_prompt
from quizapp.core.questions.figure_sources import before_source
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
from quizapp.core.questions.phrasing import figure_variants
from quizapp.core.questions.statements import (
    clause,
    cloze,
    dangling,
    first_word,
    interposed,
    speaker_label,
    strip_lead,
)
from quizapp.core.questions.verdicts import mid_label


def conversion(claim: Claim, figure: Figure) -> bool:
    """Tell whether a figure only converts the one before it ("35 kilometers (22 miles)")."""
    before = claim.text[: figure.start - claim.start]
    after = claim.text[figure.end - claim.start :]
    if figure.topic == "share" and not re.search(r"(?:%|per\s?cent|percent)[^()]{0,15}\(\s*$",
                                                 before):
        return False  # "2,001,926 (55.30%) people": a share of the count, not the count again
    return bool(re.search(r"\d[^()]{0,25}\(\s*(?:about|roughly|around|some)?\s*$", before)
                and re.match(r"[^()]{0,20}\)", after) is not None)


#: A length written before its noun ("a 12-year sentence"), asked with its sentence quoted.
_LENGTH_BEFORE = re.compile(r"-(?:year|month|week|day|hour)$")
#: A verb of saying read as the thing a figure measures.
_SAY_NOUN = re.compile(r"\b(?:give|gives|for|of)\s+(?:said|says|told|added|stated)\b")


#: Nouns of a writer's own enumeration ("three key factors", "two reasons"), never a figure.
_ENUMERATION = re.compile(r"\b(?:factors|reasons|ways|things|lessons|takeaways|themes|pillars)$",
                          re.I)


def figure_questions(article: Article, claim: Claim, figure: Figure,
                     open_book: bool = True) -> list[Candidate]:
    """Ask for a figure by naming what it measures: "According to X, how many ...?", "What
    figure does X give for Y?", "By how much does X say Y rose?" (never a blank in the quoted
    sentence: an open-book reader would only match words); with the blank in the sentence as a
    closed-book fallback (chosen when the open prompt is refused), or alone (`open_book` False)."""
    if figure.noun and figure.value < 20 and _ENUMERATION.search(figure.noun):
        return []  # "There are three key factors in the lead": how the writer counts their
        # own points, not a figure anyone checks
    a = claim.attribution
    speaker = a.speaker
    label = speaker_label(speaker) if a.strength != "none" else ""
    if a.strength == "described" and speaker is not None:
        label = written_label(article, claim, speaker)
    text = article.source.text
    label = mid_label(label, text, a.strength in ("described", "vague")) if label else ""
    if compares(claim, text):
        label = ""  # "36 cents a share, beating the estimate": the figure is not the estimate's
    if before_source(claim, figure):
        label = ""  # "Five people died, and police said ...": the article's own figure
    label = label or "the article"
    content = clause(claim, text) or claim.content.strip().rstrip(".")
    prompt = reads_as_question(how_many_prompt(claim, figure, label)
                               or estimate_at_prompt(claim, figure, text)
                               or level_prompt(claim, figure, label, text), text)
    score = 1.3
    if prompt is None:
        prompt = reads_as_question(figure_prompt(content, figure.text, figure.noun, label,
                                                 plural(label), text), text)
        prompt = prompt and with_scope(prompt, claim, figure)  # "... fell on the month?"
        score = 1.2
    if article.figure_sentences is None:
        article.figure_sentences = article_figures(article.sentence_claims())
    figures = article.figure_sentences
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
    if prompt is not None and figure.topic != "share" and re.search(
            r"\bgive for (?:the\s+)?(?![A-ZÀ-ÖØ-ÞĀ-Ž]{2,}\?)[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.’'-]*)*\?$",
            prompt):
        prompt = None  # "What figure does the Times give for Amazon?": a name, not what the
        # figure counts
    given = re.match(r"What figure (?:does|do) .+? give for (.+)\?$", prompt or "")
    if given and not _SCOPED.search(given.group(1)) and any(
            f is not figure and f.topic == figure.topic and f.unit == figure.unit
            for f in claim.figures):
        prompt = None  # "What figure does X give for the CFR?" of "up to 50% untreated, below
        # 1% treated": two figures answer it; quote the sentence instead
    if prompt is not None and re.search(r"\bhow many (?:others?|more|further|additional)\b",
                                        prompt, re.I):
        prompt = None  # "how many other bodies ...?": other than what? Quote the sentence
    if prompt is not None:
        prompt = _ALSO.sub("", prompt)  # "how many people were also injured?": besides whom?
        prompt = _self_pronoun(claim, prompt, label)
    if prompt is not None and (_SAY_NOUN.search(prompt) or repeats(prompt, label)):
        prompt = None  # "How many cases do health authorities say health authorities
        # reported?", "What figure do they give for said hospitals?": quote the sentence
    if prompt is not None and _LENGTH_BEFORE.search(figure.text):
        prompt = None  # "staff were working 16-hour shifts": the length of the noun after it
    if prompt is not None and _ADDED_TO.search(claim.text, figure.end - claim.start):
        prompt = None  # "300 staff lose their jobs on top of the 150 cut in March": how
        # many in all? Quote the sentence instead
    if prompt is not None and re.search(r"\brespectively\b", claim.text):
        prompt = None  # "grew 12 per cent and 7 per cent respectively": which is whose?
    if prompt is not None and not unique_prompt(prompt, label, claim, figure, figures):
        prompt = None  # another sentence gives another figure for it: which one?
    if not open_book or interposed(claim) or _GRADE_BEFORE.search(
            claim.text, 0, figure.start - claim.start):
        prompt = None  # "Rates, the report said, had fallen": asked with the sentence quoted
        # (and "a Stage Three emergency": a grade's name, never "how many emergency")
    if prompt is not None and first_word(claim) and not re.search(
            r"\b(?:originally|initially|first|previously|earlier|at first)\b", prompt):
        prompt = None  # "officials initially said 300": quoted with its "initially"
    if prompt is not None and (dangling(prompt) or mentions(prompt, [figure.text,
                                                                    figure.number_text])):
        prompt = None  # "How many people had died there?": where? Quote the sentence instead
    if figure.value == 2 and (_RECIPROCAL.match(claim.text, figure.end - claim.start) or (
            _CRASH_OF_TWO.match(claim.text, figure.end - claim.start) and re.search(
                r"\b(?:crash|crashes|collision|collided|involving)\b", claim.text))):
        return []  # "two trains collided", "a crash involving two passenger trains": a
        # collision takes two, no reading needed
    closed_book = False
    context: Claim | None = None
    answer, end = figure.text, figure.end
    if prompt is None and ("(" in figure.text or any(
            o is not figure and o.start <= figure.start and figure.end <= o.end
            for o in claim.figures)):
        return []  # "$4.1 billion (€3.8 billion) to $4.3 billion": a blank over a range
        # around a conversion, or on the conversion inside it, reads as a puzzle
    if prompt is None and _DENOMINATOR.search(claim.text, 0, figure.start - claim.start):
        return []  # "almost three out of ___", "nine in every ___": the base of a share is
        # ten or a hundred by habit, no reading needed
    restated = prompt is None and _restated_beside(claim, figure)
    if restated and claim.text[max(0, figure.start - claim.start - 1) :
                               figure.start - claim.start] == "(":
        return []  # "nearly four in ten teachers (___)": the words give it away (and
        # the blank on the words is asked with the brackets left out)
    if prompt is None and summed(claim, figure):
        return []  # "Of the 31 killed, 17 were in A, eight in B, four in C and two in D": a
        # blank on any of them is sums, not recall
    if prompt is None and _BARE_SUBJECT.match(claim.text[figure.end - claim.start :]) and not (
            claim.text[: figure.start - claim.start].strip(" “‘\"")):
        return []  # "___ are facing rising bills.": a blank that was the whole subject leaves
        # no one the sentence is about
    if prompt is None:  # a blank in the sentence: fit for recall only, never for open book
        answer, end = telling_answer(claim, figure)
        if end < 0:
            return []
        start = end - len(answer)  # the figure, or with the words that tell it apart
        filled = cloze(claim, start, end, speaker)
        if filled is None:  # "It reported ...": quote the sentence before
            context = context_before(article, claim, [answer, figure.number_text])
            filled = context and cloze(claim, start, end, speaker, context.text)
        whole = filled and (context is None or len(context.text) + len(filled) <= _LONG_PASSAGE)
        if whole and answer != figure.text and answer.endswith(figure.text):
            # "are ___" for "are forecast at 2.9 per cent", its twin in another sentence of
            # the quotation: that sentence alone, if it reads
            whole = not any(telling_answer(t, figure)[0] == figure.text
                            for t in trimmed_forms(claim, start, end))
        for trimmed in ([] if whole else trimmed_forms(claim, start, end)):
            # one sentence of a long quotation; "..., but the effects on these varied": stop
            # (cut rather than quoted with a long sentence before)
            own, own_end = telling_answer(trimmed, figure)  # "is projected at ___": the
            # number's twin was in another sentence of the quotation, so the figure alone
            if own_end < 0:
                continue
            cut = cloze(trimmed, own_end - len(own), own_end, speaker)
            if cut:
                filled, context, answer = cut, None, own
                break
        if filled is not None and restated:
            filled = _BRACKETED_SHARE.sub("", filled, count=1)
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
    if not closed_book:  # "shed 92.40 points, or 1.8%": asked "by how much", both answer it
        accept = [*accept, *_restated_as(claim, figure)]
    if answer != figure.text and answer.endswith(figure.text):
        accept = [figure.text, *accept]  # "projected at 6.5 per cent": the figure alone too
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


#: Characters of a passage (the sentence before and the blanked one) past which a sentence
#: cut short reads better.
_LONG_PASSAGE = 320
_RECIPROCAL = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:(?:have|had|were)\s+)?(?:collided|"
                         r"clashed|met|merged|married|fought|crashed into each other|drew|"
                         r"tied)\b")
#: A capitalised grade word before the number that names it: "Stage Three", "Category 4".
_GRADE_BEFORE = re.compile(r"\b(?:Stage|Level|Phase|Category|Grade|Tier|Class)\s+$")
#: Words of a label that tell one figure of a sentence from another: "in Q2", "for 2024".
_SCOPED = re.compile(r"\b(?:Q[1-4]|H[12]|(?:19|20)\d\d|[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž][\w-]*|first|second|third|fourth|"
                     r"next|last|this)\b")  # (a name, "the Greens", tells them apart; an
# acronym, "the CFR", may be the measure itself)
_DENOMINATOR = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                          r"(?:in|out\s+of)\s+(?:every\s+)?$", re.I)
_RATIO_WORDS = re.compile(r"\b(?:\w+\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\w+|\d+)|half|a\s+third|"
                          r"two[\s-]thirds|a\s+quarter|three[\s-]quarters|a\s+fifth)\b", re.I)


#: A share in brackets, restating the words before it: " (38%)".
_BRACKETED_SHARE = re.compile(r"\s*\(\s*[\d.]+\s*(?:%|per\s?cent)\)")


def _self_pronoun(claim: Claim, prompt: str, label: str) -> str:
    """Return a prompt whose content opens with its own speaker ("does the union say the CGT
    counted") with the speaker as a pronoun ("does the union say it counted")."""
    a = claim.attribution
    if a.mention_start < 0 or a.speaker is None or a.speaker.kind not in ("org", "anaphor"):
        return prompt
    written = claim.text[a.mention_start - claim.start : a.mention_end - claim.start].strip()
    if len(written) < 2:
        return prompt
    pronoun = "they" if plural(label) else "it"
    return re.sub(rf"\b((?:does|do)\s+{re.escape(label)}\s+say\s+)(?:the\s+)?{re.escape(written)}"
                  r"\s+(?=[a-z])", rf"\g<1>{pronoun} ", prompt, count=1, flags=re.I)


def _restated_beside(claim: Claim, figure: Figure) -> bool:
    """Tell whether a share is said twice side by side, in words and as a percentage in
    brackets ("nearly four in ten teachers (38%)")."""
    text, at, end = claim.text, figure.start - claim.start, figure.end - claim.start
    if text[max(0, at - 1) : at] == "(" and "%" in figure.text + text[end : end + 2]:
        return _RATIO_WORDS.search(text, max(0, at - 60), at) is not None
    after = re.match(rf"(?:\s+[a-z-]+){{0,4}}{_BRACKETED_SHARE.pattern}", text[end:])
    return after is not None and _RATIO_WORDS.search(text, max(0, at - 30),
                                                     end + after.end()) is not None


_CRASH_OF_TWO = re.compile(r"\s+(?:[a-z-]+\s+)?(?:trains|vehicles|cars|planes|aircraft|jets|ships|"
                           r"boats|vessels|buses|lorries|trucks|helicopters)\b")
_BARE_SUBJECT = re.compile(r"\s+(?:are|were|is|was|have|had|say|said|will|would|could|"
                           r"believe|think|expect|want|oppose|support|agree|disagree)\b")
_ADDED_TO = re.compile(r"\b(?:in addition to|on top of|besides|as well as)\s+(?:the\s+|an?\s+)?"
                       r"(?:\w+\s+)?[\d$£€]")


_ALSO = re.compile(r"(?<=\s)also\s+(?=[a-z])")
_OR_AGAIN = re.compile(r",?\s+or\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?")


def _restated_as(claim: Claim, figure: Figure) -> list[str]:
    """Return the forms of the figure that restates this one in other units, right after or
    before it ("fell 185.58, or 2.1%"), or []."""
    for other in claim.figures:
        lo, hi = (figure, other) if figure.end <= other.start else (other, figure)
        if other is not figure and other.start != figure.start and _OR_AGAIN.fullmatch(
                claim.text[lo.end - claim.start : hi.start - claim.start]) and (
                other.topic != figure.topic or other.unit != figure.unit):
            return [v for v in (other.text, *figure_variants(other))
                    if v != other.number_text]  # "2.1%", never a bare "2.1" (points?)
    return []


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
