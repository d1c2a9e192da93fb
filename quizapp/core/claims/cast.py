"""The cast of an article: its speakers merged across mentions (surnames, acronyms, pronouns)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizapp.core.claims.referents import (
    AGED,
    AGED_SUBJECT,
    HONORIFIC,
    INTRODUCED,
    gender,
    may_be,
)
from quizapp.core.claims.speakers import (
    LEADING,
    ORG_NOUNS,
    ORG_WORDS,
    TITLES,
    Speaker,
    SpeakerPhrase,
    initials,
    read_speaker,
    short_forms,
)

_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w’'.-]*\s+(?:(?:of|for|and|the|on)\s+)*){0,7}[A-Z][\w’'.-]*)\s+\(([A-Z](?:[A-Z&.]{1,9}|[a-z]{2,9}))\)"
)
_NAME_RUN = re.compile(r"\b[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2}\b")
_MAX_MENTION_WORDS = 10
_TITLED_ANYWHERE = re.compile(
    r"\b(?P<title>(?i:" + "|".join(sorted((re.escape(t) for t in TITLES if t.isalpha()),
                                          key=len, reverse=True)) + r"))\s+"
    r"(?P<name>[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*){1,2})(?![\w’'])(?!\s+[A-Z])")
_TITLED_SUBJECT = re.compile(r"([A-Z][a-z]+\.?)(?:\s+[A-Z][\w’'-]+){2,3}(?=\s+[a-z])")
#: Two capitalised words in a row, which the name in _TITLED_ANYWHERE needs: a quick test first.
_TWO_CAPITALS = re.compile(r"[A-Z][a-z][\w’'-]*\s+[A-Z][a-z]")


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
    forms: set[str] = field(default_factory=set)


class Cast:
    """Speakers of one article, merged as mentions arrive in reading order."""

    def __init__(self, text: str):
        self.text = text
        self.entities: list[_Entity] = []
        self.acronyms: dict[str, str] = {}
        for match in _ACRONYM_DEF.finditer(text):
            full = re.sub(r"^.*[’']s\s+", "", match.group(1)).strip()
            self.acronyms.setdefault(match.group(2).replace(".", ""), full)
        self._runs: list[str] | None = None
        self._last_person: int | None = None
        self._last_named: int | None = None
        self._last_org: int | None = None

    def add(self, phrase: SpeakerPhrase, start: int) -> int | None:
        """Record a mention at `start` in the text; return its entity index (None: no entity)."""
        if phrase.kind == "vague":
            aged = AGED.fullmatch(phrase.name)
            if aged:  # "Kirk, 58, ... the 58-year-old told the court": the person of that age
                named = [m for m in re.finditer(rf"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}})"
                                                rf"(?:,\s+{aged.group(1)},|\s+\({aged.group(1)}\))",
                                                self.text[: max(start, 0)])]
                if named:
                    person = SpeakerPhrase(named[-1].group(1), "", named[-1].group(1), "unknown")
                    index = self._find(person)
                    return self._touch(self._create(person) if index is None else index)
            return None
        if phrase.kind == "pronoun":
            if phrase.name in ("he", "she"):
                last = self._last_person
                known = self.entities[last] if last is not None else None
                if known and gender(known.mention, known.description, *known.forms) not in (
                        "", phrase.name):
                    return None  # "Mr Pike ... she said": someone else, not known to us
                return last
            last = self.entities[self._last_named] if self._last_named is not None else None
            if phrase.name == "they" and last is not None and (last.kind == "org" or (
                    " " not in last.name and not any(" " in f for f in last.forms))):
                return self._last_named  # "they": a body ("Torvane"), never a person named in full
            return None
        if phrase.kind == "anaphor":
            named = INTRODUCED.get(phrase.name) and list(INTRODUCED[phrase.name].finditer(
                self.text, 0, max(start, 0)))
            if named:  # "Shares in retailer Norland fell ... the retailer said": Norland
                org = SpeakerPhrase(named[-1].group(1), phrase.name, named[-1].group(), "org")
                index = self._find(org)
                index = self._create(org) if index is None else index
                self._merge(index, org, -1)
                return self._touch(index)
            orgs = [i for i, e in enumerate(self.entities) if e.kind == "org"]
            for index in reversed(orgs):
                entity = self.entities[index]
                if phrase.name in f"{entity.name} {entity.description}".lower():
                    return self._touch(index)
            if len(phrase.mention.split()) > 1:  # "the health ministry": its own institution
                named = SpeakerPhrase(phrase.mention, "", phrase.mention, "org")
                index = self._find(named)
                index = self._create(named) if index is None else index
                self._merge(index, named, start)
                return self._touch(index)
            if phrase.name not in ORG_NOUNS:
                return None  # "the army", "the ministry": not whichever organisation came last
            for index in reversed(orgs):  # "the club": the latest organisation that may be one
                entity = self.entities[index]
                if may_be(phrase.name, f"{entity.name} {entity.description}"):
                    return self._touch(index)
            return None  # "the statistics office ... the council said": another body
        if phrase.kind == "unknown" and re.search(
                rf"\b{re.escape(phrase.name.lower().removesuffix('s'))}s?\b", self.text):
            return None  # a capitalised common word ("Businesses", "Pharmacists"), not a name
        index = self._find(phrase)
        if index is None:
            index = self._create(phrase)
        self._merge(index, phrase, start)
        return self._touch(index)

    def notice(self, sentence: str, start: int) -> None:
        """Note a titled person who opens a sentence without a cue ("Mayor Frank Moretti had
        threatened a veto."), so that a following "he said" refers to them."""
        aged = AGED_SUBJECT.match(sentence)  # "Maya Olsen (18), from Kilmore, got"
        if aged:
            self.add(SpeakerPhrase(aged.group("name"), "", aged.group("name"), "person"), start)
            return
        found = _TITLED_SUBJECT.match(sentence)
        if found and found.group(1).lower() in TITLES:
            phrase = read_speaker(found.group())
            if phrase is not None and phrase.kind == "person" and phrase.description:
                self.add(phrase, start)
                return
        for honorific in HONORIFIC.finditer(sentence):  # "Later, Mr Vale gave forecasts."
            known = [i for i, e in enumerate(self.entities)
                     if e.kind == "person" and e.name.split()[-1] == honorific.group("surname")]
            if known:
                self._touch(known[-1])
            else:
                title, surname = honorific.group().split()[0], honorific.group("surname")
                self.add(SpeakerPhrase(surname, title, honorific.group(), "unknown"),
                         start + honorific.start())
        if not _TWO_CAPITALS.search(sentence):
            return
        for titled in reversed(list(_TITLED_ANYWHERE.finditer(sentence))):
            if titled.start() and titled.group("title").lower().rstrip(".") in TITLES:
                # "after Treasury Secretary John Snow called ...": the next "He" is Snow
                name = titled.group("name")
                self.add(SpeakerPhrase(name, titled.group("title"), titled.group(), "person"),
                         start + titled.start())
                return

    def speakers(self) -> list[Speaker]:
        """Return the frozen speakers, indexed like the entity indices `add` returned."""
        return [
            Speaker(
                name=e.name,
                description=e.description,
                mention=e.mention or e.name,
                short_forms=tuple(
                    f for f in dict.fromkeys(
                        list(short_forms(e.name, e.kind, e.acronym)) + sorted(e.forms)
                    ) if f != e.name
                ),
                kind=e.kind,
                mention_start=e.mention_start,
                definite=e.definite,
            )
            for e in self.entities
        ]

    def _touch(self, index: int) -> int:
        """Make entity `index` the latest named speaker for pronoun resolution."""
        self._last_named = index
        if self.entities[index].kind == "person":
            self._last_person = index
        else:
            self._last_org = index
        return index

    def _find(self, phrase: SpeakerPhrase) -> int | None:
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
            if entity.kind == "person" and len(tokens) == 1 and name in (words[0], words[-1]):
                return index
            if len(words) == 1 and len(tokens) > 1 and words[0] in (tokens[0], tokens[-1]):
                return index
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
                               r"[A-Z][\w’'-]*){1,4})", self.text):
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

    def _create(self, phrase: SpeakerPhrase) -> int:
        """Create an entity for a new name, expanding single words and acronyms."""
        name, kind = phrase.name, phrase.kind
        full = self.acronyms.get(name.replace(".", ""))
        entity = _Entity(name=name, kind=kind)
        if full:
            entity.name, entity.kind, entity.acronym = full, "org", name.replace(".", "")
        elif kind == "unknown":
            run, entity.kind = self._expand(name)
            words = run.split()
            while len(words) > 2 and words[0].lower() in TITLES:
                words.pop(0)  # "Mayor Frank Moretti": the title is a description
            entity.name = " ".join(words)
            if entity.name != name:
                entity.forms.add(name)
                entity.mention, entity.mention_start = run, self.text.find(run)
                entity.description = run[: len(run) - len(entity.name)].strip()
        self.entities.append(entity)
        return len(self.entities) - 1

    def _expand(self, word: str) -> tuple[str, str]:
        """Return the fullest name a single word stands for in the text, and its kind."""
        if self._runs is None:
            self._runs = _NAME_RUN.findall(self.text)
        best, company = "", False
        for run in self._runs:
            words = run.split()
            while len(words) > 1 and words[0].lower() in LEADING:
                words.pop(0)  # "While Villaraigosa had asked": "While" opens the sentence
            run = " ".join(words)
            if word in (words[0], words[-1]) and not any(w.lower() in ORG_WORDS for w in words):
                best = run if len(run) > len(best) else best
        for run in re.finditer(rf"\b{re.escape(word)}((?:[ \t]+[A-Z][\w.&-]*){{1,3}})", self.text):
            company = company or any(w.lower() in ORG_WORDS for w in run.group(1).split())
        if company and not best:
            return word, "org"  # "Torvane" of "Torvane Systems Inc"
        if best:
            return best, "person"
        if re.search(rf"\b(?:in|to|from|near|across|towards)\s+{re.escape(word)}\b", self.text):
            return word, "org"
        return word, "person"

    def _merge(self, index: int, phrase: SpeakerPhrase, start: int) -> None:
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
        if entity.kind == "unknown":
            entity.kind = "person"


def _abbreviates(short: str, name: str) -> bool:
    """Tell whether `short` is an acronym of the multi-word `name` ("FDA", "Food and Drug ...")."""
    short = short.replace(".", "")
    return (len(short) > 1 and short.isupper() and " " in name
            and initials(name) == short)
