"""Open-book figure prompts read from the figure's own clause, when the claim's clause as a whole
gives no question: "[X said] five people were killed on Monday when two buses collided" ->
"According to X, how many people were killed on Monday?"; "there were 12 arrests at the match"
-> "How many arrests does X say there were at the match?"; "a further 26% of voters say they
are undecided" -> "According to X, what share of voters say they are undecided?".

Each prompt names the figure's counted noun and its verb; it is dropped when another figure of
the article, of another value, counts the same noun with the same verb (two answers)."""

from __future__ import annotations

import re

from quizapp.core.claims.extract import Claim
from quizapp.core.claims.figures import Figure
from quizapp.core.questions.asking import plural

#: What may stand right before a figure that opens its clause ("said 25 people ...", "and 14
#: others ...", "that a further 12% of ...").
_OPENS = re.compile(r"(?:^|[,;:]\s|\b(?:and|but|while|whereas|that|said|says|say|added|"
                    r"adds|warned|told\s+\w+)\s)(?:(?:only|just|a\s+further|another|some|"
                    r"a\s+total\s+of|all)\s+)?$", re.I)
#: What a bare count ("another 300 were still missing in X") can only be of: people.
_CASUALTY = re.compile(r"^(?:\w+\s+){0,2}(?:missing|killed|dead|died|injured|wounded|hurt|"
                       r"arrested|detained|rescued|evacuated|displaced|hospitali[sz]ed)\b")
#: A part of a group counted: "18 of the hurt were ...", "some 90 of the missing were ...".
_PART_OF = re.compile(r"\s+of\s+(?P<np>(?:the|those)\s+[a-z-]+(?:\s+[a-z-]+){0,2}?)"
                      r"(?=\s+(?:were|are|was|had|have|remain|remained|died|[a-z]+ed)\s)")
#: A second counted subject sharing the verb: "[three guards] and at least 9 rioters".
_COUNT = r"(?:(?:at\s+least|more\s+than|about|around|some|nearly|almost|up\s+to)\s+)?" \
         r"(?:\d[\d,]*|[a-z]+)\s+[A-Za-z-]+(?:\s+[A-Za-z-]+){0,2}?"
_PAIRED = re.compile(rf"\s+and\s+{_COUNT}(?=\s+(?:were|have\s+been|had\s+been|are|died)\s)")
_PAIR_BEFORE = re.compile(rf"(?:^|[,;:]\s|\bthat\s|\bsaid\s){_COUNT}\s+and\s+"
                          r"(?:(?:at\s+least|more\s+than|"
                          r"about|around|some|nearly|almost|up\s+to)\s+)?$", re.I)
#: Where the predicate of a counted subject may be cut short: the rest goes with another figure.
_CUT = re.compile(r"[,;]\s|\.\s|\s(?:and|but|while|whereas|when|after|as|with|of\s+whom|"
                  r"in\s+addition\s+to|where|which|who)\s")
_VERB = re.compile(r"(?!(?:based|aged|located|called|named|known|including|excluding|"
                   r"compared|according)$)(?:is|are|was|were|has|have|had|will|would|could|"
                   r"can|may|might|must|should|did|do|does|died|remain|remained|say|said|"
                   r"back|backed|support|supported|want|wanted|think|believe|intend|plan|"
                   r"[a-z]{3,}ed|fell|rose|went|came|left|took|made|lost|won|saw|got|ran|fled|"
                   r"hit|put|set|held|met|stood)")
#: Verbs in -ed that read as a past tense with no object ("27 militants died").
_INTRANSITIVE = re.compile(r"died|drowned|perished|survived|arrived|voted|remained|disappeared|"
                           r"escaped|returned|gathered|protested|stayed|moved|worked|lived|"
                           r"applied|signed|turned\s+out|attended|graduated|failed|passed|"
                           r"resigned|retired|stopped|started|joined|agreed|refused|ended")
