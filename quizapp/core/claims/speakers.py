"""Speakers: read a speaker phrase ("Ukrainian military spokesperson Colonel Oleksandr Kindratenko")
into name, description and kind."""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.claims.speaker import Speaker, SpeakerPhrase
from quizapp.core.claims.speaker_descriptions import CLAUSE_WORDS, describes, known_source_head
from quizapp.core.claims.speaker_names import (
    ON_BODIES,
    has_proper_word,
    initials,
    is_adjective,
    is_capital,
    name_ends_in_number,
    person_end,
    read_name,
    short_forms,
)
from quizapp.core.claims.speaker_words import (
    DOCUMENT_HEADS,
    GROUP_OF,
    INSTITUTION_HEADS,
    LEADING,
    ORG_NOUNS,
    ORG_WORDS,
    POLLED_BY,
    PRONOUNS,
    QUANTITY,
    TITLES,
    TRAILING,
    VAGUE_HEADS,
)
from quizapp.core.text.countries import is_country

__all__ = ["DOCUMENT_HEADS", "INSTITUTION_HEADS", "LEADING", "ORG_NOUNS", "ORG_WORDS", "PRONOUNS",
           "TITLES", "VAGUE_HEADS", "Speaker", "SpeakerPhrase", "initials", "known_source_head",
           "read_speaker", "short_forms"]

_ACRONYM = re.compile(r"\s*\(([A-ZÀ-ÖØ-ÞĀ-Ž](?:[A-Z&.]{1,9}|[a-z]{2,9}|[a-z]{1,6}[A-Z][A-Za-z]{0,6}))\)\s*$")
_INNER_ACRONYM = re.compile(r"\s\(([A-ZÀ-ÖØ-ÞĀ-Ž](?:[A-Z&.]{1,9}|[a-z]{2,9}|[a-z]{1,6}[A-Z][A-Za-z]{0,6}))\)\s+(?=[a-z]+$)")
_PP_CUT = re.compile(r"\s(?:from|in|at|on|with|of|for|close to|familiar with|who|which|that|during|"
                     r"while|after|before)\s"
                     r"|\s(?:published|released|conducted|carried out)\s(?=(?:in|on|last|this|"
                     r"earlier|today|yesterday)\b)")
def _joint(phrase: str) -> SpeakerPhrase | None:
    """Read "A and B" where a group speaks with another source ("police and firefighters",
    "Greek officials and the IOM") as one speaker, written whole; None for anything else (two
    names, "Procter and Gamble", "the Food and Drug Administration")."""
    parts = joint_parts(phrase)
    if not parts:
        return None
    text = strip_leading(phrase)
    kinds = {p.kind for p in parts}
    return SpeakerPhrase(text, "", text, "vague" if kinds == {"vague"} else "org")


_LISTED = re.compile(r"(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*){0,3}"
                     r"(?:,\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*){0,3})+,?\s+and\s+"
                     r"(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*){0,3}")


def _listed(phrase: str) -> SpeakerPhrase | None:
    """Read a list of three bodies or more ("the Valdor Navy, Coast Guard and Transport
    Ministry") as one speaker, written whole; None for anything else (people: "Smith, Jones
    and Brown")."""
    if "," not in phrase or _LISTED.fullmatch(phrase.strip()) is None:
        return None
    if not ORG_WORDS & {w.lower().strip(",") for w in phrase.split()}:
        return None
    text = strip_leading(phrase)
    return SpeakerPhrase(text, "", text, "org")


