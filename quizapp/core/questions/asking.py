"""Questions about a claim's figure or date that name what is measured, not blanks in a quoted
sentence: "What figure does the health ministry give for hospital admissions?", "By how much does
the company say quarterly revenue rose?", "When does the article say X was ordered to report?".

Open-book readers find the number by finding the claim; the prompt never repeats the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizapp.core.questions.statements import unsure_capital
from quizapp.core.text.dates import DateMention

MAX_SUBJECT_WORDS = 12
_RISE = frozenset("rose rise rises risen grew grow grows increased increase increases jumped "
                  "climbed climb climbs gained gain gains surged soared rallied advanced "
                  "edged".split())
_FALL = frozenset("fell fall falls fallen dropped drop drops declined decline declines slid "
                  "slipped decreased decrease plunged plummeted tumbled sank shrank lost "
                  "eased".split())
_PRONOUN_START = re.compile(r"^(?:it|its|they|their|this|these|those|he|she|his|her|which)\b",
                            re.I)
_VERBISH = re.compile(r"^(?:[a-z]+ed|hit|left|took|put|sent|had|won|lost|made|gave|drew|saw|"
                      r"killed|injured|wounded|kill|kills|include|includes|included|"
                      r"employ|employs|has|have|carry|carries|carried)$")
_FINITE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|"
                     r"might|must|should|did|does|do|[a-z]{2,}ed|began|came|fell|rose|went|"
                     r"took|made|left|met|held|won|lost|saw|set|put|hit|ran|fled|struck|"
                     r"began|broke|sank|spoke|told|said|gave|got|led|paid|sold|bought|"
                     r"(?:it|he|she|which|who)\s+[a-z]{2,}s)\b")  # a present verb only after
# a pronoun ("it takes"), never a plural noun ("negotiations ... due to take effect")
_DATE_PREP = {"on": "When", "in": "When", "by": "By when", "since": "Since when",
              "until": "Until when", "from": "Since when"}


#: A subject a prompt cannot name a figure by: led by a preposition, ending in a pronoun, or a
#: verb alone ("What figure does the article give for has?").
_NO_SUBJECT = re.compile(r"^(?:in|on|at|of|to|from|with|by|for|while|as)\b|\b(?:it|they|he|she|"
                         r"this|that|them|there|to)$|^(?:has|have|had|is|are|was|were|be|been|do|"
                         r"does|did|will|would|can|could)$|^(?:appeared|appears|seemed|seems|"
                         r"proved|proves|turned out)\b", re.IGNORECASE)


#: Words that cannot end a question's phrase once the figure after them is taken away.
_STRANDED = frozenset("""by to of with from at in on just only nearly almost about around some
    than as""".split())  # ("debated for?" reads: "How many hours ... debated for?")


def figure_prompt(content: str, figure_text: str, noun: str, label: str,
                  plural_label: bool, text: str = "") -> str | None:
    """Return a question asking for the figure written `figure_text` in `content` (the claim's
    clause) by naming what it measures, or None when the clause does not say clearly."""
    at = _find(content, figure_text)
    if at < 0 or re.search(r"\b(?:would|could|might)\s+have\s+been\s+$", content[:at]):
        return None  # "growth would have been 4 per cent but for ...": no figure
        # of the rise itself
    if _RECORD_SPAN.search(content[:at]):
        return None  # "the storm had been the worst in 20 years": the span of a record, not
        # a figure the storm has
    say = f"do {label} say" if plural_label else f"does {label} say"
    give = f"do {label} give" if plural_label else f"does {label} give"
    words = content[:at].split()
    prep = words.pop().lower() if words and words[-1].lower() in _PREPS else ""
    words = _skip_asides(words)
    after = content[at + len(figure_text) :].lstrip()
    noun_form = re.match(r"(rise|increase|fall|drop|growth|gain|decline|cut|jump)\s+in\s+"
                         r"(?P<what>[\w’'-]+(?:\s+[\w’'-]+){0,4}?)(?=\s+(?:to|from|at|was|"
                         r"is|and|in|on|for)\b|[,.;]|$)", after)
    if noun_form and not prep and not noun_form.group("what").endswith("ed"):
        what = noun_form.group("what")  # never "increase in rhinos killed compared"
        if text and len(re.findall(rf"(?<!\w){re.escape(what)}(?!\w)", text, re.I)) > 2:
            return None  # "What increase in profits ...?" of an article full of profits
        return f"What {noun_form.group(1)} in {what} {give}?"
    counted = _counted_subject(words, prep, after, noun, label)
    if counted:
        return counted
    verb_at = _verb_index(words)
    if verb_at is None:
        if prep == "at" and words and len(words) <= 4 and words[-1][:1].isupper():
            return f"What figure {give} for {' '.join(words)}?"  # "Q2 at 6.5 per cent"
        return None
    if not prep and any(re.search(r"\d", w) for w in words[verb_at + 1 :]):
        return None  # "scored 23 goals in 19 appearances": the verb goes with the other figure
    verb = words[verb_at].lower()
    lead = _BOUNDARY.split(" ".join(words[:verb_at]))[-1]
    aux = _AUX_END.search(lead)
    if aux:  # "parking fees would rise": the modal goes with the verb
        lead, words[verb_at] = lead[: aux.start()], f"{aux.group(1)} {words[verb_at]}"
    subject = _subject(lead, text)
    if subject is not None and _NO_SUBJECT.search(subject):
        return None  # "in Toretsk it was dug": a place and a pronoun, not what is measured
    tail_words = []
    for word in words[verb_at + 1 :]:
        if any(ch.isdigit() for ch in word):
            break  # "fell 25 per cent to": the other figure is no part of the question
        tail_words.append(word)
    tail = " ".join(tail_words)
    if subject is None or len(tail.split()) > 3 or re.search(r"\b(?:that|which|who)\b", tail):
        return None  # "the second factor is that a further 26% ...": the figure is no level
    phrase = f"{words[verb_at]} {tail}".strip()
    if verb in _RISE or verb in _FALL or tail in ("down", "up", "higher", "lower"):
        if not prep and any(w.lower() in ("to", "from", "at") for w in tail_words):
            return None  # "rise to a record 36 billion": a level, not a change
        if not prep and _BOUND.match(figure_text):
            return None  # "has risen above 16,000": a level passed, not the size of a change
        if prep in ("", "by"):
            return f"By how much {say} {subject} {phrase}?"
        if prep in ("to", "from", "at"):
            earlier = "earlier " if prep == "from" else ""
            if prep == "from" and phrase.endswith(" to"):
                phrase = phrase[:-3]  # "fell to 4.3% from 4.8%": "fell from", not "fell to from"
            return f"What {earlier}figure {say} {subject} {phrase} {prep}?"
        return None
    size = _SIZE_AFTER.match(after)
    if size and verb in ("is", "are", "was", "were") and not prep:
        return f"How {size.group(1).lower()} {say} {subject} {verb}?"  # "The shaft is 900
        # metres (2,950ft) deep": "How deep does the article say the shaft is?"
    if verb in _LEVEL_VERBS and prep in ("", "at", "to", "of") and not re.match(
            r"(?:higher|lower|up|down|more|less|fewer|better|worse)\b", after):  # "were 12 per
        # cent up on €45 million": a change, not the level of the profits
        if verb in ("estimated", "projected", "put", "placed", "set") and not re.match(
                r"(?:is|are|was|were|be|been|being|(?:has|have|had) been)\s", words[verb_at]):
            return None  # "the eyewitnesses estimated that ...": the subject is who estimates
        if re.search(r"\d", re.sub(r"\b(?:1[89]|20)\d\d\b", "", subject)):
            return None  # "give for the participation rate of 84.5%": the other figure's
        return f"What figure {give} for {subject}?"
    if tail_words and tail_words[-1].lower() in _STRANDED:
        return None  # "How many women ... a feat achieved by just?": the phrase is cut
    if noun and not prep and _VERBISH.match(verb) and after.lower().startswith(noun.lower()) \
            and not (noun.split()[-1].lower() in _TIME_UNITS and not tail and verb_at and words[
                verb_at - 1].lower() in ("be", "been", "is", "are", "was", "were")):  # not
        # "How many hours ... had been notified?": after a passive verb the span says when
        return f"How many {noun} {say} {subject} {phrase}?"
    return None


_PREPS = frozenset("to from at by of".split())
#: A dimension after a measure: "500 metres (1,650ft) deep", "3km long".
_SIZE_AFTER = re.compile(r"(?:(?:metres|meters|feet|ft|km|kilometres|kilometers|miles|m|cm|"
                         r"inches|years|storeys|stories|floors)\s+)?(?:\([^)]{1,30}\)\s*)?"
                         r"(deep|long|wide|high|tall|thick|old|across)\b")
_RECORD_SPAN = re.compile(r"\b(?:[a-z]{2,}est|worst|best|first|last|only|most|least)\s+"
                          r"(?:in|for|since|over)\s+"
                          r"(?:(?:more|less)\s+than\s+|nearly\s+|almost\s+|about\s+)?$", re.I)
_TIME_UNITS = frozenset("seconds minutes hours days weeks months years decades".split())
_BOUND = re.compile(r"(?:above|over|below|under|past|beyond|more than|less than|fewer than)\s",
                    re.I)
_BOUNDARY = re.compile(r",\s(?:but|and|while|whereas|as|although)\s|;\s|\s(?:but|while|whereas)\s")
_AUX_END = re.compile(r"\s+((?:will|would|could|may|might|should|can|is|are|was|were|has|have|"
                      r"had)(?:\s+(?:be|been|have))?)$")
_PREDICATE = re.compile(
    r"(?P<pred>(?:were|was|are|is|have|had|has|had been|have been|died|remain|remained|"
    r"[a-z]+ed)\b[^,;:()“”\"]{3,80}?)(?=\s*(?:[,;:.()]|\s(?:and|but|while|when|after|as|"
    r"because|which|who)\s|$))"
)


def _counted_subject(words: list[str], prep: str, after: str, noun: str,
                     label: str) -> str | None:
    """Ask "According to X, how many N were killed ...?" for a figure that counts the subject
    of its clause ("... and 14 others were injured after ...")."""
    if not noun or prep or not after.lower().startswith(noun.lower()):
        return None
    if words and words[-1].lower().strip(",") not in ("and", "but", "while", "") \
            and not words[-1].endswith((",", ";")):
        return None  # not "With 12 titles Okafor is second": the figure is no subject
    last = noun.split()[-1]
    if last[:1].isupper() and any(w.islower() for w in noun.split()):
        return None  # "titles Okafor": a name after the counted noun, not part of it
    rest = after[len(noun) :].lstrip()
    found = _PREDICATE.match(rest)
    if not found or re.search(r"\d", found.group("pred")):
        return None
    return f"According to {label}, how many {noun} {found.group('pred').strip()}?"
_LEVEL_VERBS = frozenset(
    """is are was were be been stood stands stand remained remains reached reaches totalled
    totaled totals topped amounted amounts projected estimated put placed kept unchanged
    set""".split()
)


def _skip_asides(words: list[str]) -> list[str]:
    """Drop a trailing aside of other figures ("ended down 96.40, or 1.3%, at")."""
    while len(words) >= 2 and words[-1].endswith(",") and (
            any(ch.isdigit() for ch in words[-1]) or words[-2].lower() == "or"):
        words = words[:-1]
        while words and (any(ch.isdigit() for ch in words[-1]) or words[-1].lower() == "or"):
            words = words[:-1]
    return [w.rstrip(",") if i == len(words) - 1 else w for i, w in enumerate(words)]


def _verb_index(words: list[str]) -> int | None:
    """Return the index of the verb right before the figure (within four words), or None."""
    for back in range(1, min(5, len(words) + 1)):
        word = words[-back].lower().strip(",")
        if words[-back].endswith((",", ";", ":")) and back > 1:
            return None
        if word in _RISE or word in _FALL or word in _LEVEL_VERBS or _VERBISH.match(word):
            return len(words) - back
    return None


def date_prompt(content: str, date: DateMention, label: str, plural_label: bool) -> str | None:
    """Return "When does X say {clause}?" for a date that closes its clause, or None."""
    at = _find(content, date.text)
    if at < 0:
        return None
    after = content[at + len(date.text) :].strip()
    if after and not re.match(r"^(?:[,;]|and\b|but\b)", after):
        return None
    before = content[:at].rstrip()
    prep = re.search(r"\b(on|in|by|since|until|from)\s*$", before)
    if not prep:
        return None
    clause_start = max((m.end() for m in re.finditer(r"[;]|,\s(?:and|but)\s", before)),
                       default=0)
    clause = before[clause_start : prep.start()].strip(" ,")
    clause = re.sub(r"^(?:still|however|meanwhile|yet|but|and|so|also|instead|indeed),?\s+", "",
                    clause, flags=re.I)  # "Still, there was ...": no "say still, there was"
    inner = list(re.finditer(r"\b(?:since|after|before|when|because|while|until|once)\s+", clause))
    if inner:  # "... a step forward since Floyd died [on May 25]": the date is the inner verb's
        sub = clause[inner[-1].end() :]
        if len(sub.split()) < 2 or not _FINITE.search(sub):
            return None
        clause = sub
    if len(clause.split()) < 3 or len(clause.split()) > 18 or _PRONOUN_START.match(clause):
        return None
    if re.match(r"(?:if|whether|unless|although|though|because|as|when|while)\b", clause, re.I):
        return None  # "When does the article say if neither candidate wins ...?": a condition
    if re.search(r",\s(?:which|who|whom|whose|where)\b[^,]*$", clause) or not _FINITE.search(
            clause) or len(re.findall(r"\d[\d,.]*", clause)) > 1:  # "fell 45.76, or 3%, to ..."
        return None  # "the crew, which was flown to Malta [on ...,] included": the date is
        # the aside's; "negotiations on a pact due to take effect": no verb to ask "when" of
    say = f"do {label} say" if plural_label else f"does {label} say"
    return f"{_DATE_PREP[prep.group(1)]} {say} {clause[0].lower() + clause[1:]}?" \
        if clause.split()[0] in ("The", "A", "An") else \
        f"{_DATE_PREP[prep.group(1)]} {say} {clause}?"


def repeats(prompt: str, label: str) -> bool:
    """Tell whether a prompt names its source twice ("By when does Reuters say a Reuters poll
    showed ...?"): the source was read as part of the claim."""
    label = re.sub(r"^(?i:the)\s+", "", label)  # "the Labor Department ... Labor Department data"
    return bool(label) and label.lower() != "article" and len(re.findall(
        rf"(?<!\w){re.escape(label)}(?!\w)", prompt, re.I)) > 1


def plural(label: str) -> bool:
    """Tell whether a source label reads as a plural ("officials", "railway officials")."""
    label = re.split(r"\s(?:of|by|from|in|at|with|for|on|who|that|based)\s", label, maxsplit=1)[0]
    head = label.split()[-1] if label.split() else ""
    if re.fullmatch(r"[A-ZÀ-ÖØ-ÞĀ-Ž]{2,}s", head):
        return True  # "many MPs", "NGOs"
    if len(label.split()) == 1 and head[1:].islower():
        head = head.lower()  # "Unions", "Officials": a sentence's first word, still a plural
        # (but "Reuters" is a name: only words the article could write in lower case)
        if head not in _COMMON_PLURALS:
            return False
    return head in ("police", "people", "media", "staff") or (
        head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "ics")))