_AUX = frozenset("is are was were has have had will would could can may might must should be "
                 "been being also still now already only reportedly currently".split())
_THERE = re.compile(r"there\s+(?P<verb>were|was|are|is|had\s+been|have\s+been|has\s+been|"
                    r"will\s+be|would\s+be)\s+$", re.I)
_NOUN_WORD = re.compile(r"[a-z][a-z’'-]*")
_NOUN_STOP = frozenset("in on at of for from to by with and or but who which that as after when "
                       "while than since during across among".split())
MAX_PREDICATE = 14


def clause_prompt(claim: Claim, figure: Figure, label: str,
                  figures: list[tuple[Figure, str]]) -> str | None:
    """Return an open-book prompt for a figure that opens a clause of its sentence, or None.
    `figures` are the article's figures with their sentences (for the check that the prompt
    has one answer)."""
    text = claim.text
    lo, hi = figure.start - claim.start, figure.end - claim.start
    before, after = text[:lo], text[hi:]
    if re.match(r"[“\"‘']?(?:If|Unless|When|Once|Until|Should|Were)\b", text):
        return None  # "If X steps aside, 57% say ...": the condition would be lost
    there = _THERE.search(before)
    if there and _OPENS.search(before[: there.start()]):
        return _there_prompt(claim, figure, label, there.group("verb").lower(), after, figures)
    paired = _PAIR_BEFORE.search(before)
    if not _OPENS.search(before) and not (paired and _OPENS.search(before[: paired.start()])):
        return None
    if re.search(r"%|per\s?cent", figure.text, re.I) and (
            re.match(r"\s+of\s", after) or not figure.noun):
        return _share_prompt(claim, figure, label, after, figures)
    part_of = _PART_OF.match(after)
    if part_of and not figure.unit[:1].isdigit() and not re.search(r"\d", part_of.group("np")):
        predicate = _predicate(claim, figure, after[part_of.end() :])
        many = "much" if figure.topic == "money" else "many"  # "£80 of the annual fee"
        if predicate and _unique(figure, part_of.group("np"), predicate, figures):
            return f"According to {label}, how {many} of {part_of.group('np')} {predicate}?"
        return None  # "18 of the hurt were flown to the capital"
    bare = re.match(r"\s+(?:were|are|remain|remained|had\s+been|have\s+been|died)\s", after)
    if bare and (not figure.noun or figure.noun_before
                 or after.split()[0] == figure.noun.split()[0]):  # "12 remain" read as a noun
        predicate = _predicate(claim, figure, after)  # "another 300 were still missing"
        if figure.topic == "money":
            return f"According to {label}, how much {predicate}?" if predicate else None
        if predicate and len(predicate.split()) >= 3 and _CASUALTY.search(predicate) and \
                _unique(figure, "_", predicate, figures):  # never "how many were killed?"
            return f"According to {label}, how many {predicate}?"
        return None
    if figure.topic == "money" and re.match(r"\s+(?:would|will|was|is|has|had|could)\s",
                                            after):
        predicate = _predicate(claim, figure, after)  # "£50,000 would be paid to ..."
        return f"According to {label}, how much {predicate}?" if predicate else None
    noun = figure.noun
    if not noun or figure.noun_before or figure.unit != noun or not after.startswith(
            " " + noun) or re.search(r"(?:ed|ing)$", noun):
        return None  # "all 61 killed were militants": no counted noun
    rest = after[1 + len(noun) :]
    pair = _PAIRED.match(rest)
    if pair:  # "Three guards and at least 9 rioters were hurt": the verb is shared
        rest = rest[pair.end() :]
    predicate = _predicate(claim, figure, rest)
    if predicate is None or not _unique(figure, noun, predicate, figures):
        return None
    return f"According to {label}, how many {noun} {predicate}?"



_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘'A-Z])")  # never inside "4.9 per cent"


