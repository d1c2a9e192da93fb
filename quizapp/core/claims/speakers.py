"""Speakers: read a speaker phrase ("Ukrainian military spokesperson Colonel Oleksandr Kindratenko")
into name, description and kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizapp.core.claims.speaker_words import (
    DOCUMENT_HEADS,
    FIRM_NOUNS,
    GROUP_OF,
    INSTITUTION_HEADS,
    LEADING,
    ORG_NOUNS,
    ORG_WORDS,
    POLLED_BY,
    POSSESSIVES,
    PRONOUNS,
    QUANTITY,
    TITLES,
    TRAILING,
    VAGUE_HEADS,
    VERB_HEADS,
    VERB_OBJECT,
)

__all__ = ["DOCUMENT_HEADS", "INSTITUTION_HEADS", "LEADING", "ORG_NOUNS", "ORG_WORDS", "PRONOUNS",
           "TITLES", "VAGUE_HEADS", "Speaker", "SpeakerPhrase", "initials", "known_source_head",
           "read_speaker", "short_forms"]

_ADJECTIVE_END = ("an", "ian", "ese", "ish", "ic", "ch", "ern", "i")
_CLAUSE_WORDS = frozenset(
    """is are was were have has had will would can could should may might that which not it they
    if when because than to be been being do does did""".split()
)
_ACRONYM = re.compile(r"\s*\(([A-Z](?:[A-Z&.]{1,9}|[a-z]{2,9}))\)\s*$")
_INNER_ACRONYM = re.compile(r"\s\(([A-Z](?:[A-Z&.]{1,9}|[a-z]{2,9}))\)\s+(?=[a-z]+$)")
_PP_CUT = re.compile(r"\s(?:from|in|at|on|with|of|for|close to|familiar with|who|which|that)\s"
                     r"|\s(?:published|released|conducted|carried out)\s(?=(?:in|on|last|this|"
                     r"earlier|today|yesterday)\b)")
_CAPITAL = re.compile(
    r"^(?:[A-Z][\w’'.&-]*|[A-Z]|(?:al|el|bin|ibn|abu|ben|da|de|di|du|le|la)-[A-Z][\w’'.-]*)$")
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december""".split()
)
#: Object pronouns of a speaker ("the IOM quoted him as saying"), read as their subject form.
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_CONNECTORS = frozenset("of for and & the de la del da van von bin al du le".split())


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to; `mention` is the fullest form written in the article."""

    name: str  # "Oleksandr Kindratenko", "Joint Chiefs of Staff", "reports"
    description: str  # "Ukrainian military spokesperson Colonel", "" when none
    mention: str  # "Ukrainian military spokesperson Colonel Oleksandr Kindratenko"
    short_forms: tuple[str, ...]  # ("Kindratenko",), ("JCS",)
    kind: str  # "person", "org" or "vague"
    mention_start: int = -1  # offset of `mention` in the clean text, -1 when not written there
    definite: bool = False  # the article writes "the" before `mention` ("the Environment Agency")


@dataclass(frozen=True)
class SpeakerPhrase:
    """A speaker as read from one phrase, before the article's speakers are merged."""

    name: str
    description: str
    mention: str  # contiguous substring of the phrase holding description and name
    kind: str  # "person", "org", "vague", "pronoun", "anaphor" or "unknown"
    acronym: str = ""


#: A document by an author: the author is the source ("Information requests by the Green Party").
_AUTHORED = re.compile(r".*\b(?:requests|report|study|survey|analysis|review|poll|research|"
                       r"audit)\s+by\s+(?P<author>(?:the\s+)?[A-Z].*)$")


def is_capital(word: str) -> bool:
    """Tell whether `word` is capitalised like a name."""
    return bool(_CAPITAL.match(word))


def _is_adjective(word: str) -> bool:
    """Tell whether a capitalised word reads as a nationality adjective ("Russian")."""
    return word.lower().endswith(_ADJECTIVE_END) and not word.endswith(("’s", "'s"))


