"""The consistency gate between the generator and the scorer: every key and accepted variant is
scored right, every distractor wrong; no two choices name one entity; a figure or date answer is
a whole run of tokens of its evidence; prompts neither give the answer away nor double their
attribution; accepted variants are no noise."""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from quizapp.core.banks.model import Question
from quizapp.core.claims.entities import same_name
from quizapp.core.claims.speaker_names import family_first
from quizapp.core.questions.asking import whole_hits
from quizapp.core.scoring import score_answer
from quizapp.core.text.words import same_length_lower, word_spans

#: Name comparison is pure and the same pairs recur: cached.
_same_name = lru_cache(maxsize=16384)(same_name)
#: Types whose keys, variants and distractors the scorer judges by meaning, not as written.
SCORED = frozenset(("source", "figure", "date", "discrepancy"))
#: How much of its answer sentence an evidence question's prompt may repeat (rapidfuzz ratio).
MAX_ECHO = 75
_NUMBER_WORD = re.compile(
    r"(?:half|quarter|third|one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|"
    r"thousand|million|billion|\d[\d,.]*)$", re.I)
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ACCORDING = re.compile(r"^According to (?P<who>[^,]{2,80}), (?P<rest>.+)$")


def gate_problems(question: Question, evidence: str) -> list[str]:
    """Return the ways a question and the scorer disagree, or a prompt or variant is unfit."""
    problems: list[str] = []
    if question.type not in SCORED:
        pass  # fixed labels (verdicts, attribution) or whole sentences: matched as written
    elif question.choices:
        if not score_answer(question, question.answer, evidence).correct:
            problems.append("the scorer refuses the key")
        for choice in question.choices:
            if choice != question.answer and score_answer(question, choice, evidence).correct:
                problems.append(f"the scorer accepts the distractor {choice!r}")
        if question.type == "source":
            for i, a in enumerate(question.choices):
                for b in question.choices[i + 1 :]:
                    if _same_name(a, b):
                        problems.append(f"choices {a!r} and {b!r} name one entity")
    else:
        for form in (question.answer, *question.accept):
            if question.type == "figure" and form != question.answer and _DIGITS.fullmatch(form):
                continue  # digits of the key's own value ("6000", "6,000"): read by one rule
            if form and not score_answer(question, form, evidence).correct:
                problems.append(f"the scorer refuses the accepted form {form!r}")
    if question.type in ("figure", "date") and evidence and not whole_run(question.answer,
                                                                        evidence):
        problems.append("the answer is not a whole run of tokens of its evidence")
    for form in question.accept:
        if noise(question, form, evidence):
            problems.append(f"noise variant {form!r}")
    for form in question.accept:
        if given_name_alone(question, form):
            problems.append(f"a given name alone is accepted: {form!r}")
    if question.type == "evidence" and fuzz.partial_ratio(
            question.answer.lower(), question.prompt.lower()) > MAX_ECHO:
        problems.append("the prompt repeats its answer sentence")
    found = _ACCORDING.match(question.prompt)
    if found and whole_hits(found.group("rest").lower(), found.group("who").lower()):
        problems.append("the prompt doubles its attribution")
    if question.type == "verdict" and question.answer == "Contradicted":
        swap = re.search(r"attributes this to (?P<a>.+?), not (?P<b>.+?)(?::|$)",
                         question.explanation)
        if swap and _same_name(swap.group("a"), swap.group("b")):
            problems.append("the contradiction swaps one name of an entity for another")
    return problems


#: Spellings of a unit that a figure's digits may carry though the evidence writes it otherwise.
UNIT_SPELLINGS = frozenset(
    ("%", "per cent", "percent", "percentage points", "points", "dollars", "euros", "pounds",
     "cents", "pence", "yen", "rupees", "years", "months", "weeks", "days", "hours", "minutes",
     "seconds", "degrees", "tonnes", "tons", "kilometres", "kilometers", "miles", "metres",
     "meters", "m", "bn", "k", "km", "kg", "mph", "cm", "mm", "ft", "lb", "lbs", "mw", "gw"))
