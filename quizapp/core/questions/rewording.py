"""Rewording a statement so that a verdict is not found by matching words: the article's
"rose 5 per cent to $9.4 billion" becomes "climbed 5% to $9.4 billion". Each change keeps the
meaning (a movement verb for its synonym, "per cent" for "%", a change noun for its synonym)
and none is made inside a quotation, whose words are the speaker's own."""

from __future__ import annotations

import re

from quizapp.core.questions.pointers import quote_free

#: Movement verbs and a synonym, swapped only before what measures the movement ("rose by",
#: "fell to", "climbed 3%"), never as an adjective ("an increased risk", "a dropped case").
_VERBS = {
    "rose": "climbed", "climbed": "rose", "fell": "dropped", "dropped": "fell",
    "increased": "rose", "decreased": "fell", "declined": "fell", "jumped": "rose",
    "slipped": "fell", "dipped": "fell", "grew": "rose", "surged": "jumped",
    "plunged": "fell", "tumbled": "fell",
}
_MEASURE = r"(?=\s+(?:by|to|from|about|around|nearly|almost|some|more|over|roughly|[$€£¥₹]|\d))"
_VERB = re.compile(rf"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!\bbeen )(?<!\bhaving )"
                   rf"\b({'|'.join(_VERBS)}){_MEASURE}")  # never "have fell" for "have dropped"
#: Change nouns after their size ("a 1 per cent rise in profits", "a 4% drop in sales").
_NOUNS = {"rise": "increase", "increase": "rise", "drop": "fall", "fall": "drop",
          "decline": "fall", "jump": "rise", "gain": "rise"}
_NOUN = re.compile(rf"(?<=\d|%|t)\s+({'|'.join(_NOUNS)})(?=\s+in\b)")
_PER_CENT = re.compile(r"(?<=\d)\s+per\s?cent\b|(?<=\d)%")


def reword(statement: str) -> str:
    """Return the statement with its movement verbs, change nouns and per-cent signs said
    another way outside quotations; unchanged where none is found."""
    if not (_VERB.search(statement) or _NOUN.search(statement) or _PER_CENT.search(statement)):
        return statement  # nothing to say another way: no quotation to blank out either
    plain = quote_free(statement)
    edits: list[tuple[int, int, str]] = []
    for match in _VERB.finditer(plain):
        edits.append((match.start(1), match.end(1), _VERBS[match.group(1)]))
    for match in _NOUN.finditer(plain):
        edits.append((match.start(1), match.end(1), _NOUNS[match.group(1)]))
    for match in _PER_CENT.finditer(plain):
        edits.append((match.start(), match.end(), "%" if match.group() != "%" else " per cent"))
    for start, end, new in sorted(edits, reverse=True):
        statement = statement[:start] + new + statement[end:]
    return statement


#: A discourse connective or a relative time opening the clause ("However, ", "Several months
#: earlier, "): never a date, which may tell one event from another.
_OPENING = re.compile(r"(?:(?i:however|meanwhile|separately|elsewhere|in addition|moreover|"
                      r"still|yet)|(?:[A-Za-z][a-z]+\s+)?(?:[a-z]+\s+)?(?:earlier|later)),\s+")
#: A connective set inside the clause: "The Tories, however, have", "Prices meanwhile rose".
_ASIDE_ADVERB = re.compile(r",\s+(?:meanwhile|however|though|in turn|for (?:their|its|his|her) "
                           r"part|by contrast),(?=\s)|(?<=[a-z])\s+meanwhile(?=\s+[a-z])")
#: A clause that only adds to a finished claim: ", beating the estimate by a penny".
_ADDED = re.compile(r",\s+(?:[a-z]{3,}ing\s+(?=(?:the|an?|its|his|her|their|that|it|them|more|"
                    r"up|down|in|on)\b)|(?:while|whereas|which|but)\s)")


def trimmed(content: str, kept: list[str]) -> str:
    """Return a claim's clause without a short opening adverbial of time and without a clause
    that only adds to it after its last figure (`kept`: number texts that must stay), so that a
    statement about it is no copy of its sentence; the clause itself when nothing is cut."""
    if not kept or content[:1] in "“‘\"'" or '"' in content or "“" in content:
        return content
    opening = _OPENING.match(content)
    if opening and not any(k in content[: opening.end()] for k in kept):
        rest = content[opening.end():]
        if len(rest.split()) >= 6:
            content = rest
    content = _ASIDE_ADVERB.sub("", content)  # "the Conservatives meanwhile have dropped"
    last = max((content.rfind(k) + len(k) for k in kept if k in content), default=-1)
    added = _ADDED.search(content, last) if last > 0 else None
    if added and len(content[: added.start()].split()) >= 6:
        content = content[: added.start()]
    return content