def _has_proper_word(words: list[str]) -> bool:
    """Tell whether modifiers hold a proper name, not just nationality adjectives."""
    for word in words:
        if not is_capital(word) or word.lower() in LEADING or word.lower() in POSSESSIVES:
            continue  # "Its humanitarian office": no name
        if word.endswith(("’s", "'s")) or "." in word or word.isupper() or not _is_adjective(word):
            return True
    return False


def _org_words(words: list[str]) -> bool:
    """Tell whether words name an organisation (an organisation word or an acronym)."""
    return any(w.lower().strip(".,()") in ORG_WORDS or (w.isupper() and len(w) > 1) for w in words)


_SPEECH_LEAD = re.compile(r"^(?:says|said|adds|added|notes|noted|told|explains|explained)\s+",
                          re.I)


def strip_leading(phrase: str) -> str:
    """Drop leading determiners, conjunctions and sentence adverbs from a phrase."""
    words = phrase.split()
    while words and words[0].lower().strip(",") in LEADING and len(words) > 1:
        words.pop(0)
    return " ".join(words)


_RANK = re.compile(
    r"(?i)best|worst|most|least|first|second|third|last|next|only|same|latest|biggest|largest|"
    r"highest|lowest|greatest|smallest|earliest|oldest|newest|youngest|strongest|weakest|"
    r"deadliest|fastest|slowest|heaviest|longest|shortest|richest|poorest|busiest|widest|"
    r"closest|nearest|hardest|easiest|cheapest")


