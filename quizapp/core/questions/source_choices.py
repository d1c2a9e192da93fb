"""The choices of a source question: fair forms of a described source, distractor sources from
the same article (never a second name of the key's entity), and how a choice writes a source."""

from __future__ import annotations

import re
import weakref
from functools import lru_cache

from quizapp.core.claims.entities import names_same, same_entity, same_name
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.speakers import Speaker, known_source_head
from quizapp.core.questions.corpus import Article
from quizapp.core.questions.phrasing import owner_forms
from quizapp.core.questions.statements import common_word, uncut_person
from quizapp.core.scoring.aliases import same_body
from quizapp.core.text.words import word_spans

#: Name comparison is pure and the same pairs recur across claims: cached.
_same_name = lru_cache(maxsize=16384)(same_name)


def mentions(text: str, forms: list[str]) -> bool:
    """Tell whether `text` names any of `forms` as whole words."""
    low = text.lower()
    for form in forms:
        acronym = form.isupper() and len(form) > 1  # "WHO" is not "who were killed"
        hay, form = (text, form) if acronym else (low, form.lower())
        start = hay.find(form) if form else -1
        while start >= 0:
            end = start + len(form)
            if (start == 0 or not low[start - 1].isalnum()) and (
                end == len(low) or not low[end].isalnum()
            ):
                return True
            start = hay.find(form, start + 1)
    return False


def described_variants(article: Article, claim: Claim, speaker: Speaker,
                        answer: str) -> list[str]:
    """Return fair forms of a described source: the parsed description, and its head noun
    when no other source of the article shares it ("officials" for "railway officials")."""
    forms = [speaker.mention]
    head = _POLLED.split(speaker.mention)[0].split()[-1]  # "analysts polled by X": analysts
    others = [c.attribution.speaker for c in article.sentences
              if c.attribution.strength in ("named", "described") and c.attribution.speaker
              and c.attribution.speaker.name != speaker.name]
    modifiers = _POLLED.split(speaker.mention)[0].split()[:-1]
    if len(speaker.mention.split()) > 1 and (known_source_head(head) or re.search(
            r"(?:er|or|ist|ian|ent|ant|nel)$", head.lower())) and not any(
            _stem(o.mention.split()[-1]) == _stem(head) for o in others if o) and all(
            w.lower() in _GENERIC_MODIFIERS for w in modifiers):  # not "line" of "the help
        # line", nor "spokeswoman" of "an Israeli army spokeswoman": whose she is matters
        forms.append(head)
    if _stem(head) in ("poll", "survey") and not any(
            o and _stem(o.mention.split()[-1]) in ("poll", "survey") and not same_entity(o, speaker)
            for o in others):  # "a new poll", later "the survey": one poll, either word
        forms.extend(("the poll", "the survey"))
    qualified = re.search(rf"\b{re.escape(head.lower())}\s+(?:of|at|from|in|with|for|on)\s",
                          answer.lower()) is not None
    if not qualified:  # ("the leader of the PCS union" is no "Labour leader Ed Miliband")
        forms.extend(_named_as(article, speaker.mention))
    forms.extend(owner_forms(speaker.mention))  # "the ONS's latest crime figures": the ONS
    return [f for f in dict.fromkeys(forms) if f.lower() != answer.lower() and not (
        (f.lower() in _RELATIONAL or (qualified and f.lower() == head.lower() and not (
            head.lower().endswith("s")))) and re.search(
            rf"\b{re.escape(f.lower())}\s+(?:of|at|from|in|with|for|on)\s", answer.lower()))]


#: Heads that say who only with what follows them: "head" of "the head of the agency",
#: "person" of "a person at the scene" is no answer alone.
_RELATIONAL = frozenset("""head heads chief member members person people man woman men women
    one group team family part friend friends""".split())


