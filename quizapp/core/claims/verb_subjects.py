"""Say-verb subjects set apart from their verb: "X, who said C, ...", "X did Y and said C",
"Its director, X, said C" and "X did Y, saying C"."""

from __future__ import annotations

import re

from quizapp.core.claims.cues import FIRM_BEFORE, GROUP_BEFORE, SAID_BEFORE, Cue
from quizapp.core.claims.frames import content_to_end
from quizapp.core.claims.speakers import SpeakerPhrase, known_source_head, read_speaker

_CLAUSE_ADVERBS = re.compile(r",\s*(?:however|meanwhile|though|too|also|in turn|for (?:its|their|"
                             r"his|her) part)\s*,", re.I)


#: "Coach Ann Lee, who said C, praised ...": the speaker before the relative pronoun.
_WHO_BEFORE = re.compile(r"(?:^|[,;:]\s)(?P<np>[^,;:“”\"]{2,80}),\s+$")
_MAIN_AFTER = re.compile(r",\s+(?:(?:also|then|later|again)\s+)?[a-z]+ed\b")


def who_said_cue(sentence: str, match: re.Match[str], who: int) -> Cue | None:
    """Read "X, who said C, VERBED ...": X says C, the clause up to the main verb."""
    before = _WHO_BEFORE.search(sentence, 0, who)
    phrase = read_speaker(before.group("np")) if before else None
    group = GROUP_BEFORE.search(sentence, 0, who)  # "The fall surprised markets, which had
    if phrase is None or phrase.kind not in ("person", "org"):  # predicted C"
        np = group.group("np") if group else ""
        phrase = (read_speaker(np) or SpeakerPhrase(np, "", np, "vague")) if np else None
        before = group if phrase and phrase.kind == "vague" and known_source_head(
            phrase.name) and phrase.name.endswith("s") else None
    if before is None or phrase is None or phrase.kind not in ("person", "org", "vague"):
        return None
    start, end = content_to_end(sentence, match.end())
    main = _MAIN_AFTER.search(sentence, start, end)
    if main:
        end = main.start()
    return Cue(phrase, "preposed", match.start(), match.end(), before.start("np"),
               before.end("np"), start, end)


def coordinated_subject(sentence: str, verb_start: int) -> tuple[int, int, SpeakerPhrase] | None:
    """Read the subject of "X [adverb] VERBED ... and said C": the sentence's own subject."""
    head = _CLAUSE_ADVERBS.sub(lambda m: " " * len(m.group()), sentence[:verb_start])
    cut = max((m.end() for m in re.finditer(r"[,;:]\s|\s(?:but|while|whereas|that)\s", head)),
              default=0)  # "C, OCHA said, but other officials disputed it and put it lower"
    head = " " * cut + head[cut:]
    verb = _MAIN_VERB.search(head, cut)
    if verb and re.match(r"\s(?:is|are|was|were)\s+(?:\w+ly\s+)?\w+ed\b", head[verb.start() :]):
        return None  # "Victims were emailed and told": they were told, they did not tell
    if verb is None or verb.start() <= cut or re.search(r"[;:“”\"]", head[cut : verb.start()]):
        return None
    text = head[: verb.start()]
    phrase = read_speaker(text)
    if phrase is None:
        return None
    end = len(text.rstrip(" ,"))
    return len(text) - len(text.lstrip()), end, phrase


_LEAD_WORDS = frozenset("the its his her their our one a an".split())
_LEAD_IN = re.compile(r"(?:^|,\s)(?P<name>(?:[\w’'.-]+\s){0,7}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*"
                      r"(?:\s\([A-ZÀ-ÖØ-ÞĀ-Ž](?:[A-Z&.]{1,9}|[a-z]{2,9}|[a-z]{1,6}[A-Z][A-Za-z]{0,6})\))?),\s*$")