@lru_cache(maxsize=4096)
def joint_parts(phrase: str) -> tuple[SpeakerPhrase, ...]:
    """Return the two speakers of a joint subject "A and B" of which at least one is a group
    ("local officials and the Red Cross"), or () when the phrase is not one."""
    found = re.fullmatch(r"(?P<a>[^,;:]+?)\s+and\s+(?P<b>(?:the\s+|its\s+|their\s+)?[^,;:]+)",
                         phrase.strip())
    if found is None or " and " in found.group("b") or len(found.group("a").split()) > 4 \
            or len(found.group("b").split()) > 5:
        return ()
    for side in (found.group("a"), found.group("b")):
        if re.search(r"\s(?:the|a|an|his|her|its|their|this|that|[a-z]+ed|[a-z]+ing)\s",
                     f" {side.split(maxsplit=1)[-1]} " if " " in side else ""):
            return ()  # "Troops shelled the city and officials": a clause, then a subject
    parts = tuple(read_speaker(found.group(k)) for k in ("a", "b"))
    if any(p is None or p.kind not in ("person", "org", "vague") for p in parts):
        return ()
    if not any(p.kind == "vague" for p in parts):
        return ()  # two names: read as they are
    return parts  # (type narrowed: no None)


#: An unnamed source described by what it knows: "people familiar with the matter", "two
#: sources close to the negotiations", "a person briefed on the plan".
_INFORMED = re.compile(
    r"(?:(?:a|an|the|two|three|several|some|many|other|one|four|five)\s+)?(?:[a-z]+\s+)?"
    r"(?:people|persons?|sources?|officials?|insiders?|executives?|diplomats?|individuals?)\s+"
    r"(?:(?:directly\s+|closely\s+)?familiar\s+with|close\s+to|(?:with|who\s+have)\s+"
    r"(?:direct\s+|first-hand\s+)?knowledge\s+of|briefed\s+on|involved\s+in|knowledgeable\s+"
    r"about|informed\s+(?:about|of))\s+(?:[\w'’-]+\s+){0,5}[\w'’-]+", re.IGNORECASE)
#: Object pronouns of a speaker ("the IOM quoted him as saying"), read as their subject form.
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_DASH = re.compile(r"\s(?:--|—|–|-)\s+")


#: A document by an author: the author is the source ("Information requests by the Green Party").
_AUTHORED = re.compile(r".*\b(?:requests|report|study|survey|analysis|review|poll|research|"
                       r"audit|figures|data|statistics)\s+(?:by|from)\s+(?P<author>(?:the\s+)?"
                       r"[A-ZÀ-ÖØ-ÞĀ-Ž].*)$")


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


def after_dateline(phrase: str) -> str:
    """Return a phrase without the dateline a dash ends ("SAN FRANCISCO -- Officials", "W.Va.
    (AP) - Officials")."""
    dash = list(_DASH.finditer(phrase))
    return phrase[dash[-1].end() :] if dash else phrase


#: Heads of a piece of work whose author follows "from" or "by" ("a survey by X").
_WORK_HEADS = DOCUMENT_HEADS - {"reports"} | {"research", "findings", "forecast", "forecasts",
                                              "modelling", "modeling", "polling", "numbers",
                                              "statistics"}  # not "Reports from Ukraine": a place


_WHEN = re.compile(r"^(?:Published|Released|Issued|Posted|Announced|Unveiled|Reported)\s+(?:on\s+)?"
                   r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|"
                   r"today|last|this|earlier)\b")


#: A month or weekday, written out or cut short: "Aug. 29", "Sept", "Tuesday".
_DATE_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d|$)|"
                        r"(?:January|February|March|April|June|July|August|September|October|"
                        r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday)(?:\s+\d|$)")
#: A phrase ending on a determiner or a bare adjective has lost its noun: the word after it,
#: read as a verb ("the cut", "new estimate"), was the noun.
_OPEN_END = re.compile(r"(?i:^|\s)(?:the|a|an|its|their|his|her|this|that|these|those|our|"
                       r"new|latest|previous)$")


def _office_holder(phrase: str, cut: re.Match[str], before: list[str],
                   after: list[str]) -> SpeakerPhrase | None:
    """Read "the head of the rescue team Jonas Berg", "a spokesman for the fire service Tom
    Hale", "HSE national director of acute operations Liam Woods": a role in lower case, of a
    body or field in lower case, then its holder's name."""
    if cut.group().strip() not in ("of", "for") or not before or is_capital(before[-1]) or (
            before[-1].lower() not in TITLES and before[-1].lower() != "head"):
        return None
    name = person_end(after)
    body = after[: len(after) - len(name)]
    if len(name) < 2 or not body or (body[0].lower() in ("the", "its", "their") and len(
            body) < 2) or len(body) > 5 or any(not w.isalpha() for w in body) or (any(
            is_capital(w) for w in body) and not (body[0] == "the" and body[-1].islower())):
        return None  # (also "director of acute operations Liam Woods": a body's part, no "the";
        # a name in the body only before a noun: "the Donetsk regional administration")
    mention = " ".join(strip_leading(phrase).split())
    return SpeakerPhrase(" ".join(name), mention[: -len(" ".join(name))].strip(), mention,
                         "person")