def article_figures(claims: list[Claim]) -> list[tuple[Figure, str]]:
    """Return every figure of the article's claims with the one sentence of its claim that holds
    it (a quotation of several sentences is split)."""
    found = []
    for claim in claims:
        cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(claim.text)), len(claim.text)]
        for lo, hi in zip(cuts, cuts[1:], strict=False):
            found.extend((f, claim.text[lo:hi].strip()) for f in claim.figures
                         if lo <= f.start - claim.start < hi)
    return found


def _sentence_of(claim: Claim, figure: Figure, figures: list[tuple[Figure, str]]) -> str:
    """Return the sentence that holds a figure (from `figures`)."""
    return next((t for f, t in figures if f is figure), claim.text)



def unique_prompt(prompt: str, label: str, claim: Claim, figure: Figure,
                  figures: list[tuple[Figure, str]]) -> bool:
    """Tell whether no figure of another sentence of the article, of the same unit and another
    value, stands in a sentence that holds every content word of the prompt (two answers)."""
    words = {_stem(w) for w in re.findall(r"[a-z][a-z’'-]+", prompt.replace(label, "").lower())
             if w not in _PROMPT_WORDS}
    own = _sentence_of(claim, figure, figures)
    for other, sentence in figures:
        if sentence == own or other.value == figure.value or _stem(other.unit) != _stem(
                figure.unit):
            continue
        have = {_stem(w) for w in re.findall(r"[a-z][a-z’'-]+", sentence.lower())}
        if words <= have:
            return False
    return True


_PROMPT_WORDS = frozenset("according to how many much what which figure share does do did say "
                          "says give gives the a an of by in on at is are was were has have had "
                          "been be there earlier level".split())


def _there_prompt(claim: Claim, figure: Figure, label: str, verb: str, after: str,
                  figures: list[tuple[Figure, str]]) -> str | None:
    """"there were 12 arrests at the match" -> "How many arrests does X say there were at the
    match?"."""
    words = []
    for found in re.finditer(r"\S+", after):
        word = found.group(0)
        if word.lower() in _NOUN_STOP or not _NOUN_WORD.fullmatch(word.rstrip(",.;")) \
                or len(words) == 3:
            break
        words.append(word)
        if word[-1] in ",.;":
            break
    noun = " ".join(words).rstrip(",.;")
    if not noun or noun.endswith(("ly", "ing")):
        return None
    rest = after.lstrip()[len(noun) :]
    tail = _predicate(claim, figure, rest, need_verb=False)
    if tail is None or not _unique(figure, noun.split()[-1], verb.split()[0], figures):
        return None
    say = "do" if plural(label) else "does"
    tail = f" {tail}" if tail else ""
    return f"How many {noun} {say} {label} say there {verb}{tail}?"


def _group(body: str) -> str | None:
    """Return the group a share is of, read from the words after "of" up to its verb
    ("likely voters" of "likely voters say ...", "those who backed X" of "those who backed X now
    back Y"), or None."""
    verb = r"(?P<verb>(?:now\s+|still\s+|currently\s+)?[A-Za-z’'-]+)"
    found = re.match(rf"(?P<np>[^,;.]{{2,80}}?)\s+{verb}", body)
    while found and (not _VERB.fullmatch(found.group("verb").split()[-1]) or re.search(
            r"\b(?:who|that|which)$", found.group("np"))):  # "those who backed": go on
        found = re.match(rf"(?P<np>{re.escape(body[: found.end()])})\s+{verb}", body)
    if not found or len(found.group("np").split()) > 10 or re.search(r"\d", re.sub(
            r"\b(?:19|20)\d\d\b", "", found.group("np"))):
        return None  # "of 2019 voters" names them; "of the 27 seats" holds another figure
    return found.group("np")


#: "Among Labour voters, 64% say ...": the group of the shares that follow.
_AMONG = re.compile(r"^(?:Among|Of)\s+(?P<np>[^,;.\d]{3,60}),\s")
_SHARE_OF = re.compile(r"\d%\s+of\s+")