def read_speaker(phrase: str) -> SpeakerPhrase | None:
    """Read a speaker phrase into name, description and kind, or None if it is no speaker."""
    phrase = phrase.strip(" ,;:—–-\"'“”‘’")
    # "..., says United Ukraine analyst Aleksey Kushch": the inverted cue is no part of the name
    phrase = _SPEECH_LEAD.sub("", phrase)
    acronym = ""
    found = _ACRONYM.search(phrase)
    if found:
        acronym = found.group(1).replace(".", "")
        phrase = phrase[: found.start()].strip()
    phrase = GROUP_OF.sub("", phrase)  # "A team of researchers": the researchers
    authored = _AUTHORED.match(phrase)
    if authored:  # "Information requests by the Green Party": the party is the source
        author = read_speaker(authored.group("author"))
        if author is not None and author.kind in ("org", "person", "unknown"):
            return author
    polled = POLLED_BY.fullmatch(phrase)
    if polled and polled.group("head").lower() in VAGUE_HEADS:
        text = strip_leading(phrase)  # "analysts polled by Reuters": the analysts, as written
        return SpeakerPhrase(text, "", text, "vague")
    inner = _INNER_ACRONYM.search(phrase)  # "the Democratic Front (DF) party": kept as written
    acronym = inner.group(1).replace(".", "") if inner else acronym
    for cut in _PP_CUT.finditer(phrase):
        before = phrase[: cut.start()].split()
        after = phrase[cut.end() :].split()
        if cut.group().strip() in ("published", "released", "conducted", "carried out"):
            phrase = phrase[: cut.start()]  # "A study published in the Lancet": the study
            break
        inside_name = cut.group().strip() in ("of", "for") and after and (is_capital(after[0]) or (
            after[0] == "the" and len(after) > 1 and is_capital(after[1]) and before
            and before[-1].lower() in ORG_WORDS))  # "UN Office for the Coordination of ..."
        if len(before) >= 2 and before[-2].lower() in DOCUMENT_HEADS and re.fullmatch(
                r"[a-z]+(?:ed|wn|en)", before[-1]) and cut.group().strip() in ("from", "by"):
            source = read_speaker(" ".join(after))  # "estimates drawn from the survey"
            if source is not None and source.kind != "pronoun":
                return source
        of_document = before and before[-1].lower() in DOCUMENT_HEADS and cut.group().strip() in (
            "of", "in", "on")  # "a study of 400 people in two League studies": its subject
        if before and not of_document and before[-1].lower() in VAGUE_HEADS and (
                _org_words(after) or any(w.lower() in ORG_NOUNS for w in after)):
            org = read_speaker(" ".join(after))  # "economists at the Resolution Foundation"
            if org and org.kind == "org":
                return org
        person_of = inside_name and len(before) >= 2 and all(
            is_capital(w) and w.lower() not in ORG_WORDS for w in before[-2:]
        ) and _org_words(after)
        if before and (person_of or not (inside_name and is_capital(before[-1]))):
            phrase = phrase[: cut.start()]
            tail = _ACRONYM.search(phrase)  # "the Policy Committee (MPC) in its meeting"
            if tail and not acronym:
                acronym = tail.group(1).replace(".", "")
                phrase = phrase[: tail.start()].strip()
            break
    if QUANTITY.fullmatch(phrase.split()[-1] if phrase.split() else ""):
        return None  # "Three-quarters (of those polled)", "seven (in 10 voters)": a share
    bare = strip_leading(phrase)  # "But he warned": the pronoun after a conjunction
    if bare.lower() in PRONOUNS and bare.lower() != phrase.lower() and bare.lower() != "it":
        return SpeakerPhrase(bare.lower(), "", bare, "pronoun")
    if phrase.lower() in PRONOUNS or phrase.lower() in _OBJECT_PRONOUNS:
        name = _OBJECT_PRONOUNS.get(phrase.lower(), phrase.lower())
        return SpeakerPhrase(name, "", phrase, "pronoun")
    words = strip_leading(phrase).split()
    while len(words) > 1 and words[-1].lower() in TRAILING:
        words.pop()  # "The company now (expects)", "Officials also (said)"
    if re.match(r"[\d.,]+\s*(?:%|per\s?cent|percent)", phrase):
        return None  # "60 per cent agreed Brexit showed": a share, never a speaker
    if len(words) == 1 and _RANK.fullmatch(words[0]):
        return None  # "the first reported case", "the best expected time": no one
    if all(w.lower() in LEADING for w in words):
        return None
    if not words or len(words) > 12 or any(w.lower() in _CLAUSE_WORDS and not (
            w.isupper() and len(w) > 2) for w in words):  # "A CAN spokesperson": an acronym
        return None
    definite = phrase.split()[0].lower() == "the"
    if len(phrase.split()) == 1 and phrase.lower() in VAGUE_HEADS and not phrase.endswith("s") \
            and phrase.lower() not in ("police", "intelligence", "media", "data"):
        return None  # "Official confirmed deaths rose": a bare singular is no speaker
    head = words[-1]
    low = head.lower().strip("’'")
    if re.fullmatch(r"[A-Z]{2,}s", head):  # "many MPs", "NGOs": a group, no one's name
        text = " ".join(words)
        return SpeakerPhrase(text, "", text, "vague")
    if not is_capital(head):
        return _read_common(words, definite, acronym)
    proper = len(words) > 1 and is_capital(words[-2]) and words[-2].lower() not in LEADING \
        and not _is_adjective(words[-2])  # "U.S. Geological Survey": a name, not "surveys"
    if low in VAGUE_HEADS and not acronym and not proper:
        return _read_common(words, definite, acronym)
    return _read_name(words, acronym)


def _read_common(words: list[str], definite: bool, acronym: str) -> SpeakerPhrase | None:
    """Read a phrase with a common-noun head: a vague source, an institution or an anaphor."""
    head = words[-1].lower()
    mods = words[:-1]
    text = " ".join(words)
    if head in DOCUMENT_HEADS and mods:
        author = read_speaker(" ".join(mods))
        if author and author.kind == "org" and author.description.islower():
            return SpeakerPhrase(author.name, "", author.name, "org", author.acronym)
        if author and author.kind in ("person", "org"):  # "new ONS figures": the ONS
            return author
    if (head in INSTITUTION_HEADS or head in ORG_NOUNS) and _has_proper_word(mods):
        return SpeakerPhrase(text, "", text, "org", acronym)
    if head in VAGUE_HEADS:
        return SpeakerPhrase(text, "", text, "vague")
    if (head in INSTITUTION_HEADS or head in ORG_NOUNS) and definite and len(mods) <= 1:
        return SpeakerPhrase(head, "", text, "anaphor")
    if head in INSTITUTION_HEADS or head in TITLES:
        return SpeakerPhrase(text, "", text, "vague")
    if _describes(words):
        return SpeakerPhrase(text, "", text, "vague")  # "a rescuer", "the telco", "his lawyers"
    return None


