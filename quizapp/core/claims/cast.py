"""The cast of an article: its speakers merged across mentions (surnames, acronyms, pronouns)."""

from __future__ import annotations

import re

from quizapp.core.claims.cast_entities import Entities
from quizapp.core.claims.referents import (
    AGED,
    AGED_SUBJECT,
    HONORIFIC,
    INTRODUCED,
    gender,
    may_be,
)
from quizapp.core.claims.speakers import (
    ORG_NOUNS,
    ORG_WORDS,
    TITLES,
    Speaker,
    SpeakerPhrase,
    read_speaker,
    short_forms,
)
from quizapp.core.text.countries import is_country

_TITLE_WORDS = "|".join(sorted((re.escape(t) for t in TITLES if t.isalpha()), key=len,
                               reverse=True))
_TITLED_ANYWHERE = re.compile(  # "Secretary-General X": one title, never "General X"
    r"(?<![\w-])(?P<title>(?i:(?:" + _TITLE_WORDS + r")(?:-(?:" + _TITLE_WORDS + r"))?))\s+"
    r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž][\w’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž][\w’'-]*){1,2})(?![\w’'])(?!\s+[A-ZÀ-ÖØ-ÞĀ-Ž])")
_TITLED_SUBJECT = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+\.?)(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+){2,3}(?=\s+[a-z])")
#: The capitalised words of an office before its title: "US Treasury" of "US Treasury
#: Secretary John Snow" (not a sentence's opening word: "After Treasury Secretary ...").
_OFFICE_BEFORE = re.compile(r"(?<![\w’'.-])(?!(?:The|A|An|After|Before|When|As|But|And|On|In|"
                            r"At|By|For|From|With|Former|Then)\s)"
                            r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'.&-]*\s+){1,3}$")
#: Groups of people who report what they find or see, whom a later "they" may mean.
_PEOPLE_GROUPS = frozenset("""officials experts analysts observers diplomats authorities
    residents witnesses researchers scientists economists doctors investigators police
    prosecutors detectives firefighters rescuers paramedics medics engineers villagers survivors
    authors academics epidemiologists astronomers geologists seismologists archaeologists
    inspectors auditors regulators officers team""".split())
#: A group of people opening a sentence as its subject: "The researchers followed ...".
_GROUP_SUBJECT = re.compile(r"(?P<np>(?:(?:The|the)\s+(?:[\w-]+\s+){0,2}?)?"
                            r"(?P<head>[A-Za-z][a-z]+))(?:,[^,;:]{3,60},)?(?:\s+(?:at|from|of|in)\s+(?:the\s+)?"
                            r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*\s+){0,4}?[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]*)?\s+(?:also\s+)?[a-z]+ed\b")