_PREPOSITIONS = frozenset("among amid amidst despite including excluding against without "
                          "toward towards upon unlike besides beyond".split())


def read_speaker(phrase: str) -> SpeakerPhrase | None:
    """Read a speaker phrase into name, description and kind, or None if it is no speaker."""
    phrase = phrase.strip(" ,;:—–-\"'“”‘’·•▪●")
    if _WHEN.search(phrase) or _DATE_WORD.match(phrase):
        return None  # "Published Tuesday in the journal", "reported Aug. 29": a time, no name
    if _OPEN_END.search(phrase):
        return None  # "Leading the [cut]", "That new [estimate]": no noun, so no one
    phrase = after_dateline(phrase)
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
    joint = _joint(phrase) or _listed(phrase)
    if joint is not None:  # "local officials and the Red Cross say", "the Navy, Coast Guard
        return joint  # and Interior Ministry said": all of them, as written
    informed = _INFORMED.fullmatch(phrase)
    if informed:  # "people familiar with the talks", "sources close to the board": described
        # by what they know, as written (a bare "sources" is no one)
        text = strip_leading(phrase)
        return SpeakerPhrase(text, "", text, "vague")
    inner = _INNER_ACRONYM.search(phrase)  # "the Democratic Front (DF) party": kept as written
    acronym = inner.group(1).replace(".", "") if inner else acronym
    for cut in _PP_CUT.finditer(phrase):
        before = phrase[: cut.start()].split()
        after = phrase[cut.end() :].split()
        holder = _office_holder(phrase, cut, before, after)
        if holder is not None:
            return holder
        if cut.group().strip() in ("published", "released", "conducted", "carried out"):
            phrase = phrase[: cut.start()]  # "A study published in the Lancet": the study
            break
        inside_name = (cut.group().strip() in ("of", "for") or (
            cut.group().strip() == "on" and before and before[-1].lower() in ON_BODIES)) \
            and after and (is_capital(after[0]) or (
            after[0] == "the" and len(after) > 1 and is_capital(after[1]) and before
            and before[-1].lower() in ORG_WORDS)) or (  # "UN Office for the Coordination of ..."
            before and before[-1].lower() in TITLES and len(person_end(after)) >= 2)  # "Governor
        # of the Bank of England Andrew Bailey": an office, then its holder
        if len(before) >= 2 and before[-2].lower() in DOCUMENT_HEADS and re.fullmatch(
                r"[a-z]+(?:ed|wn|en)", before[-1]) and cut.group().strip() in ("from", "by"):
            source = read_speaker(" ".join(after))  # "estimates drawn from the survey"
            if source is not None and source.kind != "pronoun":
                return source
        if before and before[-1].lower() in _WORK_HEADS and cut.group().strip() in (
                "from", "by") and after:
            source = read_speaker(" ".join(after))  # "New research from pollster JWS Research"
            if source is not None and source.kind in ("org", "person", "unknown"):
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
    if phrase.split()[:1] and phrase.split()[0].lower() in _PREPOSITIONS:
        return None  # "..., among other (alleged abuses)": no one
    if QUANTITY.fullmatch(phrase.split()[-1] if phrase.split() else "") and not (
            name_ends_in_number(phrase.split())):
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
    if re.match(r"[\d.,]+\s*(?:%|per\s?cent|percent)", phrase) or re.search(
            r"(?:%|\bper\s?cent|\bpercent)$", phrase, re.I):  # "Twelve per cent"
        return None  # "60 per cent agreed Brexit showed": a share, never a speaker
    if len(words) == 1 and _RANK.fullmatch(words[0]):
        return None  # "the first reported case", "the best expected time": no one
    if all(w.lower() in LEADING for w in words):
        return None
    if not words or len(words) > 12 or any(w.lower() in CLAUSE_WORDS and not (
            w.isupper() and len(w) > 2) for w in words):  # "A CAN spokesperson": an acronym
        return None
    definite = phrase.split()[0].lower() == "the"
    if len(phrase.split()) == 1 and phrase.lower() in VAGUE_HEADS and not phrase.endswith("s") \
            and phrase.lower() not in ("police", "intelligence", "media", "data"):
        return None  # "Official confirmed deaths rose": a bare singular is no speaker
    head = words[-1]
    low = head.lower().strip("’'")
    if re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,}s", head):  # "many MPs", "NGOs": a group, no one's name
        text = " ".join(words)
        return SpeakerPhrase(text, "", text, "vague")
    if not is_capital(head) and not name_ends_in_number(words):
        return _read_common(words, definite, acronym)
    proper = len(words) > 1 and is_capital(words[-2]) and words[-2].lower() not in LEADING \
        and (not is_adjective(words[-2]) or (len(words) > 2 and is_capital(words[-3]) and
                                              words[-3].lower() not in LEADING))
    # "U.S. Geological Survey", "the Valdorian Seismic Survey": a name, not "surveys"
    if low in VAGUE_HEADS and not acronym and not proper:
        return _read_common(words, definite, acronym)
    if len(words) == 1 and not acronym and _AGENT_PLURAL.fullmatch(head) and (
            low not in ORG_WORDS):  # (not "Reuters")
        return SpeakerPhrase(head, "", head, "vague")  # "Opponents worry": a group
    if definite and len(words) == 1 and head[1:].islower() and low not in ORG_WORDS and (
            low not in TITLES and not is_adjective(head) and not is_country(head)):
        return SpeakerPhrase(head, "", head, "org", acronym)  # "The Hill reported": a
        # body or a title (no one is "the Jones"), written "the Hill" mid-sentence
    return read_name(words, acronym)