def lead_in_speaker(before: str) -> tuple[int, int, SpeakerPhrase] | None:
    """Read a speaker set off by commas after an opening clause, right before its verb."""
    found = _LEAD_IN.search(before.rstrip() + " ")
    if not found or found.start() == 0:
        return None
    first = found.group("name").split()[0]
    if first.islower() and first not in _LEAD_WORDS:
        return None  # ", in Avdiivka and Toretsk, says X": a place phrase, not a speaker
    phrase = read_speaker(found.group("name"))
    if phrase is None or phrase.kind not in ("person", "org", "unknown"):
        return None
    if phrase.kind != "org" and FIRM_BEFORE.search(before, 0, found.start("name")):
        phrase = SpeakerPhrase(phrase.name, phrase.description, phrase.mention, "org",
                               phrase.acronym)  # "The drug's maker, Halvex Pharma, said"
    return found.start("name"), found.end("name"), phrase


_LEAD_NAME = re.compile(
    r"(?:The\s+)?(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&-]*\s+(?:(?:of|for|and|the)\s+)*)*[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&-]*(?=\s+[a-z])"
)
_MAIN_VERB = re.compile(
    r"\s(?:[a-z]+ed|is|are|was|were|has|have|had|will|would|can|could|may|might|met|went|made|"
    r"took|gave|told|said|says|spoke|held|led|left|came|kept|put|set|cut|saw|found|won|lost|sent|"
    r"got|ran|began|rose|fell)\b"
)


_OPENING_PREPOSITION = re.compile(r"(?:In|At|On|For|After|During|From|Across|Among|Under|Since|"
                                  r"Outside|Inside|Across|Within|Near|Before)\s")


#: A message sent out right before the participle: "X posted a statement saying C".
_MESSAGE_BEFORE = re.compile(r"\b(?:statement|complaint|letter|note|message|notice|release|"
                             r"tweet|memo|e-?mail|circular|filing|bulletin|update|video|post)s?"
                             r"\s+(?:\w+\s+){0,2}?$")


def participle_cue(sentence: str, match: re.Match[str]) -> Cue | None:
    """Read "X traveled to Y, ... announcing that C": the speaker is the sentence's subject."""
    if not re.search(r"(?:,|\band|,\s*while)\s*$", sentence[: match.start()]) and not \
            _MESSAGE_BEFORE.search(sentence, 0, match.start()):
        return None
    if SAID_BEFORE.search(sentence[: match.start()]):
        return None  # "C, he said, adding ...": the one who said it adds, not the subject of C
    if _OPENING_PREPOSITION.match(sentence):
        return None  # "In Kent and Surrey, 40 homes flooded, suggesting ...": no subject there
    if sentence.lstrip()[:1] in "\"“‘'":
        return None  # '"I knew I was ready," the sprinter said after the race, adding ...':
        # the sentence opens inside a quotation, whose words are no subject
    opener = _OPENING_PHRASE.match(sentence, 0, match.start())
    start = opener.end() if opener else 0  # "Further complicating the picture, the party
    # accused ..., insisting": the subject after the opening phrase
    verb = _MAIN_VERB.search(sentence, start, match.start())
    subject = _LEAD_NAME.match(sentence, start)
    if subject and subject.group() in ("The", "A", "An"):
        subject = None  # "The army could not confirm it, while saying": no name, a description
    whole = read_speaker(sentence[start : verb.start()]) if verb and verb.start() > start \
        else None
    if whole is not None and whole.kind in ("person", "org"):
        end = verb.start()  # "The county judge, Maria Olsen, dismissed ..., saying"
    elif subject and (not verb or subject.end() < verb.start()):
        end = subject.end()
    elif verb and verb.start() > start:
        end = verb.start()
    else:
        return None
    phrase = read_speaker(sentence[start:end])
    if phrase is None or phrase.kind == "pronoun" or (
            phrase.kind == "vague" and not known_source_head(phrase.name)):
        return None  # "An experimental vaccine ..., suggesting": a finding, not a source
    content = content_to_end(sentence, match.end())
    return Cue(phrase, "participle", match.start(), match.end(), start, end, *content)


#: A phrase opening a sentence before its subject: "Further complicating the picture, ",
#: "Speaking on Monday, ", "In a statement, ".
_OPENING_PHRASE = re.compile(r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+ing|Further|In|On|At|After|Before|Despite|Meanwhile|"
                      r"Separately|However|Later|Earlier)\b[^,;“”\"]{0,60},\s+(?=[a-z]|[A-ZÀ-ÖØ-ÞĀ-Ž])")
