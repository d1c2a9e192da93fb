"""Words that point outside a sentence: "he", "this", "there", "the figure" with nothing in
the sentence for them to mean, so a prompt that quotes the sentence would not read on its own."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.claims.speakers import ORG_WORDS

#: Nouns that point back to a figure given earlier ("put the figure at 49").
_BACK_NOUN = re.compile(r"\bthe (figure|number|total|tally|count)\b(?!\s+(?:of|for)\b)", re.I)
LOWER_OK = frozenset(
    """the a an at more most over about around almost nearly up some approximately roughly less
    fewer many several all both each no only one two three four five six seven eight nine ten in
    on by for from with since during after before as if when while this that these those it
    there their his her its our thousands hundreds dozens millions tens""".split()
)

_PRONOUN = re.compile(
    r"\b(he|she|him|his|her|they|them|their|it|its|this|these|those|here|there|we|our|us|i|me|my|"
    r"such)\b",
    re.IGNORECASE,
)
_TIME_NOUN = re.compile(
    r"\s+(?:year|month|week|weekend|season|summer|winter|spring|autumn|fall|morning|afternoon|"
    r"evening|days|time)\b"
)
_PLURAL_NOUN = re.compile(r"\b[A-Za-z][a-z]+s\b")
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*(?:\s+(?:of\s+|and\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*)*")
_SAME = re.compile(r"\bthe same\s+\w+\b(?!\s+(?:as|that)\b)", re.IGNORECASE)


_THOSE_DEFINED = re.compile(
    r"\s+(?:who|whom|whose|which|that|with|without|in|on|at|from|aged|under|over|"
    r"[a-z]+ed)\b")
_THAT_NOUN = re.compile(r"\b(?:of|in|for|on|at|from|by|with|to|into)\s+that\s+[a-z]+\b")


@lru_cache(maxsize=16384)
def quote_free(text: str) -> str:
    """Return `text` with quotations blanked out (their pronouns belong to the speaker)."""
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group()), text)
    text = re.sub(r"(?<![\w])‘.*?’(?![\w])", lambda m: " " * len(m.group()), text)
    return re.sub(r"(?<![\w])'(?=[A-Za-z]).*?[^\s]'(?![\w])", lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=16384)
def dangling(text: str, pointers: bool = True) -> bool:
    """Tell whether `text` has a pronoun or demonstrative that may point outside it; with
    `pointers` False, "there", "such" and "the same"/"the figure" count as resolved (the text
    quotes the sentence before)."""
    plain = quote_free(text)
    for match in _PRONOUN.finditer(plain):
        if match.group(1).isupper() and len(match.group(1)) > 1:
            continue  # "US cents", "IT staff": an acronym, not a pronoun
        word = match.group(1).lower()
        if word == "such" and re.match(r"\s+as\b", plain[match.end():]):
            continue  # "factors such as age": an example, not a pointer
        if not pointers and word in ("there", "here", "such"):
            continue
        if not pointers and word in ("this", "these") and re.search(
                r"[.!?][”\"’']?\s+$", plain[: match.start()]):
            continue  # "... rose to $76m. This will ...": the sentence before, quoted too
        if word in ("this", "these") and _TIME_NOUN.match(plain, match.end()):
            continue  # "this year", "these days"
        if word == "those" and _THOSE_DEFINED.match(plain, match.end()):
            continue  # "those who backed the party", "17% of those polled"
        if word in ("this", "these", "those", "such", "here", "we", "our", "us", "i", "me", "my"):
            return True
        if word == "there" and not re.match(r"there\s+(?:is|are|was|were|have|has|had)\b",
                                            plain[match.start():], re.IGNORECASE):
            return True
        earlier = plain[: match.start()]
        if word in ("they", "them", "their"):
            if not _PLURAL_NOUN.search(earlier) and not re.search(r"\bthose\b", earlier, re.I):
                return True
        elif word in ("he", "she", "him", "his", "her"):
            if not _person_before(earlier):
                return True
        elif word in ("it", "its") and len(earlier.split()) < 3:
            if not re.match(r"it\s+(?:is|was)\s+\w+\s+(?:that|to)\b", plain[match.start():], re.I):
                return True
    # "in the same period", "share of that market": which period, which market?
    return pointers and bool(_SAME.search(plain) or _THAT_NOUN.search(plain) or any(
        not re.search(rf"\b{back.group(1)}\b", plain[: back.start()], re.I)
        for back in _BACK_NOUN.finditer(plain)))  # not "raised the number of homes to 7,000
    # and said the number will climb": the sentence names its number first


def _person_before(earlier: str) -> bool:
    """Tell whether a name that may be a person's (not an organisation's) precedes a pronoun."""
    for match in _NAME.finditer(earlier):
        words = match.group().split()
        if match.start() == 0 and words[0].lower() in LOWER_OK:
            words = words[1:]  # "The ...": a sentence's first word is capitalised anyway
        if not words:
            continue
        if not any(w.lower().strip("’'s") in ORG_WORDS or w.lower() in ORG_WORDS for w in words):
            return True
    return False


#: "this analysis", "these factors": a demonstrative before a noun, not a pronoun before a verb
#: or preposition ("these varied", "those in power").
_DEMONSTRATIVE = re.compile(
    r"\b(?:this|these|those|such)\b(?=\s+(?![a-z]+ed\b|(?:are|were|is|was|have|has|had|will|"
    r"would|could|can|may|might|must|should|do|does|did|include|includes|show|shows|suggest|"
    r"suggests|mean|means|say|says|remain|remains|and|or|of|in|on|to|for|at|by|with|from|as)\b)"
    r"(?:[a-z]|\d[\d,.]*%?\s+['‘\"“]?[a-z]))", re.IGNORECASE)


FIRST_PLURAL = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def leans_outside(text: str, pointers: bool = True) -> bool:
    """Tell whether a quoted sentence leans on words outside it, a demonstrative before a noun
    ("this analysis", "these 10 cancers") counting as resolved."""
    return dangling(_DEMONSTRATIVE.sub("the", text), pointers)
