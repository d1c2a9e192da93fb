"""A speaker: who a claim is attributed to, and a speaker as read from one phrase."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a claim is attributed to; `mention` is the fullest form written in the article."""

    name: str  # "Oleksandr Kindratenko", "Joint Chiefs of Staff", "reports"
    description: str  # "Ukrainian military spokesperson Colonel", "" when none
    mention: str  # "Ukrainian military spokesperson Colonel Oleksandr Kindratenko"
    short_forms: tuple[str, ...]  # ("Kindratenko",), ("JCS",)
    kind: str  # "person", "org" or "vague"
    mention_start: int = -1  # offset of `mention` in the clean text, -1 when not written there
    definite: bool = False  # the article writes "the" before `mention` ("the Environment Agency")
    indefinite: str = ""  # "a" or "an" when the article writes it before `mention`


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """A speaker as read from one phrase, before the article's speakers are merged."""

    name: str
    description: str
    mention: str  # contiguous substring of the phrase holding description and name
    kind: str  # "person", "org", "vague", "pronoun", "anaphor" or "unknown"
    acronym: str = ""
