"""Shared wording of generated prompts: a source as the article writes it, a quoted sentence,
and the check that a figure or date prompt reads as a question."""

from __future__ import annotations

import re

from quizapp.core.claims.extract import Claim
from quizapp.core.questions.capitals import common_word, unsure_capital, word_cases
from quizapp.core.questions.citations import written_source
from quizapp.core.questions.corpus import Article

_LOOSE_END = re.compile(r"\b(?:when|where|while|the|a|an|who|whom|which|that|and|but|or|because|"
                        r"who have|who has|if|as|than|its|their|his|her|next|past|last|"
                        r"coming|previous|following|another|further|first|same|this|these|"
                        r"those)\?$", re.I)  # "... notified over the next?": a noun cut
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
    if _SUBJUNCTIVE.search(prompt):
        return None  # "how many jobs be saved?": a request's words ("urged that 300 jobs be
        # saved") make no question
    return prompt


_SUBJUNCTIVE = re.compile(r"\b(?:how many|how much)\s+(?:[\w-]+\s+){0,3}?"
                          r"(?<!\bwill\s)(?<!would\s)(?<!\bcan\s)(?<!could\s)(?<!\bmay\s)"
                          r"(?<!might\s)(?<!\bmust\s)(?<!should\s)(?<!\bto\s)(?<!\bnot\s)"
                          r"be\s+[a-z]+(?:ed|en)\b")


def quoted(text: str) -> str:
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
            w[:1].isupper() for w in text.split()[1:]) and not _written_capital(
            first, article.source.text):
        return text[0].lower() + text[1:]  # "Railway officials" mid-sentence, not "Rourkela"
    return text


def _written_capital(word: str, text: str) -> bool:
    """Tell whether the article writes a word capitalised mid-sentence and never in lower case
    (a name: "the train left Rourkela")."""
    lower, capital = word_cases(text)
    return capital[word.lower()] > 0 and lower[word.lower()] == 0