#: Heads that are no source even as the subject of a verb like "show" ("the figure shows").
_NOT_SOURCE = frozenset(
    """year years month months week weeks day days time times way fact case cases number numbers
    figure toll rate rates price prices share shares market markets move result results change
    changes rise fall increase decrease growth total amount level levels trend issue problem
    idea plan deal talks decision news proportion percentage majority minority half third quarter
    fifth tenth revenue revenues sales profit profits earnings income output inflation demand
    road roads""".split()
)


def _describes(words: list[str]) -> bool:
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
    return not any(w.lower() in _CLAUSE_WORDS or w.lower() in PRONOUNS or w.lower() in _SAID
                   or w.lower() in ("who", "whom", "whose", "what", "which") for w in words)


#: Verbs of saying inside a phrase make it a clause, not a speaker ("X reported a better-than").
_SAID = frozenset("said says told reported announced added asked".split())


def known_source_head(name: str) -> bool:
    """Tell whether a described source's head is a known kind of source (officials, the study,
    the army, the company) or a plural group (survivors, eyewitnesses)."""
    head = name.lower().split()[-1].strip("’'") if name.split() else ""
    return head in VAGUE_HEADS or head in DOCUMENT_HEADS or head in INSTITUTION_HEADS or \
        head in ORG_NOUNS or head in TITLES or (head.endswith("s") and not head.endswith("ss"))


def _read_name(words: list[str], acronym: str) -> SpeakerPhrase | None:
    """Read a phrase ending in a capitalised name: split description, title and name."""
    start = len(words) - 1
    while start > 0:
        prev = words[start - 1]
        if is_capital(prev) or (prev.lower() in _CONNECTORS and start > 1
                                and is_capital(words[start - 2])):
            start -= 1
        else:
            break
    run = words[start:]
    desc = words[:start]
    for i in range(len(run) - 1, -1, -1):
        if run[i].endswith(("’s", "'s")):
            desc, run = desc + run[: i + 1], run[i + 1 :]
            break
    titled = False
    for i in range(len(run) - 2, -1, -1):
        tail = run[i + 1 :]
        if run[i].lower() in TITLES and not any(w.lower() in ORG_WORDS for w in tail):
            desc, run, titled = desc + run[: i + 1], tail, True
            break
    org = not titled and (
        any(w.lower().strip(".,") in ORG_WORDS for w in run)
        or (len(run) == 1 and run[0].replace(".", "").isupper() and len(run[0]) > 1)
    )
    while run and run[0].lower() in _CONNECTORS:
        desc.append(run.pop(0))
    if not run or (len(run) == 1 and run[0].lower().rstrip(".") in _CALENDAR):
        return None  # "confirmed on Wednesday that": a day, not a speaker
    name = " ".join(run)
    mention = " ".join(desc + run)
    if org or (len(run) == 1 and any(w.lower() in ORG_NOUNS for w in desc)) or (
            desc and desc[-1].lower() in FIRM_NOUNS):  # "energy consultancy Tellmark Partners"
        kind = "org"
    elif len(run) == 1:
        kind = "unknown"
    else:
        kind = "person"
    return SpeakerPhrase(name, " ".join(desc), mention, kind, acronym)


def initials(name: str) -> str:
    """Return the initials of a name, skipping connectors ("U.S. Geological Survey" -> "USGS")."""
    words = [w for w in re.split(r"[\s.]+", name) if w and w.lower() not in _CONNECTORS]
    return "".join(w[0] for w in words if w[0].isupper())


def short_forms(name: str, kind: str, acronym: str = "") -> tuple[str, ...]:
    """Return the short forms a reader may use for a speaker: surname, first name, acronym."""
    forms: list[str] = []
    words = name.split()
    if acronym:
        forms.append(acronym)
    if kind == "person" and len(words) > 1:
        forms.append(words[-1])
        if not (_is_adjective(words[0]) and words[0].lower().endswith(("ish", "ian", "ese"))):
            forms.append(words[0])  # not "British" of "British Gas-owner Centrica"
    return tuple(dict.fromkeys(f for f in forms if f and f != name))