def _named_as(article: Article, mention: str) -> list[str]:
    """Return the name and surname of the one person the article names with a described
    source's role ("a rebel leader", later "rebel leader Ana Ruiz"; "the sprinter" and "US
    sprinter Jon Cole"), or [] when no one or several are."""
    words = re.sub(r"^(?:the|a|an)\s+", "", mention.lower()).split()
    if not words or len(words) > 3 or words[-1].endswith("s") or not (
            known_source_head(words[-1]) or re.search(r"(?:er|or|ist|ian|ent|ant)$", words[-1])):
        return []
    role = " ".join(words)
    names = {s.name for s in article.speakers if s.kind == "person" and " " in s.name
             and re.search(rf"\b{re.escape(role)}\b", s.description.lower())}
    if not names:  # "US sprinter Jon Cole broke the record": named with the role, not as a source
        names = {m.group(1) for m in re.finditer(
            rf"(?i:\b{re.escape(role)})\s+([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'-]+){{1,2}})(?![\w’'])",
            article.source.text)}
    if len(names) != 1:
        return []
    name = next(iter(names))
    return [name, name.split()[-1]]


#: Words before a described source's head that say nothing of whose it is ("some senior officials").
_GENERIC_MODIFIERS = frozenset("""a an the some several many most other two three four five
    senior top local unnamed anonymous junior former career veteran retired longtime
    independent leading prominent federal""".split())
_POLLED = re.compile(r"\s+(?:polled|surveyed|questioned|interviewed|contacted|consulted)\s+by\s")


def _stem(word: str) -> str:
    """Return a crude singular of a head noun."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


#: Kept per article by id; a weak reference tells a live article from a reused id, and keeps no
#: article (and all its claims) alive after its bank is generated.
_POOLS: dict[int, tuple[weakref.ref[Article], list[Speaker]]] = {}


def _source_pool(article: Article) -> list[Speaker]:
    """Return an article's named and described sources, one per entity (kept per article)."""
    cached = _POOLS.get(id(article))
    if cached is not None and cached[0]() is article:
        return cached[1]
    pool: list[Speaker] = []
    candidates = list(dict.fromkeys(article.speakers))
    for claim in article.sentences:
        other = claim.attribution.speaker
        if claim.attribution.strength == "described" and other is not None:
            candidates.append(other)
    for other in dict.fromkeys(candidates):
        if not any(same_entity(other, p) for p in pool):
            pool.append(other)
    if len(_POOLS) > 256:
        _POOLS.clear()
    _POOLS[id(article)] = (weakref.ref(article), pool)
    return pool


_OTHERS: dict[tuple[int, str, str, str, str], tuple[weakref.ref[Article], list[str]]] = {}


def other_speakers(article: Article, speaker: Speaker, answer: str) -> list[str]:
    """Return distractor sources from the article (kept per article, speaker and answer)."""
    key = (id(article), speaker.name, speaker.mention, speaker.kind, answer)
    kept = _OTHERS.get(key)
    if kept is not None and kept[0]() is article:
        return kept[1]
    if len(_OTHERS) > 4096:
        _OTHERS.clear()
    found = _pick_others(article, speaker, answer)
    _OTHERS[key] = (weakref.ref(article), found)
    return found


