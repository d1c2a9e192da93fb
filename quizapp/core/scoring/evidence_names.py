"""Names in an evidence text: capitalised entities, defined acronyms and the words near a match."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from quizapp.core.text.normalise import COUNTRIES, GLUE, Token, tokenise

TITLES = frozenset(
    "colonel lieutenant general major captain sergeant admiral commander brigadier corporal "
    "president vice prime minister secretary chancellor senator representative governor mayor "
    "doctor professor mr mrs ms miss mx sir dame lord lady king queen prince princess pope "
    "reverend rev father judge justice ambassador envoy commissioner deputy speaker inspector "
    "detective constable superintendent officer chief executive ceo cfo coo chairman chairwoman "
    "chair director spokesperson spokesman spokeswoman analyst founder coach manager leader "
    "head premier sheikh emir field marshal".split()
)
#: Capitalised words that are not names (weekdays, months, sentence openers).
_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december jan feb mar apr jun jul aug sep sept "
    "oct nov dec he she it they we i you but and or in on at more most some this that these those "
    "there their its his her after before while when if as by for with from according so yet "
    "a an the officials one two three four five six seven eight nine ten".split()
)
_LINKS = frozenset({"of", "for", "and", "the", "&", "on", "de", "da", "di", "von", "van", "der"})
_STOPS = frozenset(
    "and or but while whereas although though said says say told reported claimed stated "
    "estimated warned announced added wrote".split()
)
ORG_WORDS = frozenset(
    "office commission committee council agency ministry department service services institute "
    "institution university college school bank fund organization association union federation "
    "society group company corporation inc corp ltd plc llc party court force forces army navy "
    "police guard board bureau center foundation government parliament congress senate house "
    "assembly authority network news times post journal review press media tv radio channel "
    "storm hurricane typhoon cyclone command staff intelligence statistics survey forum trust "
    "alliance coalition club team fc league airlines airways motors systems technologies labs "
    "hospital clinic museum station airport port river lake mount island street road bridge "
    "county city province region state republic kingdom democrats republicans programme program "
    "project initiative institute laboratory observatory exchange market index rights watch "
    "international national federal central global world royal public security health energy "
    "space research capital partners amnesty peace cross crescent agency motor works industries "
    "industry steel electronics automotive petroleum mining pharmaceuticals".split()
)
_PARTICLES = frozenset("von van der den de da di del la le du bin al el ibn dos das ter".split())
_ARTICLES = frozenset({"a", "an", "the"})
_APPOSITIVE = frozenset({"a", "an", "the", "his", "her", "its", "their"})
_ENDS = frozenset(".!?\n")


def is_acronym(text: str) -> bool:
    """Say whether a word is written as an acronym ("NASA", "U.K.")."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def acronym_forms(words: list[Token]) -> set[str]:
    """Return the acronyms a run of words abbreviates to ("U.S. Trade Representative": ustr)."""
    content = [t for t in words if t.key not in GLUE and not t.punct and t.raw]
    if len(content) < 2:
        return set()
    firsts = "".join(t.raw[0] for t in content)
    whole = "".join(t.raw if is_acronym(t.text) else t.raw[0] for t in content)
    linked = "".join(t.raw[0] for t in words if t.raw not in _ARTICLES and not t.punct and t.raw)
    return {firsts, whole, linked}


def person_name(tokens: list[Token], kind: str, text: str) -> tuple[tuple[str, ...], bool]:
    """Return a person's name keys at the end of the tokens ("Col. Ann Lee" -> ann lee).

    The flag says the family name comes first, as in romanised Korean names ("Ryu Seong-hyeon").
    """
    if kind not in ("source", "text"):
        return (), False
    core: list[Token] = []
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        joined = i > 0 and tokens[i - 1].end == tok.start - 1 and text[tok.start - 1] == "-"
        if tok.raw in TITLES or not (tok.cap or joined or tok.raw in _PARTICLES and core):
            break
        core.insert(0, tok)
    titled = len(core) < len(tokens) and tokens[len(tokens) - len(core) - 1].raw in TITLES
    if not core or len(core) > 4 or (len(core) == 1 and not titled):
        return (), False
    for tok in core:
        if tok.key in ORG_WORDS or tok.key in COUNTRIES or is_acronym(tok.text):
            return (), False
        if not tok.text.replace("'", "").isalpha():
            return (), False
    # "Ryu Seong-hyeon" puts the family name first; "Maria Delgado-Ruiz" is a double surname.
    family_first = (
        len(core) == 3 and core[1].end == core[2].start - 1 and text[core[2].start - 1] == "-"
        and not core[2].cap
    )
    return tuple(t.key for t in core), family_first


def surname(person: tuple[str, ...]) -> tuple[str, ...]:
    """Return the surname keys of a person's name, with particles ("von der leyen")."""
    i = len(person) - 1
    while i > 0 and person[i - 1] in _PARTICLES:
        i -= 1
    return person[i:]


