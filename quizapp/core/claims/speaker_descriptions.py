"""Described speakers: tell whether a common-noun phrase describes a source without naming it
("a rescuer", "his lawyers") and whether its head is a known kind of source."""

from __future__ import annotations

import re

from quizapp.core.claims.speaker_words import (
    DOCUMENT_HEADS,
    INSTITUTION_HEADS,
    ORG_NOUNS,
    PRONOUNS,
    TITLES,
    VAGUE_HEADS,
    VERB_HEADS,
    VERB_OBJECT,
)

CLAUSE_WORDS = frozenset(
    """is are was were have has had will would can could should may might that which not it they
    if when because than to be been being do does did""".split()
)


#: Heads that are no source even as the subject of a verb like "show" ("the figure shows").
_NOT_SOURCE = frozenset(
    """year years month months week weeks day days time times way fact case cases number numbers
    figure toll rate rates price prices share shares market markets move result results change
    changes rise fall increase decrease growth total amount level levels trend issue problem
    idea plan deal talks decision news proportion percentage majority minority half third quarter
    fifth tenth revenue revenues sales profit profits earnings income output inflation demand
    road roads sector sectors economy economies industry industries category categories
    segment segments pickup recovery slowdown downturn upturn boom slump surge crisis""".split()
)


def describes(words: list[str]) -> bool:
    """Tell whether a common-noun phrase (in a speaker's place before or after a verb of saying)
    describes a person, group or document without naming it."""
    head = words[-1].strip("’'")
    if len(words) > 7 or not re.fullmatch(r"[a-z0-9][a-z0-9-]*[a-z]", head) or head in _NOT_SOURCE:
        return False
    if (len(head) > 5 and head.endswith("ing")) or head in VERB_HEADS or (
            head.endswith("ed") and any(w.lower() in _NOT_SOURCE for w in words[:-1])):
        return False  # "given growing (fears)", "Mr Vale gave (forecasts)", "The fall raised"
    pairs = zip(words, words[1:], strict=False)
    if any(w.lower() in _NOT_SOURCE and n.endswith("ing") for w, n in pairs):
        return False  # "the death toll following the floods": no source
    if any(w.endswith("ed") and n.lower() in VERB_OBJECT for w, n in zip(
            words[1:], words[2:], strict=False)):
        return False  # "the unit tracked down a man", "efforts continued through much": a clause
    return not any(w.lower() in CLAUSE_WORDS or w.lower() in PRONOUNS or w.lower() in _SAID
                   or w.lower() in ("who", "whom", "whose", "what", "which") for w in words)


#: Verbs of saying inside a phrase make it a clause, not a speaker ("X reported a better-than").
_SAID = frozenset("said says told reported announced added asked".split())


def named_source_head(name: str) -> bool:
    """Tell whether a described source's head is a listed kind of source (officials, the study,
    the ministry, a spokesman), not just any plural ("rising costs")."""
    head = name.lower().split()[-1].strip("’'") if name.split() else ""
    return head in VAGUE_HEADS or head in DOCUMENT_HEADS or head in INSTITUTION_HEADS or \
        head in ORG_NOUNS or head in TITLES


def known_source_head(name: str) -> bool:
    """Tell whether a described source's head is a known kind of source (officials, the study,
    the army, the company) or a plural group (survivors, eyewitnesses)."""
    head = name.lower().split()[-1].strip("’'") if name.split() else ""
    return named_source_head(name) or (head.endswith("s") and not head.endswith("ss"))