def _pick_others(article: Article, speaker: Speaker, answer: str) -> list[str]:
    """Return distractor sources from the article itself (named ones, then described ones),
    people for a person and organisations for an organisation first; never a second name of
    the answer's entity, and never two names of one entity."""
    pool = sorted(_source_pool(article), key=lambda s: (s.kind == "vague", s.kind != speaker.kind))
    picked: list[Speaker] = []
    named = set(_named_as(article, speaker.mention)) if speaker.kind == "vague" else set()
    referents = [s for s in article.speakers if s.name in named]  # "the spokeswoman": the
    # spokeswoman the article named, Carlotta Sami of UNHCR
    role = speaker.mention.lower().split()[-1] if referents else ""
    for other in pool:
        if same_entity(other, speaker) or names_same(answer, other):
            continue
        if referents and (any(same_entity(other, r) or _alias_within(other.mention, r.mention)
                              or mentions(r.mention, [other.name, other.mention])
                              for r in referents) or re.search(
                rf"\b{re.escape(role)}\b", f"{other.mention} {other.description}".lower()) or (
                other.kind == "person" and re.search(
                    rf"\b{re.escape(role)}\b[^.;:]{{0,60}}\b{re.escape(other.name)}\b",
                    article.source.text, re.I))):
            continue  # "Tove Ernst", another spokeswoman, or "the UN refugee agency" that
            # Carlotta Sami speaks for, beside "the spokeswoman": either may be right
        if other.kind == "vague" and _stem(other.mention.split()[-1]) == _stem(answer.split()[-1]):
            continue  # "an official" beside "railway officials": may be the same people
        if _shares_compound(other.mention, answer) or _authored(other.mention, answer,
                                                                   article.source.text) or (
                _named_together(speaker, other, article)):
            continue  # "help line personnel" beside "the Rourkela help line": one body
        if any(_same_name(other.mention, p.mention) or one_force(other.mention, p.mention)
               or _shares_compound(other.mention, p.mention)
               or _authored(other.mention, p.mention, article.source.text) for p in picked) \
                or one_force(other.mention, answer):
            continue  # "army" beside "Israeli military": one country's armed forces
        if _same_name(other.mention, answer) or choice_label(other, article.source.text) is None:
            continue
        if _research_pair(other.mention, answer) or any(_research_pair(other.mention, p.mention)
                                                        for p in picked):
            continue  # "the new study" beside "scientists" who wrote it: one source
        if _staff_of(other.mention, answer) or any(_staff_of(other.mention, p.mention)
                                                   for p in picked):
            continue  # "state fire officials" beside "Cal Fire": may be its officials
        if _alias_within(other.mention, answer) or _alias_within(answer, other.mention) or any(
                _alias_within(other.mention, p.mention) or _alias_within(p.mention, other.mention)
                for p in picked):
            continue  # "UN refugee agency" beside "UNHCR spokesperson X": the agency's own
        if not_a_source(other.mention) or any(subsumed(other.mention, x) for x in (
                answer, *(p.mention for p in picked))):
            continue  # "an official toll"; "a rebel leader" beside "rebel leader A. Hissene"
        if mentions(answer, [other.name, other.mention, *(f for f in other.short_forms
                                                           if _acronym(f))]) \
                or mentions(
                other.mention, [answer.removeprefix("the ").removeprefix("The ")]):
            continue  # "Nationwide" beside "the Nationwide building society", "the UN refugee
            # agency" (UNHCR) beside "UNHCR spokesperson William Spindler": one body
        picked.append(other)
        if len(picked) == 3:
            break  # three distractors are all a question offers
    return [choice_label(p, article.source.text) or p.mention for p in picked]


#: Heads of a research team and of its work: the study is the scientists' own.
_RESEARCHERS = re.compile(r"\b(?:scientists?|researchers?|authors?|team|scholars?|academics?)$",
                          re.I)
_RESEARCH = re.compile(r"\b(?:study|studies|analysis|research|paper|findings?|report|survey|"
                       r"review|trial)$", re.I)


#: People who speak for a body, and words before them that say nothing of which body.
_STAFF = frozenset("""officials official spokesman spokeswoman spokesperson spokespeople staff
    sources source investigators officers officer workers employees executives""".split())
_PLAIN = frozenset("""the a an some several many other senior top local state federal national
    city county regional provincial government unnamed anonymous two three four""".split())


def _staff_of(a: str, b: str) -> bool:
    """Tell whether one source may be the other's own people: "state fire officials" beside
    "Cal Fire", "health officials" beside "the Ministry of Health" (the words that say whose
    officials they are all stand in the body's name)."""
    for staff, body in ((a, b), (b, a)):
        words = staff.lower().split()
        if not words or words[-1] not in _STAFF:
            continue
        own = [w for w in words[:-1] if w not in _PLAIN]
        names = {_stem(w.strip("(),.")) for w in body.lower().split()}
        if own and all(_stem(w) in names for w in own):
            return True
    return False


def _research_pair(a: str, b: str) -> bool:
    """Tell whether one source is a research team and the other a piece of research ("the new
    study", "Scientists"): the article's study is its authors' own, so never two choices."""
    a, b = a.strip(" .,"), b.strip(" .,")
    return bool(_RESEARCHERS.search(a) and _RESEARCH.search(b)
                or _RESEARCHERS.search(b) and _RESEARCH.search(a))