#: Words after a number that make no answer: adverbs, comparatives and verb forms ("1,000
#: overnight", "1,000 higher", "22 sentenced"); the casualty words read as nouns stay.
NOT_NOUN = re.compile(r"(?:overnight|higher|lower|more|less|fewer|earlier|later|ago|above|"
                       r"below|up|down|each|apiece|alone|risen|fallen|taken|given|grown|shown|"
                       r"(?!(?:dead|injured|wounded|killed|missing|displaced|detained|arrested|"
                       r"evacuated|infected|vaccinated)$)[a-z]+ed|[a-z]+ing)$")
_LINKS = frozenset(
    """behind ahead before after than twice once again in at on to from by with into over under
    for is are was were represents represent said says""".split())
_SCALE = re.compile(r"(?:million|billion|trillion|thousand|hundred|dozen)$", re.I)
_PARTICLES = frozenset("st st. de da di du van von der den al el bin ibn la le mac".split())
_TIME_TAIL = re.compile(r"\s(?:on|last|this|earlier|yesterday|today|tonight)(?:\s\w+)?$", re.I)


_SPELLED = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    dozens hundreds thousands""".split())
_PLURALS = frozenset("""people children men women police staff cattle personnel crew dead injured
    wounded killed missing displaced lakh crore""".split())


def plural_noun(word: str) -> bool:
    """Tell whether a word reads as a plural noun ("seats", "people") or a unit."""
    return word in _PLURALS or word in UNIT_SPELLINGS or (
        word.isalpha() and word.endswith("s") and not word.endswith(("ss", "us", "ous"))
        and not NOT_NOUN.fullmatch(word))


def _counts_many(answer: str) -> bool:
    """Tell whether a figure answer counts more than one thing ("seven", "32", "More than 30")."""
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", answer)]
    spelled = any(w.lower() in _SPELLED for w in answer.split())
    return spelled or any(n > 1 and n == int(n) for n in numbers) and not re.search(
        r"[%$€£¥₹]|per ?cent|\.\d", answer)


@lru_cache(maxsize=16384)
def _tail(form: str) -> str:
    """Return the words of a figure form after its number ("voters" of "16 voters")."""
    words = form.split()
    last = max((i for i, w in enumerate(words) if re.search(r"\d", w) or _SCALE.match(w)
                or w.lower() in _SPELLED), default=-1)
    if last < 0:
        return ""
    unit = re.sub(r"^[$€£¥₹]?[\d.,]+", "", words[last]) if not (
        _SCALE.match(words[last]) or words[last].lower() in _SPELLED) else ""
    return " ".join(([unit] if unit else []) + words[last + 1 :])


def noise(question: Question, form: str, evidence: str) -> bool:
    """Tell whether an accepted form is noise: a figure with a second number ("4.10 4") or
    with words the evidence does not write after it ("16 Conservative voters" for "16% of
    Conservative voters", "28 million cent"), an adverb or verb after it ("1,000 overnight"),
    a year grouped in thousands or with a noun ("2,008"); a source with stray punctuation, a
    time ("X on Friday"), an initial ("the D.K."), half a surname ("Eve" of "Amy St Eve") or
    a participle ("based" of "the government based in ...")."""
    return _noise(question.type, question.answer, form, evidence)


#: Words that end many company names: alone, they name no one.
_GENERIC_TAILS = frozenset("""systems group holdings industries international technologies
    technology partners capital media motors airlines airways energy foods brands corporation
    corp inc ltd plc company co bank""".split())


@lru_cache(maxsize=16384)
def _noise(qtype: str, answer: str, form: str, evidence: str) -> bool:
    """Judge a form as `noise` does, from the question's type and answer (cached: the repair
    and the gate judge the same forms)."""
    if qtype == "figure":
        if len(re.findall(r"\d+(?:[.,]\d+)*", form)) > 1 and " to " not in form \
                and "-" not in form:
            return True
        tail = _tail(form)
        if re.fullmatch(r"(?:\D*\s)?(?:1[89]|20)\d\d", answer.strip()) and (
                "," in form or tail):
            return True
        if tail and evidence and any(
                evidence[end : end + 1] == "/" and _WORD.match(evidence, end + 1)
                for _start, end in word_spans(evidence, form, before_only=True)):
            return True  # "5 kg" of "5 kg/m²": a unit cut from a compound unit
        if not tail or tail.lower() in UNIT_SPELLINGS:
            return False
        if any(w in _LINKS for w in tail.lower().split()):
            return True  # "12 points behind Chelsea", "42 days represents twice": no answer
        last = tail.split()[-1].lower()
        if any(NOT_NOUN.fullmatch(w) for w in tail.lower().split()) or (
                _counts_many(answer) and not plural_noun(last) and not tail.startswith("of ")
                and tail.split()[0].lower() not in UNIT_SPELLINGS):
            return True  # "27 seats reporting results", "seven civilians according", "three
            # grade" (of "three grade As"), "two dams broke", "44 seconds shy"
        return evidence != "" and not whole_run(form, evidence)
    if qtype == "source":
        if form != form.strip(" ,;:—–-'\"‘’“”") or _TIME_TAIL.search(form):
            return True  # "' he", "X,": a mention cut with its punctuation
        if form.lower() in ("he", "she", "they", "it", "him", "her", "them", "we", "i"):
            return True
        words = answer.split()
        if re.search(r"(?:^|\s)(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.)+$", form) and not re.search(
                r"(?:^|\s)(?:[A-ZÀ-ÖØ-ÞĀ-Ž]\.)+$", answer):
            return True  # "the D.K." of "D.K. Pathak"
        if re.search(r"(?:^|\s)[a-z]+(?:ed|ing)$", form) and not re.search(
                r"[a-z]+(?:ed|ing)$", answer):
            return True  # "based", "government based" of "the government based in ..."
        if " " not in form and form in words:
            at = words.index(form)
            if at and words[at - 1].lower().strip(",") in _PARTICLES:
                return True  # "Eve" of "Amy St Eve"
            if at and form.lower() in _GENERIC_TAILS:
                return True  # "Systems" of "Norvale Systems": a word many names end with
        if answer.endswith(" " + form) and (" of " in answer or " for " in answer):
            head = answer[: -len(form)].rstrip()
            if re.search(r"\s(?:of|for)(?:\s+the)?$", head) or (
                    " " not in form and form[:1].isupper() and head.split()[-1][:1].isupper()
                    and re.search(r"\s(?:of|for)\s", head)):
                return True  # "Coordination of Humanitarian Affairs", "Affairs" of "the Office
                # for the Coordination of Humanitarian Affairs": the tail of a name
    return False


def fair_variants(question: Question, evidence: str) -> list[str]:
    """Return a question's accepted forms without noise nor a given name alone."""
    return [form for form in question.accept if not noise(question, form, evidence)
            and not given_name_alone(question, form)]