_COMMON_PLURALS = frozenset("""unions officials analysts experts residents witnesses authorities
    police people sources observers economists scientists researchers doctors rescuers workers
    organisers organizers protesters critics campaigners investigators prosecutors lawyers
    medics survivors villagers locals farmers teachers students parents officers soldiers troops
    rebels militants activists diplomats insiders traders markets investors reports figures
    estimates records accounts media polls surveys""".split())


def _subject(text: str, article: str = "") -> str | None:
    """Return the clause subject before a verb, as it reads mid-sentence, or None."""
    text = text.lstrip("“‘\"'")
    if "," in text or ";" in text or any(q in text for q in "“”\""):
        return None
    text = re.sub(r"^(?:and|but|so|yet|also|then|meanwhile|however),?\s+", "", text.strip(" ,"),
                  flags=re.I)
    text = re.sub(r"\s+(?:has|have|had|also|will|would|could|may|might|is|are|was|were|"
                  r"has been|have been|had been)$", "", text)
    words = text.split()
    if not words or len(words) > MAX_SUBJECT_WORDS or _PRONOUN_START.match(text):
        return None
    if words[0].lower() in _SUBORDINATORS:
        return None  # "If the strike spreads to every town, up to 900 clinics": a
        # condition, not what the figure counts
    if words[-1].lower() in ("and", "or", "but") or any(
            w.lower() in _INNER_VERBS for w in words[1:]):
        return None  # "the blast had at first killed two women and [injured]": a clause, no subject
    first = words[0]
    if first in ("The", "A", "An") or (
            first.isalpha() and not first.isupper() and article
            and first.lower() in lower_words(article)):
        text = text[0].lower() + text[1:]  # a common word that opened the sentence
    elif article and unsure_capital(text, article):
        return None  # "Earnings excluding items": a name or a common word? Quote it instead
    return text


_SUBORDINATORS = frozenset("""if unless when whenever while as because since although though once
    after before until whether""".split())
_INNER_VERBS = frozenset("had has have was were is are will would could".split())


@lru_cache(maxsize=64)
def lower_words(text: str) -> frozenset[str]:
    """Return the words an article writes in lower case (so a capitalised one is common)."""
    return frozenset(re.findall(r"\b[a-z][a-z’'-]*\b", text))


def _find(content: str, text: str) -> int:
    """Return where `text` stands in `content` as whole words, once only; -1 otherwise."""
    hits = whole_hits(content, text)
    return hits[0] if len(hits) == 1 else -1


def whole_hits(content: str, text: str) -> list[int]:
    """Return where `text` stands in `content` not inside a longer word or number."""
    hits, at = [], content.find(text)
    while at >= 0 and text:
        before = content[at - 1] if at else " "
        after = content[at + len(text)] if at + len(text) < len(content) else " "
        if not (before.isalnum() or before in "_.,") and not (after.isalnum() or after == "_"):
            hits.append(at)
        at = content.find(text, at + 1)
    return hits