def _alias_within(body: str, label: str) -> bool:
    """Tell whether a label holds an acronym that is a standard form of a body ("UNHCR" in
    "UNHCR spokesperson X" of "the UN refugee agency")."""
    plain = re.sub(r"^(?i:the)\s+", "", body.strip())
    return any(word != plain and same_body(plain, word)
               for word in re.findall(r"\b[A-ZÀ-ÖØ-ÞĀ-Ž][A-Z&]{1,9}\b", label))


_BARE = frozenset("the a an".split())
#: Heads of a phrase that counts or tells, and so names no one ("an official toll").
_NO_SOURCE_HEADS = frozenset("toll tolls count tally total number".split())


def subsumed(a: str, b: str) -> bool:
    """Tell whether the words of one source label all stand in the other ("a rebel leader",
    "rebel leader Ali Hissen"): they may name one source, so never two choices."""
    words_a = {w for w in re.findall(r"[\w’'.-]+", a.lower()) if w not in _BARE}
    words_b = {w for w in re.findall(r"[\w’'.-]+", b.lower()) if w not in _BARE}
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def not_a_source(label: str) -> bool:
    """Tell whether a label is a count or a crime, not a source ("an official toll", "Rape
    or sexual assaults")."""
    words = label.lower().split()
    return bool(words) and (words[-1] in _NO_SOURCE_HEADS or " or " in f" {label.lower()} ")


def _acronym(form: str) -> bool:
    """Tell whether a short form is an acronym ("UNHCR", "DfE", "MoD"): one word of three
    letters or more, two of them capitals."""
    return len(form) > 2 and " " not in form and sum(c.isupper() for c in form) >= 2


def _named_together(speaker: Speaker, other: Speaker, article: Article) -> bool:
    """Tell whether the article names two sources in one phrase, a few words apart ("said
    Fionnuala Earley, Nationwide chief economist"): one may speak for the other, so it is no fair
    wrong choice."""
    text = article.source.text
    names = [s for f in (speaker.name, *speaker.short_forms) if len(f) > 2
             for s in _occurrences(f, text)]
    bodies = [s for f in (other.name, *other.short_forms) if len(f) > 2
              for s in _occurrences(f, text)]
    return any(_near(text, x, y) for x in names for y in bodies)


#: What may stand between two names of one phrase: up to three words, within one sentence.
_BETWEEN = re.compile(r"[^\w.!?;]+(?:[\w'’-]+[^\w.!?;]+){0,3}")


def _near(text: str, x: tuple[int, int], y: tuple[int, int]) -> bool:
    """Tell whether two name spans stand a few words apart in one sentence, in either order."""
    (a, b), (c, d) = sorted((x, y))
    return 0 < c - b <= 120 and _BETWEEN.fullmatch(text, b, c) is not None


@lru_cache(maxsize=16384)
def _occurrences(form: str, text: str) -> tuple[tuple[int, int], ...]:
    """Return the spans where `form` stands as whole words in `text` (cached per article)."""
    return tuple(word_spans(text, form))


def _authored(a: str, b: str, text: str) -> bool:
    """Tell whether one source is a document the article says the other wrote ("a study by 37
    scientists" beside "the Ocean Data Network" when the article writes "the study by the
    Ocean Data Network"): one source, never two choices."""
    for doc, author in ((a, b), (b, a)):
        if " by " not in doc and " By " not in doc:
            continue  # most sources name no author: no pattern to try
        found = re.match(r"(?:an?\s+|the\s+)?(?P<noun>[a-z]+)\s+by\s", doc, re.I)
        name = author.removeprefix("the ").removeprefix("The ")
        if found and re.search(rf"\b{found.group('noun')}\s+by\s+(?:the\s+)?{re.escape(name)}",
                               text, re.I):
            return True
    return False


