"""The entities of an article's cast: found by name, acronym or surname, created with the
fullest name the text gives them, and merged as further mentions arrive."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.claims.speaker_names import CALENDAR, capitals
from quizapp.core.claims.speakers import (
    LEADING,
    ORG_WORDS,
    TITLES,
    SpeakerPhrase,
    initials,
)
from quizapp.core.text.countries import SEATS, is_country

_ACRONYM_DEF = re.compile(
    r"((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*\s+(?:(?:of|for|and|the|on)\s+)*){0,7}[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.-]*)\s+\(([A-ZÀ-ÖØ-ÞĀ-Ž](?:[A-Z&.]{1,9}|[a-z]{2,9}|[a-z]{1,6}[A-Z][A-Za-z]{0,6}))\)"
)
_NAME_RUN = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-ÞĀ-Ž][a-z’']+(?:-[A-Za-z][a-z’']*)*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-z’']+"
                       r"(?:-[A-Za-z][a-z’']*)*){1,2}\b")  # "Secretary-General Antonio Guterres"
_CAPITALS_AFTER = re.compile(r"(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'&.-]*)*")
#: Words that make a name that opens with a company's its staff's or another body's own.
_OTHER_BODY = frozenset("""union unions workers employees staff association federation foundation
    confederation council committee guild alliance coalition pensioners""".split())
_MAX_MENTION_WORDS = 10
#: Prepositions that open a sentence before a name ("At Barclays, ...", "For Acme, ...").
_OPENERS = frozenset("At For From With By After Before Under Across Inside Outside Among".split())


@dataclass
class _Entity:
    """A speaker being assembled from its mentions."""

    name: str
    kind: str
    description: str = ""
    mention: str = ""
    mention_start: int = -1
    acronym: str = ""
    definite: bool = False
    indefinite: str = ""  # "a" or "an" when the text writes it before `mention`
    forms: set[str] = field(default_factory=set)


class Entities:
    """Entities of one article, found, created and merged by name."""

    def __init__(self, text: str):
        self.text = text
        self.entities: list[_Entity] = []
        self.acronyms: dict[str, str] = {}
        for match in _ACRONYM_DEF.finditer(text):
            full = re.sub(r"^.*[’']s\s+", "", match.group(1)).strip()
            self.acronyms.setdefault(match.group(2).replace(".", ""), full)
        self._runs: list[tuple[str, str]] | None = None

    def find(self, phrase: SpeakerPhrase) -> int | None:
        """Return the index of the entity this phrase names, or None."""
        name = phrase.name
        full = self.acronyms.get(name.replace(".", ""))
        tokens = name.split()
        for index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[index]
            names = {entity.name.lower(), *(f.lower() for f in entity.forms)}
            if entity.acronym:
                names.add(entity.acronym.lower())
            if name.lower() in names or (full and full.lower() in names):
                return index
            if phrase.acronym and phrase.acronym == entity.acronym:
                return index
            if entity.kind == "org" and _abbreviates(name, entity.name):
                entity.acronym = entity.acronym or name.replace(".", "")
                return index
            if " " not in entity.name and self._spelled_out(name, index):
                return index  # "Research in Motion ... RIM": the name ran on past "in"
            if phrase.kind == "org" and _abbreviates(entity.name, name):
                entity.acronym = entity.acronym or entity.name.replace(".", "")
                return index
            words = entity.name.split()
            if entity.kind == "person" and len(tokens) == 1 and name.lower() in (
                    words[0].lower(), words[-1].lower()):
                return index  # "Al-Shukri" opening a sentence after "Tawfiq al-Shukri"
            if len(words) == 1 and len(tokens) > 1 and words[0] in (tokens[0], tokens[-1]) and (
                    not _OTHER_BODY.intersection(t.lower() for t in tokens)):
                return index  # (but "Starbucks Workers United" is a union, not Starbucks)
            if entity.kind == "person" and 1 < len(tokens) < len(words) and (
                    words[-len(tokens):] == tokens):
                return index  # "Ms Bayer Rosmarin" after "Kelly Bayer Rosmarin"
            if entity.kind == "org" and len(tokens) == 1 and len(words) > 1 and (
                    words[0] == name) and all(w.lower().rstrip(".") in ORG_WORDS
                                              for w in words[1:]):
                return index  # "Acme" after "Acme Corp", "Barclays" after "Barclays Bank"
        return None

    def _spelled_out(self, acronym: str, index: int) -> bool:
        """Tell whether a one-word entity opens a name in the text whose initials are
        `acronym`, with small lowercase words between ("Research in Motion": RIM); if so,
        give the entity that full name."""
        short = acronym.replace(".", "")
        entity = self.entities[index]
        if not (2 < len(short) <= 6 and short.isupper() and entity.name[:1] == short[:1]):
            return False
        for run in re.finditer(rf"\b{re.escape(entity.name)}((?:\s+(?:[a-z]{{2,3}}\s+)?"
                               r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*){1,4})", self.text):
            words = f"{entity.name}{run.group(1)}".split()
            for n in range(2, len(words) + 1):
                full = " ".join(words[:n])
                if "".join(w[0] for w in full.split()).upper() == short:
                    entity.forms.add(entity.name)
                    if entity.mention in ("", entity.name):
                        entity.mention = full
                    entity.name, entity.acronym, entity.kind = full, short, "org"
                    return True
        return False

    def create(self, phrase: SpeakerPhrase) -> int:
        """Create an entity for a new name, expanding single words and acronyms."""
        name, kind = phrase.name, phrase.kind
        full = self.acronyms.get(name.replace(".", ""))
        entity = _Entity(name=name, kind=kind)
        if full:
            entity.name, entity.kind, entity.acronym = full, "org", name.replace(".", "")
        elif kind in ("unknown", "person") and (is_country(name) or name.lower() in SEATS):
            entity.kind = "org"  # "Sierra Leone has recorded 400 deaths": a state, not a person
        elif kind == "unknown":
            run, entity.kind = self._expand(name)
            words = run.split()
            while len(words) > 2 and all(p in TITLES for p in words[0].lower().split("-")):
                words.pop(0)  # "Mayor Frank Moretti", "Secretary-General Ana Ruiz": a title
            entity.name = " ".join(words)
            if entity.name != name:
                entity.forms.add(name)
                entity.mention, entity.mention_start = run, self.text.find(run)
                entity.description = run[: len(run) - len(entity.name)].strip()
        self.entities.append(entity)
        return len(self.entities) - 1

    def _expand(self, word: str) -> tuple[str, str]:
        """Return the fullest name a single word stands for in the text, and its kind."""
        if self._runs is None:  # each run of capitalised words, and the capitalised words
            # right after it: "Starbucks United" is a part of "Starbucks United Workers Union"
            self._runs = [(m.group(), _CAPITALS_AFTER.match(self.text, m.end()).group())
                          for m in _NAME_RUN.finditer(self.text)]
        best, company = "", False
        for run, after in self._runs:
            if any(w.lower() in ORG_WORDS for w in after.split()):
                continue  # a body's name, longer than a run: no person
            words = run.split()
            while len(words) > 1 and (words[0].lower() in LEADING or words[0] in _OPENERS):
                words.pop(0)  # "While Villaraigosa had asked", "At Barclays, ...": the
                # sentence's first word, no part of the name
            while len(words) > 1 and words[-1].lower() in CALENDAR:
                words.pop()  # "back in Barcelona Tuesday": a day, no part of the name
            run = " ".join(words)
            if word in (words[0], words[-1]) and not any(w.lower() in ORG_WORDS for w in words) \
                    and not (word == words[0] and any(w.lower() in TITLES for w in words[1:])):
                # not "Acme Chief Financial Officer Jo Lee": a body, its officer's title, a name
                best = run if len(run) > len(best) else best
        for run in re.finditer(rf"\b{re.escape(word)}((?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&-]*){{1,3}})", self.text):
            company = company or any(w.lower() in ORG_WORDS for w in run.group(1).split())
        if company and not best:
            return word, "org"  # "Torvane" of "Torvane Systems Inc"
        if not best and self._owns(word):
            return word, "org"  # "Nationwide chief economist", "Optus customers"
        if best:
            return best, "person"
        if re.search(rf"\b(?:in|to|from|near|across|towards)\s+{re.escape(word)}\b", self.text):
            return word, "org"
        return word, "person"

    def _owns(self, word: str) -> bool:
        """Tell whether the text writes a one-word name before an officer's title or its
        customers, staff or shares, as only a body is written ("Nationwide chief economist",
        "Optus customers"); never after a title or honorific of its own."""
        for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?:[’']s)?\s+([a-z]+)", self.text):
            noun = hit.group(1)
            if noun in _OWNED or (noun in TITLES and noun not in _PERSONAL_TITLES):
                return True
        return False

    def merge(self, index: int, phrase: SpeakerPhrase, start: int) -> None:
        """Fold a mention into an entity: fuller names, descriptions, acronyms and forms."""
        entity = self.entities[index]
        if phrase.kind in ("person", "org") and len(phrase.name) > len(entity.name):
            if entity.name != phrase.name:
                entity.forms.add(entity.name)
            entity.name = phrase.name
            if phrase.kind == "org" or entity.kind == "unknown":
                entity.kind = phrase.kind
        elif phrase.name != entity.name:
            entity.forms.add(phrase.name)
        if phrase.acronym:
            entity.acronym = phrase.acronym
            self.acronyms.setdefault(phrase.acronym, entity.name)
        words = len(phrase.mention.split())
        if start >= 0 and words <= _MAX_MENTION_WORDS and (
            not entity.mention or words > len(entity.mention.split())
        ):
            entity.mention, entity.mention_start = phrase.mention, start
            entity.description = phrase.description
            entity.definite = self.text[max(0, start - 4) : start].lower() == "the "
            before = re.search(r"(?<![\w-])(an?)\s$", self.text[max(0, start - 4) : start],
                               re.IGNORECASE)
            entity.indefinite = before.group(1).lower() if before else ""
        if entity.kind == "unknown":
            entity.kind = "person"


#: What a body has and a person has not: "Optus customers", "Acme shares".
_OWNED = frozenset("""customers shares shareholders staff employees workers stores branches
    headquarters subscribers clients executives""".split())
#: Titles that follow a person's name too ("Smith junior"): no sign of a body.
_PERSONAL_TITLES = frozenset("junior senior jr sr".split())


def _abbreviates(short: str, name: str) -> bool:
    """Tell whether `short` is an acronym of the multi-word `name` ("FDA", "Food and Drug ...")."""
    short = short.replace(".", "").replace("&", "")  # "P&G" of "Procter & Gamble Co."
    bare = _LEGAL_FORM.sub("", name)
    return (len(short) > 1 and " " in name and capitals(short) in (initials(name), initials(bare))
            and (short.isupper() or len(short) <= 5))


#: A company's legal form ending its name: "Co.", "Inc", "plc".
_LEGAL_FORM = re.compile(r",?\s+(?:Co|Corp|Inc|Ltd|plc|PLC|LLC|LLP)\.?$")