@dataclass(frozen=True)
class EvidenceNames:
    """The names of an evidence text, with token ranges, and the acronyms it defines."""

    tokens: tuple[Token, ...]
    entities: tuple[tuple[str, ...], ...]
    ranges: tuple[tuple[int, int], ...]
    definitions: tuple[tuple[tuple[str, ...], str], ...]  # (long form keys, acronym key)
    content: tuple[int, ...]  # indices of meaningful tokens

    def locate(self, variants: list[tuple[str, ...]]) -> tuple[tuple[int, int] | None, set[int]]:
        """Find the first variant in the evidence; return its token range and nearby entities."""
        keys = [self.tokens[i].key for i in self.content]
        for variant in sorted(variants, key=len, reverse=True):
            n = len(variant)
            for at in range(len(keys) - n + 1):
                if tuple(keys[at : at + n]) == variant:
                    occurrence = (self.content[at], self.content[at + n - 1] + 1)
                    lo, hi = self._zone(*occurrence)
                    own = {i for i, (a, b) in enumerate(self.ranges) if a < hi and b > lo}
                    return occurrence, own
        return None, set()

    def _zone(self, start: int, end: int) -> tuple[int, int]:
        """Return the token range of the phrase around a match (its descriptors, its apposition)."""
        toks, lo, hi, seen = self.tokens, start, end, 0
        while lo > 0 and seen < 6 and not toks[lo - 1].punct and toks[lo - 1].raw not in _STOPS:
            lo, seen = lo - 1, seen + 1
        seen = 0
        while hi < len(toks) and seen < 6 and not toks[hi].punct and toks[hi].raw not in _STOPS:
            hi, seen = hi + 1, seen + 1
        if hi + 1 < len(toks) and toks[hi].text == "," and toks[hi + 1].raw in _APPOSITIVE:
            stop = hi + 1
            while stop < min(len(toks), hi + 12) and not toks[stop].punct:
                stop += 1
            hi = stop
        return lo, hi

    def other_keys(self, own: set[int], occurrence: tuple[int, int] | None) -> set[str]:
        """Return the keys of names in the evidence other than the matched one and its phrase."""
        near: set[str] = set()
        if occurrence is not None:
            lo, hi = self._zone(*occurrence)
            near = {t.key for t in self.tokens[lo:hi]}
        keys = {k for i, entity in enumerate(self.entities) if i not in own for k in entity}
        return {k for k in keys - near if k not in TITLES and k not in _NOT_NAMES and len(k) > 1}


def _entities(tokens: tuple[Token, ...]) -> list[tuple[int, int]]:
    """Return the token ranges of capitalised runs ("Joint Chiefs of Staff", "JCS")."""
    runs, i = [], 0
    while i < len(tokens):
        if not tokens[i].cap:
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if tokens[j].cap:
                j += 1
            elif tokens[j].raw in _LINKS and j + 1 < len(tokens) and tokens[j + 1].cap:
                j += 2
            else:
                break
        opener = i == 0 or tokens[i - 1].text in _ENDS or tokens[i - 1].text in "\"'"
        if not (j == i + 1 and opener and tokens[i].raw in _NOT_NAMES):
            runs.append((i, j))
        i = j
    return runs


def _definitions(tokens: tuple[Token, ...]) -> list[tuple[tuple[str, ...], str]]:
    """Return the acronyms the text defines: "Joint Chiefs of Staff (JCS)", "WHO (World ...)"."""
    found = []
    for i, tok in enumerate(tokens):
        if tok.text != "(" or i + 2 >= len(tokens) or tokens[i + 2].text != ")":
            continue
        inner = tokens[i + 1]
        if is_acronym(inner.text) and i > 0:
            j = i
            while j > 0 and (tokens[j - 1].cap or tokens[j - 1].raw in _LINKS and j < i):
                j -= 1
            run = [t for t in tokens[j:i] if t.key not in GLUE]
            long = run
            for k in range(len(run) - 1, -1, -1):
                if inner.raw in acronym_forms(run[k:]):
                    long = run[k:]
                    break
            if long:
                found.append((tuple(t.key for t in long), inner.key))
    found += _short_names(tokens)
    for i, tok in enumerate(tokens[:-1]):
        if is_acronym(tok.text) and tokens[i + 1].text == "(":
            j = i + 2
            while j < len(tokens) and tokens[j].text != ")" and j < i + 12:
                j += 1
            inner_words = [t for t in tokens[i + 2 : j] if not t.punct and t.key not in GLUE]
            if j < len(tokens) and inner_words and tok.raw in acronym_forms(inner_words):
                found.append((tuple(t.key for t in inner_words), tok.key))
    return found


def _short_names(tokens: tuple[Token, ...]) -> list[tuple[tuple[str, ...], str]]:
    """Return short names defined in brackets from the long name's own words ("(Cal Fire)").

    The short name is keyed by its joined words ("calfire"), as an answer's words are matched.
    """
    found = []
    for i, tok in enumerate(tokens):
        if tok.text != "(" or i == 0:
            continue
        close = next((j for j in range(i + 2, min(i + 6, len(tokens))) if tokens[j].text == ")"), 0)
        inner = tokens[i + 1 : close]
        if len(inner) < 2 or not all(t.cap and not t.punct for t in inner):
            continue
        j = i
        while j > 0 and (tokens[j - 1].cap or tokens[j - 1].raw in _LINKS and j < i):
            j -= 1
        long = [t for t in tokens[j:i] if t.key not in GLUE and not t.punct]
        pool = [t.raw for t in long]
        for t in inner:
            hit = next((w for w in pool if w.startswith(t.raw) and len(t.raw) >= 3), None)
            if hit is None:
                break
            pool.remove(hit)
        else:
            if len(long) > len(inner):
                found.append((tuple(t.key for t in long), "".join(t.key for t in inner)))
    return found


@lru_cache(maxsize=2048)
def read_evidence(evidence: str) -> EvidenceNames:
    """Read the names of an evidence text (cached: one evidence serves many answers)."""
    tokens = tokenise(evidence)
    ranges = _entities(tokens)
    entities = tuple(
        tuple(t.key for t in tokens[a:b] if t.key not in GLUE and not t.punct) for a, b in ranges
    )
    content = tuple(i for i, t in enumerate(tokens) if not t.punct and t.key not in GLUE)
    return EvidenceNames(tokens, entities, tuple(ranges), tuple(_definitions(tokens)), content)