def _shares_compound(a: str, b: str) -> bool:
    """Tell whether two lower-case noun compounds of two words or more are shared by two
    sources ("help line" of "help line personnel" and "the Rourkela help line")."""
    def pairs(text: str) -> set[str]:
        words = [w for w in text.split() if w.islower() and w.isalpha()]
        return {f"{x} {y}" for x, y in zip(words, words[1:], strict=False)}
    return bool(pairs(a) & pairs(b))


#: Heads that name one body of a country in news prose: its armed forces, its police.
_FORCES = (frozenset(("army", "military", "armed forces", "defence forces", "defense forces")),
           frozenset(("police", "police force", "police service")))


_FORCE_ENDS = [(h, re.compile(rf"\b{h}$")) for group in _FORCES for h in group]


def one_force(a: str, b: str) -> bool:
    """Tell whether two described sources name one country's armed forces or police, or their
    people ("the army", "the Israeli military", "the military source"): one entity, never two
    choices."""
    first, second = _force_head(a), _force_head(b)
    return bool(first and second) and any(first in g and second in g for g in _FORCES)


@lru_cache(maxsize=4096)
def _force_head(text: str) -> str:
    """Return the head naming armed forces or police that a source ends with ("" if none)."""
    text = re.sub(r"[’']s\b", "", text.lower())
    text = re.split(r"\s(?:in|at|from|of|for|with)\s", text, maxsplit=1)[0]  # "... in Bangui"
    words = text.split()
    if len(words) > 1 and words[-1] in _STAFF:
        text = " ".join(words[:-1])  # "the military source", "a police spokesman": its force
    return next((h for h, pattern in _FORCE_ENDS if pattern.search(text)), "")


@lru_cache(maxsize=16384)
def choice_label(speaker: Speaker, text: str) -> str | None:
    """Return how a choice names a source, or None when it names none fit to stand beside the
    key: an age ("65-year-old"), a bare common word ("Official", "road"), an aside with commas
    ("Chicago judge, Amy St Eve" becomes "Amy St Eve"), a title cut from its owner ("rescue
    team Berty Kowas" becomes "Berty Kowas")."""
    label = uncut_person(speaker, speaker.mention.strip())
    if "," in label:
        label = speaker.name if "," not in speaker.name else ""
    words = label.split()
    if not words or re.match(r"[\d(]", label) or "year-old" in label or re.search(
            r"\b[a-z]+(?:ed|ing)$", label):
        return None
    if len(words) == 1 and not label.isupper() and (label.islower() or common_word(label, text)):
        return None
    if len(words) == 2 and words[0].lower() in ("one", "another") and words[1].islower():
        return None  # "One resident" (who lives by the dam): one of many, named by no more
    if cut_name(label, text):
        return None
    if one_word_body(speaker, label):
        return f"the {label}"
    return key_form(label, text)


def one_word_body(speaker: Speaker, label: str) -> bool:
    """Tell whether a source is a body the article names with "the" and one capitalised word
    ("the Hill", "the Treasury"), which a key or choice writes with its "the", not as a bare
    word."""
    return speaker.definite and speaker.kind == "org" and bool(re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+", label))


def cut_name(label: str, text: str) -> bool:
    """Tell whether a name is cut short: the article writes it only as the start of a longer
    one joined by "and" ("the National Disaster Risk Reduction" of "... Reduction and
    Management Council"; not "Jane Roe" of "Jane Roe of the Institute", an affiliation)."""
    name = label.removeprefix("the ").removeprefix("The ")
    if len(name.split()) < 2 or not name[:1].isupper():
        return False
    hits = [end for _start, end in _occurrences(name, text)]
    return bool(hits) and all(re.match(r"\sand\s+[A-ZÀ-ÖØ-ÞĀ-Ž]", text[h : h + 30])
                              for h in hits)


@lru_cache(maxsize=16384)
def key_form(label: str, text: str = "") -> str:
    """Return a source as a choice writes it, so that no choice stands out by its form: no
    leading article ("new study", "police officer", "Israeli army spokeswoman"), a common
    opening word in lower case."""
    words = label.split()
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        label = " ".join(words[1:])
    if common_word(label, text):
        label = label[0].lower() + label[1:]
    return label