#: A plural noun for people by what they do, capitalised only to open a sentence.
_AGENT_PLURAL = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]{3,}(?:ents|ants|ers|ists|ians|ors|ees)")
#: Words that say what kind of report it is, capitalised only at a sentence's start.
_MEDIA = frozenset("news media press local wire newspaper television tv radio".split())


def _read_common(words: list[str], definite: bool, acronym: str) -> SpeakerPhrase | None:
    """Read a phrase with a common-noun head: a vague source, an institution or an anaphor."""
    head = words[-1].lower()
    mods = words[:-1]
    text = " ".join(words)
    if head in DOCUMENT_HEADS and mods and not all(m.lower() in _MEDIA for m in mods):
        author = read_speaker(" ".join(mods))  # (not "News reports": no one named)
        if author and author.kind == "org" and author.description.islower():
            name = re.sub(r"^(?:[a-z][\w-]*\s+)+(?=[A-ZÀ-ÖØ-ÞĀ-Ž])", "", author.name)  # "unclassified
            return SpeakerPhrase(name, "", name, "org", author.acronym)  # US intelligence"
        if author and author.kind in ("person", "org"):  # "new ONS figures": the ONS
            return author
    if (head in INSTITUTION_HEADS or head in ORG_NOUNS) and has_proper_word(mods):
        return SpeakerPhrase(text, "", text, "org", acronym)
    if head in VAGUE_HEADS:
        return SpeakerPhrase(text, "", text, "vague")
    if (head in INSTITUTION_HEADS or head in ORG_NOUNS) and definite and len(mods) <= 1:
        return SpeakerPhrase(head, "", text, "anaphor")
    if head in INSTITUTION_HEADS or head in TITLES:
        return SpeakerPhrase(text, "", text, "vague")
    if describes(words):
        return SpeakerPhrase(text, "", text, "vague")  # "a rescuer", "the telco", "his lawyers"
    return None