def _share_prompt(claim: Claim, figure: Figure, label: str, after: str,
                  figures: list[tuple[Figure, str]]) -> str | None:
    """"26% of voters say they are undecided" -> "According to X, what share of voters say they
    are undecided?"; "...; 7% are undecided" -> "what share of voters are undecided?" (the group
    of the sentence's first share, or of "Among voters, ...")."""
    if re.match(r"\s+of\s", after):
        body = after.lstrip()[3:]  # past "of "
        np = _group(body)
        rest = body[len(np) :] if np else ""
    else:
        before = claim.text[: figure.start - claim.start]
        among = _AMONG.match(before)
        first = _SHARE_OF.search(before)
        np = among.group("np") if among else first and _group(before[first.end() :])
        rest = after
        if among and first:
            return None  # "Among X, 30% of Y ...; 5% ...": of X or of Y?
    if not np:
        return None
    np = re.sub(r"^(?:just|only)\s+", "", np, flags=re.I)
    if label.lower() in np.lower():
        label = "the article"  # "8% of tenants say": the tenants are no source of the share
    predicate = _predicate(claim, figure, rest)
    if predicate is None or re.search(r"\b(?:not|so|too|also|not\s+sure)$", predicate):
        return None  # "11% say it is not", "5% are not sure": not what, sure of what?
    if np.split()[0] in ("Those", "All", "Likely"):
        np = np[0].lower() + np[1:]  # "Likely voters" opened the sentence
    return f"According to {label}, what share of {np} {predicate}?"


def _predicate(claim: Claim, figure: Figure, rest: str, need_verb: bool = True) -> str | None:
    """Return the predicate after a counted subject (`rest`, the end of the claim's text), cut
    before another figure or at the end of its clause, or None when it has no verb, is too long
    or holds another figure."""
    rest = rest.lstrip()
    rest_start = len(claim.text) - len(rest)
    later = [f.start - claim.start - rest_start for f in claim.figures
             if f is not figure and f.start - claim.start >= rest_start]
    cuts = [m.start() for m in _CUT.finditer(rest)]
    end = len(rest)
    if later:
        end = max((c for c in cuts if c < min(later)), default=-1)
        if end < 0:
            return None
    for stop in re.finditer(r"[,;]\s|\.\s|\.$", rest):  # "..., officials said": stop
        end = min(end, stop.start())
    predicate = rest[:end].strip(" ,;.")
    while len(predicate.split()) > MAX_PREDICATE:
        earlier = [c for c in cuts if c < len(predicate)]
        if not earlier:
            return None
        predicate = predicate[: earlier[-1]].strip(" ,;.")
    words = predicate.split()
    if need_verb and (not words or not words[0].islower() or not (_VERB.fullmatch(words[0]) or (
            words[0].lower() in _AUX and len(words) > 1 and _VERB.fullmatch(words[1].lower())))):
        return None
    if need_verb and re.fullmatch(r"[a-z]+ed", words[0]) and not _INTRANSITIVE.fullmatch(
            words[0]):
        return None  # "243,000 houses destroyed": a participle, no verb; "were destroyed" is
    if re.search(r"[“”\"()]", predicate) or any(f.number_text in predicate
                                                 for f in claim.figures):
        return None
    return predicate


def _unique(figure: Figure, noun: str, predicate: str,
            figures: list[tuple[Figure, str]]) -> bool:
    """Tell whether no other figure of the article (with its sentence), of another value,
    counts the same noun (by its last word) with the same verb (so the prompt has one answer)."""
    head = _stem(noun.split()[-1])
    verb = next((w for w in predicate.lower().split() if w not in _AUX), "")
    for other, sentence in figures:
        if other.start == figure.start or other.value == figure.value:
            continue
        counted = (other.noun or other.unit).split()
        if counted and _stem(counted[-1]) == head and (not verb or verb in sentence.lower()):
            return False
    return True


def _stem(word: str) -> str:
    """Return a crude singular of a noun ("deaths" -> "death", "people" stays)."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