#: How far back, in characters, a group may be that a "they" means (about two sentences).
_GROUP_REACH = 400
#: Two capitalised words in a row, which the name in _TITLED_ANYWHERE needs: a quick test first.
_TWO_CAPITALS = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž][\w’'-]*\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]")


#: A person's surname opening a sentence as its subject or owner: "Cole's time was", "Ruiz
#: rejoiced in".
_PERSON_OPENER = re.compile(r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][a-z’'-]+)(?:[’']s\s+[a-z]|\s+(?:was|is|had|has|"
                            r"rejoiced|hugged|won|finished|came|ran|wept|smiled|celebrated|"
                            r"looked|shook|waved)\b)")


class Cast(Entities):
    """Speakers of one article, merged as mentions arrive in reading order."""

    def __init__(self, text: str):
        super().__init__(text)
        self._last_person: int | None = None
        self._last_named: int | None = None
        self._last_org: int | None = None
        self._named_at = -1  # where the latest named speaker was mentioned
        self._group: tuple[SpeakerPhrase, int] | None = None  # the latest group of people

    def group_for_they(self, start: int) -> tuple[SpeakerPhrase, int] | None:
        """Return the group of people a "they" at `start` means: the last one mentioned
        ("Researchers followed 900 adults. They found C"), if no one was named after it and
        it was mentioned in the last few sentences, with where it was; else None."""
        if self._group is None:
            return None
        at = self._group[1]
        return self._group if at >= self._named_at and 0 <= start - at <= _GROUP_REACH else None

    def _note_group(self, phrase: SpeakerPhrase, start: int) -> None:
        """Remember a group of people a later "they" may mean ("the researchers")."""
        head = phrase.name.lower().split()[-1] if phrase.name.split() else ""
        if head in _PEOPLE_GROUPS and start >= 0:
            self._group = (phrase, start)

    def add(self, phrase: SpeakerPhrase, start: int) -> int | None:
        """Record a mention at `start` in the text; return its entity index (None: no entity)."""
        if phrase.kind == "vague":
            self._note_group(phrase, start)
            aged = AGED.fullmatch(phrase.name)
            if aged:  # "Kirk, 58, ... the 58-year-old told the court": the person of that age
                named = [m for m in re.finditer(rf"\b([A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+){{0,2}})"
                                                rf"(?:,\s+{aged.group(1)},|\s+\({aged.group(1)}\))",
                                                self.text[: max(start, 0)])]
                if named:
                    person = SpeakerPhrase(named[-1].group(1), "", named[-1].group(1), "unknown")
                    index = self.find(person)
                    return self._touch(self.create(person) if index is None else index)
            role = phrase.name.lower()
            if role in TITLES:  # "the commissioner stated ...": the source stays described,
                for index in reversed(range(len(self.entities))):  # but a "he" after it is
                    entity = self.entities[index]  # the commissioner named before
                    if entity.kind == "person" and re.search(
                            rf"\b{re.escape(role)}\b", entity.description.lower()):
                        self._touch(index)
                        break
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
                index = self.find(org)
                index = self.create(org) if index is None else index
                self.merge(index, org, -1)
                return self._touch(index)
            orgs = [i for i, e in enumerate(self.entities) if e.kind == "org"]
            for index in reversed(orgs):
                entity = self.entities[index]
                if phrase.name in f"{entity.name} {entity.description}".lower():
                    return self._touch(index)
            if len(phrase.mention.split()) > 1:  # "the health ministry": its own institution
                named = SpeakerPhrase(phrase.mention, "", phrase.mention, "org")
                index = self.find(named)
                index = self.create(named) if index is None else index
                self.merge(index, named, start)
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
        self._named_at = max(self._named_at, start)
        index = self.find(phrase)
        if index is None:
            index = self._described_again(phrase)
            if index is not None:
                return self._touch(index)
            index = self.create(phrase)
        self.merge(index, phrase, start)
        return self._touch(index)

    def _described_again(self, phrase: SpeakerPhrase) -> int | None:
        """Return the organisation a capitalised description names again: "the EU agency"
        after "the EU Office for Flood Relief" (its capitalised words all in that name, its
        head an organisation noun); None when there is none."""
        words = phrase.name.split()
        if phrase.kind != "org" or len(words) < 2 or words[-1] not in ORG_NOUNS:
            return None
        marks = [w for w in words[:-1] if w[:1].isupper()]
        if not marks or len(marks) != len(words) - 1:
            return None
        for index in range(len(self.entities) - 1, -1, -1):
            entity = self.entities[index]
            if entity.kind == "org" and entity.name != phrase.name and may_be(
                    words[-1], entity.name) and all(
                    re.search(rf"(?<!\w){re.escape(m)}(?!\w)", entity.name) for m in marks):
                return index
        return None

    def notice_subject(self, name: str, start: int) -> None:
        """Note a person named in full as a sentence's subject whose own words a "she said"
        later in that sentence reports; never a body, place or title."""
        phrase = read_speaker(name)
        if phrase is not None and phrase.kind in ("person", "unknown") and not (
                is_country(name) or set(name.lower().split()) & ORG_WORDS or (
                    name.split()[0].lower() in TITLES)):
            self.add(SpeakerPhrase(phrase.name, "", name, "person"), start)

    def notice(self, sentence: str, start: int) -> None:
        """Note a titled person who opens a sentence without a cue ("Mayor Frank Moretti had
        threatened a veto."), so that a following "he said" refers to them."""
        group = _GROUP_SUBJECT.match(sentence)  # "The researchers followed 900 adults."
        if group and group.group("head").lower() in _PEOPLE_GROUPS:
            phrase = read_speaker(group.group("np"))
            if phrase is not None and phrase.kind == "vague":
                self._note_group(phrase, start)
        opener = _PERSON_OPENER.match(sentence)  # "Cole's time was a national record. '...,'
        if opener is not None and self._opened_by(opener.group("name"), start):  # she said":
            return  # Cole is the "she" of the next sentence
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
            if titled.start() and all(w in TITLES for w in titled.group("title").lower().rstrip(
                    ".").split("-")):
                # "after Treasury Secretary John Snow called ...": the next "He" is Snow
                name = titled.group("name")
                office = _OFFICE_BEFORE.search(sentence, 0, titled.start())
                lead = office.start() if office else titled.start()  # "US Treasury Secretary
                title = sentence[lead : titled.start("name")].strip()  # John Snow", whole
                self.add(SpeakerPhrase(name, title, sentence[lead : titled.end()], "person"),
                         start + lead)
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
                indefinite=e.indefinite,
            )
            for e in self.entities
        ]

    def _opened_by(self, surname: str, start: int) -> bool:
        """Make the person whose surname opens a sentence the latest one, when the article
        names them in full ("Mara Cole ... Cole's time was"); tell whether it did."""
        known = [i for i, e in enumerate(self.entities)
                 if e.kind == "person" and e.name.split()[-1] == surname]
        if known:
            self._touch(known[-1])
            return True
        full = re.search(rf"\b([A-ZÀ-ÖØ-ÞĀ-Ž][a-z’'-]+ {re.escape(surname)})\b(?!\s+[A-ZÀ-ÖØ-ÞĀ-Ž])", self.text)
        phrase = read_speaker(full.group(1)) if full else None
        if phrase is None or phrase.kind != "person" or is_country(phrase.name):
            return False
        if full.start() > start:
            return False  # named in full only later: no one the reader knows yet
        self.add(SpeakerPhrase(phrase.name, "", full.group(1), "person"), full.start(1))
        return True

    def _touch(self, index: int) -> int:
        """Make entity `index` the latest named speaker for pronoun resolution."""
        self._last_named = index
        if self.entities[index].kind == "person":
            self._last_person = index
        else:
            self._last_org = index
        return index
