"""Capitals: tell a common word that opens a sentence from a name, by how the article writes
its words, and name a claim for a prompt with its capital kept when unsure."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from quizapp.core.questions.pointers import LOWER_OK


def lower_first(text: str, article: str = "") -> str:
    """Lower-case the first word when it is a common word, not a name: a function word, a
    participle opening the sentence ("Using data ..."), or a word the article writes in lower
    case more often than capitalised mid-sentence ("Mortgage approvals ...")."""
    first = text.split(" ", 1)[0]
    if first.lower().strip("’'\"“‘") in LOWER_OK and not (first.isupper() and len(first) > 1):
        return text[0].lower() + text[1:]
    head = first.split("-", 1)[0].lower()
    if "-" in first and first[1:].islower() and (head in LOWER_OK or head in _ORDINALS):
        return text[0].lower() + text[1:]  # "On-loan Elia scored", "Seventh-placed Liverpool"
    if common_word(text, article):
        return text[0].lower() + text[1:]
    return text


_ORDINALS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    half well long short high low""".split())
_OPENERS = frozenset(
    """just among between elsewhere meanwhile despite under without within across against amid
    following including earlier later originally overall instead still yet also even then once
    nearly almost roughly only total last next""".split()
)


@lru_cache(maxsize=16384)
def common_word(text: str, article: str = "") -> bool:
    """Tell whether the capitalised first word of `text` is a common word that only opens a
    sentence, not a name; a word followed by another capitalised one may be part of a name."""
    words = text.split()
    first = words[0].rstrip(",;:") if words else ""
    if not first[:1].isupper() or first.isupper() or not re.fullmatch(r"[A-Za-z][a-z’'-]*", first):
        return False
    if len(words) > 1 and words[1][:1].isupper():
        return False  # "Reform UK", "Playmaker Christian Eriksen": keep as written
    word = first.lower()
    if word in _OPENERS:
        return True
    lower, capital = word_cases(article)
    if word.endswith("ing") and capital[word] == 0:
        return True  # "Using data ...", "Running in only his third marathon ..."
    return lower[word] > capital[word]


def unsure_capital(text: str, article: str) -> bool:
    """Tell whether `text` opens with a capitalised word the article never writes mid-sentence
    (in either case): it may be a name or a common word that opened its sentence, so the text
    is best quoted as written ("this claim: “Mortgage approvals fell ...”")."""
    first = text.split(" ", 1)[0].rstrip(",;:")
    if not first[:1].isupper() or first.isupper() or not first.isalpha():
        return False
    lower, capital = word_cases(article)
    word = first.lower()
    return lower[word] == 0 and capital[word] == 0 and word not in possessives(article)


def lower_described(label: str, article: str) -> str:
    """Return a described source as it reads mid-sentence: "Local doctors" and "Railway
    officials" in lower case when no later word is a name and the article writes the first
    word in lower case, or never writes it mid-sentence at all (it only opened a sentence)."""
    label = lower_first(label, article)
    if label[:1].isupper() and not any(w[:1].isupper() for w in label.split()[1:]) and \
            unsure_capital(label, article):
        return label[0].lower() + label[1:]
    return label


#: A connective or a time counted from the sentence before, opening a claim ("Meanwhile, ",
#: "Several hours later, "): no part of the claim a prompt names on its own.
_LEAD_IN = re.compile(r"(?:(?i:however|meanwhile|separately|in addition|moreover|still|yet|"
                      r"instead|then)|(?:[A-Za-z][a-z]+\s+)?(?:[a-z]+\s+)?(?:later|afterwards|"
                      r"after that|before that)|(?i:hours|minutes|days|moments)\s+later),\s+"
                      r"|(?i:(?:a\s+few|several|two|three|four|five|six|\d+)\s+(?:hours|minutes|"
                      r"days|weeks)\s+later)\s+(?=[a-z])")  # "four hours later a second blast"


_TOTAL = re.compile(r"^[Tt]otal\s+(?=\d)")


def claim_phrase(content: str, article: str = "") -> str:
    """Name a claim for a prompt: "the claim that {content}", or "this claim: “{content}”"
    when its first word may be a name or not (so its capital stays as the article wrote it);
    "the words “...”" for a quotation (no "the claim that “I'm sorry ...”")."""
    if content[:1] in "“‘\"" and content.lstrip("“‘\"")[:1].isupper():
        return f"the words {content}"
    content = _TOTAL.sub("a total of ", content)  # "Total 12 passengers were in S1": no
    # "the claim that total 12 passengers were"
    opener = _LEAD_IN.match(content)  # "Several hours later, warplanes struck": later than
    if opener and len(content[opener.end():].split()) >= 5:  # what, the prompt cannot say
        content = content[opener.end():]
    if not unsure_capital(content, article):
        return f"the claim that {content}"
    quoted = f"‘{content}’" if any(q in content for q in "\"“”") else f"“{content}”"
    return f"this claim: {quoted}"


@lru_cache(maxsize=64)
def possessives(article: str) -> frozenset[str]:
    """Return the capitalised words an article writes with a possessive ("Kiptum’s")."""
    return frozenset(m.lower() for m in re.findall(r"\b([A-ZÀ-ÖØ-ÞĀ-Ž][a-z’'-]*?)(?:’s|'s)\b", article))


@lru_cache(maxsize=64)
def word_cases(article: str) -> tuple[Counter[str], Counter[str]]:
    """Return how often each word is written in lower case, and capitalised mid-sentence."""
    lower: Counter[str] = Counter(re.findall(r"\b[a-z][a-z’'-]*\b", article))
    capital: Counter[str] = Counter(
        m.group(1).lower() for m in re.finditer(r"(?<=[a-z,;] )([A-ZÀ-ÖØ-ÞĀ-Ž][a-z’'-]+)\b", article))
    return lower, capital
