"""Statements built from claims: the reported clause, cloze sentences and speaker labels, all
checked to read on their own (no "he" or "this" pointing outside the text)."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.claims import VAGUE_SPEAKER, Claim
from quizapp.core.speakers import Speaker

MAX_STATEMENT = 240
_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"'}
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
_NAME = re.compile(r"\b[A-Z][a-z]+\b")
_LOWER_OK = frozenset(
    """the a an at more most over about around almost nearly up some approximately roughly less
    fewer many several all both each no only one two three four five six seven eight nine ten in
    on by for from with since during after before as if when while this that these those it
    there their his her its our thousands hundreds dozens millions tens""".split()
)


def quote_free(text: str) -> str:
    """Return `text` with quotations blanked out (their pronouns belong to the speaker)."""
    text = re.sub(r"“[^”]*”|\"[^\"]*\"", lambda m: " " * len(m.group()), text)
    return re.sub(r"(?<![\w])‘.*?’(?![\w])", lambda m: " " * len(m.group()), text)


def dangling(text: str) -> bool:
    """Tell whether `text` has a pronoun or demonstrative that may point outside it."""
    plain = quote_free(text)
    for match in _PRONOUN.finditer(plain):
        word = match.group(1).lower()
        if word in ("this", "these") and _TIME_NOUN.match(plain, match.end()):
            continue  # "this year", "these days"
        if word in ("this", "these", "those", "such", "here", "we", "our", "us", "i", "me", "my"):
            return True
        if word == "there" and not re.match(r"there\s+(?:is|are|was|were|have|has|had)\b",
                                            plain[match.start():], re.IGNORECASE):
            return True
        earlier = plain[: match.start()]
        if word in ("they", "them", "their"):
            if not _PLURAL_NOUN.search(earlier):
                return True
        elif word in ("he", "she", "him", "his", "her"):
            if not _NAME.search(earlier[1:]):
                return True
        elif word in ("it", "its") and len(earlier.split()) < 3:
            if not re.match(r"it\s+(?:is|was)\s+\w+\s+(?:that|to)\b", plain[match.start():], re.I):
                return True
    return False


def balance_quotes(text: str) -> str:
    """Close a quotation left open and drop a dangling closing mark."""
    text = text.strip()
    for opener, closer in _OPEN_CLOSE.items():
        if opener == closer:
            if text.count(opener) % 2:
                text = text + opener if text.startswith(opener) else text.replace(opener, "", 1)
            continue
        opens, closes = text.count(opener), len(re.findall(rf"{closer}(?!\w)", text))
        if opens > closes:
            text += closer
        elif closes > opens and text.endswith(closer):
            text = text[:-1]
    return text


def lower_first(text: str) -> str:
    """Lower-case the first word when it is a common word, not a name."""
    first = text.split(" ", 1)[0]
    if first.lower().strip("’'\"“‘") in _LOWER_OK and not first.isupper():
        return text[0].lower() + text[1:]
    return text


@lru_cache(maxsize=1024)
def clause(claim: Claim) -> str | None:
    """Return the reported content of a claim as a clause fit for "... that {clause}", or None."""
    a = claim.attribution
    if a.strength == "none" or a.frame in ("passive", "vague"):
        text = claim.text if a.frame != "vague" else claim.content
    else:
        text = claim.content
    text = text.strip().strip(",;:—– ").rstrip(".")
    text = _estimate_clause(claim, text)
    text = balance_quotes(text)
    if len(text.split()) < 4 or len(text) > MAX_STATEMENT or dangling(text):
        return None
    if text[0] in "“‘\"":
        return text
    return lower_first(text)


def _estimate_clause(claim: Claim, text: str) -> str:
    """Rewrite the object of "estimates place N at F" as the clause "N stand at F"."""
    a = claim.attribution
    if a.cue_end < 0:
        return text
    verb = claim.text[a.cue_start - claim.start : a.cue_end - claim.start].split()[-1:]
    if verb and verb[0].lower() in ("place", "places", "put", "puts"):
        found = re.match(r"(?P<np>[^,;]{3,80}?)\s+at\s+(?P<rest>.+)$", text)
        if found:
            np = found.group("np")
            stand = "stand" if np.endswith("s") else "stands"
            return f"{np} {stand} at {found.group('rest')}"
    return text


def speaker_label(speaker: Speaker | None) -> str:
    """Return how a prompt names a speaker mid-sentence ("U.K. defense intelligence", "a Russian
    account"); "" for the anonymous marker of "reportedly" or "it is estimated"."""
    if speaker is None or speaker is VAGUE_SPEAKER:
        return ""
    label = speaker.mention or speaker.name
    if speaker.kind == "vague":
        first = label.split(" ", 1)[0]
        if first.lower() in _LOWER_OK or first.lower() in _VAGUE_START:
            return label[0].lower() + label[1:]
    return label


_VAGUE_START = frozenset(
    """reports report officials sources experts analysts intelligence earlier senior military
    government police western local""".split()
)


def cloze(claim: Claim, start: int, end: int, speaker: Speaker | None) -> str | None:
    """Return the claim sentence with `text[start:end]` blanked and a pronoun speaker named."""
    a = claim.attribution
    text = claim.text
    pieces: list[tuple[int, int, str]] = [(start, end, "___")]
    if a.mention_start >= 0 and speaker is not None and a.strength == "named":
        mention = text[a.mention_start - claim.start : a.mention_end - claim.start]
        if mention.lower() in ("he", "she", "they"):
            name = speaker.name
            if a.mention_start == claim.start:
                name = name[0].upper() + name[1:]
            pieces.append((a.mention_start, a.mention_end, name))
    for s, e, repl in sorted(pieces, reverse=True):
        text = text[: s - claim.start] + repl + text[e - claim.start :]
    text = balance_quotes(text)
    if len(text) > MAX_STATEMENT + 60 or dangling(text.replace("___", "")):
        return None
    return text