def given_name_alone(question: Question, form: str) -> bool:
    """Tell whether a source question accepts the first name of its key alone ("Mark" of "Mark
    Reed", "Dana" of "Dana Okafor", even where the article calls her so); not "Doctors"
    of "Doctors at a clinic"."""
    words = question.answer.split()
    if question.type == "source" and len(words) >= 2 and family_first(" ".join(words[-2:])):
        return form == words[-1]  # "Seong-hyeon" of "Ryu Seong-hyeon": the family name first
    return question.type == "source" and len(words) >= 2 and form == words[0] and \
        words[0][:1].isupper() and words[1][:1].isupper() and \
        words[0].lower() not in ("the", "a", "an") and \
        words[-1].lower() not in _GENERIC_TAILS  # "Norvale" of "Norvale Systems" is its name


def whole_run(answer: str, evidence: str) -> bool:
    """Tell whether `answer` is written in `evidence` as whole tokens: not cut at an
    abbreviation ("Feb" of "Feb. 9") nor taken from a longer number ("a million" of "half a
    million")."""
    norm = _quotes(evidence)
    low, wanted = same_length_lower(norm), same_length_lower(_quotes(answer))  # "İTO": no
    # letter whose lower case is two characters shifts the offsets
    at = low.find(wanted) if wanted else -1
    while at >= 0:
        before, after = norm[:at], norm[at + len(wanted) :]
        at = low.find(wanted, at + 1)
        last, first = before[-1:], after[:1]
        if last.isalnum() or (last and last in "$€£.,-") or first.isalnum() or \
                re.match(r"[.,]\s?\d|%|-\w|/\w|\s\d{3}\b", after):  # not "5 kg" of "5 kg/m²"
            continue
        words = before.split()
        if words and _NUMBER_WORD.match(words[-1].strip("(")) and not before.endswith(
                (",", ", ", "(")):
            continue
        return True
    return False


@lru_cache(maxsize=16384)
def _quotes(text: str) -> str:
    """Normalise curly quotes and spaces."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text)


_WORD = re.compile(r"\w")
