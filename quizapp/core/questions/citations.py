"""Source questions: who an article cites for a claim, typed or among plausible speakers."""

from __future__ import annotations

import re
from dataclasses import replace

from quizapp.core.banks.model import Evidence, Question
from quizapp.core.claims.cues import RELEASE_VERBS
from quizapp.core.claims.extract import Claim
from quizapp.core.claims.referents import may_be
from quizapp.core.claims.speakers import Speaker, after_dateline, joint_parts, read_speaker
from quizapp.core.questions.believable import compares
from quizapp.core.questions.capitals import lower_described
from quizapp.core.questions.corpus import (
    Article,
    Candidate,
    Corpus,
    distinct,
    order_choices,
    seed_of,
)
from quizapp.core.questions.phrasing import speaker_variants
from quizapp.core.questions.source_choices import (
    choice_label,
    cut_name,
    described_variants,
    key_form,
    mentions,
    one_word_body,
    other_speakers,
    subsumed,
)
from quizapp.core.questions.source_prompts import (
    before_pointer,
    continued_quote,
    previous_sentence,
    self_reference,
    source_cloze,
)
from quizapp.core.questions.statements import (
    claim_phrase,
    clause,
    dangling,
    denial,
    excerpt,
    lower_first,
    speaker_label,
    uncut_person,
    verbless,
)

__all__ = ["choice_label", "cited", "evidence_for", "key_form", "mentions", "named",
           "source_questions", "written_source"]


def evidence_for(article: Article, claim: Claim) -> list[Evidence]:
    """Return the evidence list that cites one claim sentence."""
    return [Evidence(article.source.id, claim.start, claim.end)]


def named(claim: Claim) -> Speaker | None:
    """Return the claim's named speaker, or None."""
    a = claim.attribution
    return a.speaker if a.strength == "named" else None


def cited(claim: Claim) -> Speaker | None:
    """Return the claim's named or described speaker ("officials", "the study"), or None."""
    a = claim.attribution
    return a.speaker if a.strength in ("named", "described") else None


_PRONOUNS = frozenset(("he", "she", "him", "her", "it", "they", "them", "we", "us", "i"))
_LEAD_WORDS = re.compile(r"^(?:and|but|while|as|earlier|later|also|however|so)\s+", re.I)


def written_source(claim: Claim, speaker: Speaker) -> str:
    """Return a described source as the sentence writes it ("Railway officials", "the telco")."""
    a = claim.attribution
    if a.mention_start < 0:  # a quotation going on after "the official said": "the official"
        bare = speaker.mention
        return f"the {bare}" if re.fullmatch(r"[a-z]+(?<!s)", bare) else bare
    text = claim.text[a.mention_start - claim.start : a.mention_end - claim.start]
    text = _LEAD_WORDS.sub("", after_dateline(text.strip(" ,;:—–-\"'“”‘’")))
    if len(text.split()) > 9:  # "The head of an independent inquiry into the collapse of
        cut = _LATER_PP.search(text)  # ...": the description up to its second phrase
        text = text[: cut.start()] if cut else text
    if not text or len(text.split()) > 9 or speaker.mention.lower() not in text.lower():
        return speaker.mention
    return re.sub(r"^(?i:its|their)\s+(?=[a-z])", "the ", text)  # "its annual report": whose?
    # "the annual report" reads on its own


_BENCHMARK = re.compile(r"\b(?:estimates?|forecasts?|expectations|consensus|projections?)\b", re.I)
#: A phrase that follows a description's own "of" phrase: "into ...", "by ...", "over ...".
_LATER_PP = re.compile(r"(?<=\w)\s+(?:into|by|over|about|after|during|with|from|in|on|at)\s")


#: A key that names a group by its kind alone, which named officials or bodies belong to.
_GENERIC_KEY = re.compile(r"(?i:(?:the\s+)?(?:officials|authorities|sources|experts|analysts|"
                          r"observers|diplomats))")


def _listed(choice: str) -> str:
    """Return a choice as a list of options writes it: with a capital, like the names beside
    it ("Space agency", "NASA", "Officials"), so that no choice stands out by its case."""
    return choice[:1].upper() + choice[1:]


def source_questions(corpus: Corpus, article: Article, claim: Claim) -> list[Candidate]:
    """Ask who is cited for a claim, and for each further source of its sentence: who said
    which part ("X said A, but Y said B"), and who reports a speaker's words (the outlet)."""
    found = _source_question(corpus, article, claim)
    for other in claim.others:
        if other.content_end <= other.content_start and other.frame != "medium":
            other = replace(other, content_start=other.cue_end, content_end=other.cue_end)
        part = replace(claim, attribution=other, others=())
        if other.frame == "medium":
            found.extend(_medium_question(article, claim, other))
        else:
            found.extend(_source_question(corpus, article, part, f":{other.mention_start}"))
    return found


#: What names a news outlet: "told Reuters", "the local newspaper", "state television".
_MEDIA = re.compile(r"\b(?:Reuters|Associated Press|AP|AFP|Agence France-Presse|Xinhua|Interfax|"
                    r"TASS|Anadolu|Bloomberg|BBC|CNN|CNBC|NBC|ABC|CBS|Fox|Sky|Al Jazeera|NPR|"
                    r"PTI|IANS|ANI|Yonhap|Kyodo|dpa|EFE|Times|Post|Journal|Herald|Telegraph|"
                    r"Guardian|Tribune|Gazette|Independent|Mail|Express|Standard|Observer|"
                    r"Chronicle|Mirror|Sun|Star|Globe|Daily|News|Press|Radio|Television|TV|"
                    r"newspaper|paper|broadcaster|television|radio|agency|magazine|website|"
                    r"outlet|reporters?|journalists?|media|channel|network)\b")
#: An acronym the text defines after a name: "(IOM)".
_DEFINED = re.compile(r"\(([A-ZÀ-ÖØ-ÞĀ-Ž][A-Z&.]{1,9})\)$")


def _medium_question(article: Article, claim: Claim, outlet: Claim | object) -> list[Candidate]:
    """Ask who reports a speaker's words: "the IOM quoted him as saying", "X told Reuters"."""
    a = claim.attribution
    speaker = a.speaker
    medium = outlet.speaker  # type: ignore[attr-defined]
    if speaker is None or medium is None:
        return []
    if speaker.kind == "vague":  # "an analyst told CNBC": the source as the sentence writes it
        label = lower_described(written_source(claim, speaker), article.source.text)
        if label.split()[0] not in ("a", "an", "the", "one") and not label.endswith("s"):
            return []
    else:
        label = speaker.name if speaker.kind == "person" else speaker_label(speaker)
        if a.strength == "described":
            label = lower_described(label, article.source.text)  # "did local doctors tell"
    words = clause(claim) or excerpt(claim) or ""
    verb = "quote" if a.frame == "quoted" or getattr(outlet, "medium", "") == "quoted" else \
        "report" if getattr(
        outlet, "medium", "") == "reported" else "tell"
    if not words and outlet.mention_start >= claim.start:  # type: ignore[attr-defined]
        lo = outlet.mention_start - claim.start  # type: ignore[attr-defined]
        text = claim.text[:lo] + "___" + claim.text[lo + len(medium.mention):]
        if len(text) > 320 or dangling(text[:lo]) or mentions(text, [medium.mention,
                                                                     medium.name]):
            return []
        what = "Who is the outlet left out of" if _MEDIA.search(f"{medium.mention} {medium.name}") \
            else "Who fills the blank in"  # "told the International Organization for
        # Migration": a body, no outlet
        prompt = f'{what} this sentence from the article: "{text}"?'
    elif not words or mentions(words, [medium.mention, medium.name]):
        return []
    else:
        said = words if words[0] in "“‘\"" else f"that {words}"
        prompt = (f"Who does the article say quoted {label} as saying {words}?" if verb == "quote"
                  else f"Who does the article say reported {label}'s words {words}?"
                  if verb == "report" and said == words
                  else f"Who does the article say reported that {label} said "
                       f"{lower_first(words, article.source.text)}?"
                  if verb == "report"
                  else f"Whom, according to the article, did {label} tell {said}?")
    if mentions(prompt, [medium.mention, medium.name]):
        return []
    answer = medium.mention
    short = _DEFINED.search(answer)  # "the International Organization for Migration (IOM)"
    accept = [f for f in dict.fromkeys([medium.name, re.sub(r"^(?:the|The)\s+", "", answer),
                                        short.group(1) if short else ""])
              if f and f != answer]
    explanation = f'The article reports {label}\'s words through {answer}: "{claim.text}"'
    question = Question("", "source", prompt, answer, accept, None, evidence_for(article, claim),
                        explanation, ["source", "attribution", "chain"], 0.6)
    covers = (f"source:{article.source.id}:{claim.start}:medium",)
    return [Candidate(question, article.source.id, 1.1, covers)]


#: A comparison with figures of another time, which another source may have given.
_OTHER_TIME = re.compile(r"\b(?:than|as)\s+(?:in|at|during|on)\s+(?:the\s+)?(?:spring|summer|"
                         r"autumn|fall|winter|last|previous|earlier|\d{4}|January|February|March|April|"
                         r"May|June|July|August|September|October|November|December)\b|"
                         r"\bcompared\s+(?:with|to)\b", re.I)
#: Documents a definite description points back to: "the data", "the report".
_DOCUMENT_NOUNS = frozenset("""data report study survey figures statistics analysis findings
    research poll statement numbers estimates""".split())


def _document_owner(article: Article, claim: Claim, speaker: Speaker) -> Speaker | None:
    """Return the body whose document "The data" or "the report" of a claim is: the named
    organisation the sentences just before cite, when the text calls the document by its
    kind alone; None otherwise."""
    a = claim.attribution
    tag = _tag_of(article, claim)
    if tag is not None:
        return _document_owner(article, tag, speaker)  # a quotation going on after its tag
    if a.mention_start < 0:
        return None
    lo, hi = a.mention_start - claim.start, a.mention_end - claim.start
    written = (claim.text[max(0, lo - 4) : lo] + claim.text[lo:hi]).lower().split()
    body = written[-1:] and written[-1] in _BODY_NOUNS
    described = written[-2:-1] == ["the"] or (body and "the" in written[-4:-2] and all(
        "-" in w or w.isalpha() for w in written[written.index("the") + 1 : -1]))
    if not described or not (written[-1] in _DOCUMENT_NOUNS or body):
        return None  # "The data", "the report", "the telco", "the Britain-based war monitor":
        # its kind alone
    if body and written[-1] in _COMPANY_NOUNS | {"club", "group", "charity"} and \
            a.mention_start > claim.start:  # "Valdor Air grounded its fleet, the airline said"
        lead = _LEAD_NAME.match(claim.text)
        phrase = read_speaker(lead.group(1)) if lead else None
        if phrase is not None and phrase.kind == "org" and not _NO_COMPANY.search(phrase.name):
            return Speaker(phrase.name, "", phrase.mention, (), "org", claim.start)
        named = {p.name: p for m in _NAME_RUN.finditer(claim.text, 1, a.mention_start -
                                                        claim.start)
                 if (p := read_speaker(m.group())) is not None and p.kind == "org"
                 and not _NO_COMPANY.search(p.name)}
        if len(named) == 1:  # "Sales at Hyundai Motor India rose 12%, the company said"
            phrase = next(iter(named.values()))
            return Speaker(phrase.name, "", phrase.mention, (), "org", claim.start)
    before = [c for c in article.claims if c.end <= claim.start][-(10 if body else 4):]
    for earlier in reversed(before):
        a = earlier.attribution
        if a.strength == "named" and a.speaker is not None and (a.speaker.kind == "org" or (
                body and _one_word_body(a.speaker.name, article.source.text))) and not (
                _MEDIA.search(a.speaker.name)):
            if written[-1] in _COMPANY_NOUNS and _NO_COMPANY.search(a.speaker.name):
                continue  # "the firm" after "the IG Metall union said": not the union
            if body and (written[-1] in _GROUP_NOUNS or a.speaker.name.islower()) and \
                    not may_be(written[-1], f"{a.speaker.name} {a.speaker.description}"):
                continue  # "the club" after "the weather service said", "the aid group"
                # after a UN office: another body ("the firm" after Orvane Motors is it)
            return a.speaker
        if a.strength == "named" and not body:
            return None  # a person spoke last: whose data is unclear (but "the telco said"
            # after its chief executive is still the telco)
    if body and written[-1] in _COMPANY_NOUNS | {"club", "team"}:
        return _subject_before(before[-4:], written[-1])
    return None


def _subject_before(before: list[Claim], noun: str) -> Speaker | None:
    """Return the business that opens one of the sentences just before, nearest first, that
    "the NOUN" may mean ("Valdor Motors will cut 2,000 jobs. The carmaker said ..."); None
    when the nearest such sentence opens with no business."""
    for earlier in reversed(before):
        lead = _LEAD_NAME.match(earlier.text)
        phrase = read_speaker(lead.group(1)) if lead else None
        if phrase is not None and phrase.kind == "org" and not _NO_COMPANY.search(
                phrase.name) and may_be(noun, phrase.name):
            return Speaker(phrase.name, "", phrase.mention, (), "org", earlier.start)
    return None


def _stands_for(article: Article, label: str, speaker: Speaker) -> bool:
    """Tell whether a choice is a description the article uses for the key's own body ("the
    Britain-based war monitor" after "the Syrian Observatory for Human Rights said")."""
    low = label.lower().removeprefix("the ")
    for claim in article.sentence_claims():
        other = claim.attribution.speaker
        if claim.attribution.strength != "described" or other is None or (
                other.mention.lower().removeprefix("the ") != low):
            continue
        owner = _document_owner(article, claim, other)
        if owner is not None and owner.name == speaker.name:
            return True
    return False


def _tag_of(article: Article, claim: Claim) -> Claim | None:
    """Return the sentence whose tag ("..., the official said.") a quotation that goes on in
    this sentence continues, or None (the claim names its speaker, or is no continuation)."""
    a = claim.attribution
    if a.mention_start >= 0 or a.frame != "continued" or a.speaker is None:
        return None
    tagged = [c for c in article.claims if c.end <= claim.start and
              c.attribution.speaker == a.speaker and c.attribution.mention_start >= 0]
    return tagged[-1] if tagged else None


def _one_word_body(name: str, text: str) -> bool:
    """Tell whether a one-word name is a body's, not a person's surname: the text never
    writes a capitalised word or an honorific before it ("Optus", never "Shawn Fain")."""
    return " " not in name and name[:1].isupper() and not re.search(
        rf"\b(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?|[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+) {re.escape(name)}\b", text)


#: Kinds of body a later "the telco" or "the group" names again: the organisation cited before.
_BODY_NOUNS = frozenset("""telco company firm group observatory carrier airline retailer lender
    club charity organisation organization insurer operator watchdog regulator broadcaster monitor
    miner carmaker automaker bank supermarket manufacturer chain team""".split())
#: Body nouns of a kind of their own: "the club" or "the aid group" is no ministry named before.
_GROUP_NOUNS = frozenset("club group charity team".split())
#: A run of capitalised words inside a sentence: a name it may hold ("at Hyundai Motor India").
_NAME_RUN = re.compile(r"(?<=\s)[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.’'-]*(?:\s+(?:of\s+|&\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w&.’'-]*){0,4}")
#: A name opening a sentence, before its verb: "Valdor Air grounded ...".
_LEAD_NAME = re.compile(r"((?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*\s+){0,3}[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*)\s+(?:[a-z]+ed|has|have|"
                        r"said|says|will|would|is|was)\b")
#: Body nouns that name a company, and the heads of bodies that are none.
_COMPANY_NOUNS = frozenset("""telco company firm carrier airline retailer lender insurer
    operator broadcaster miner carmaker automaker bank supermarket manufacturer chain""".split())
_NO_COMPANY = re.compile(r"\b(?:[Uu]nion|[Mm]inistry|[Dd]epartment|[Aa]gency|[Cc]ouncil|"
                         r"[Gg]overnment|[Pp]olice|[Cc]ourt|[Cc]ommission|[Aa]ssociation|"
                         r"[Ff]ederation|[Aa]uthority|[Cc]ommittee|[Pp]arty|[Uu]niversity|"
                         r"[Ii]nstitute|[Aa]rmy|[Mm]inister|[Rr]egulator|UN|EU|Office|Bureau)\b")
#: One-person roles a later "the official" or "the source" may name again.
_ROLE_GROUP = frozenset("official source spokesman spokeswoman spokesperson".split())


def _introduced(article: Article, claim: Claim) -> str:
    """Return how the article first described a person a sentence names again with "the"
    ("the driver said" after "One driver who asked not to be named said"), or ""."""
    a = claim.attribution
    text = article.source.text
    tag = _tag_of(article, claim)
    if tag is not None:  # a quotation going on after "the official said": as that official
        return _introduced(article, tag)  # was introduced
    if a.mention_start < 0 or a.speaker is None:
        return ""
    written = (text[max(0, a.mention_start - 4) : a.mention_end]).lower().split()
    if len(written) < 2 or written[-2] != "the":
        return ""
    head = written[-1]
    said_at = min(claim.start, a.mention_start)
    before = [c for c in article.claims if c.end <= said_at][-5:]
    for earlier in reversed(before):
        e = earlier.attribution
        if e.strength != "described" or e.speaker is None or e.mention_start < 0:
            continue
        mention = text[e.mention_start : e.mention_end]
        first = mention.lower().split()[:1]
        last = (e.speaker.name.lower().split() or [""])[-1]
        if first and first[0] in ("a", "an", "one") and (last == head or (
                last in _ROLE_GROUP and head in _ROLE_GROUP)):
            return mention
    return ""


def _names(label: str, speaker: Speaker) -> bool:
    """Tell whether a choice names a speaker by one of its forms."""
    low = label.lower().removeprefix("the ")
    return low in {f.lower() for f in (speaker.name, speaker.mention, *speaker.short_forms)}


def released_object(claim: Claim) -> str:
    """Return "published its count of ..." for a sentence whose source releases data (its
    cue a release verb with no clause after it), or ""."""
    a = claim.attribution
    if a.cue_start < 0 or a.content_end > a.content_start:
        return ""
    verb = claim.text[a.cue_start - claim.start : a.cue_end - claim.start].split()
    if not verb or verb[-1] not in RELEASE_VERBS or a.mention_end > a.cue_start:
        return ""
    rest = claim.text[a.cue_end - claim.start :].strip().rstrip(".")
    head = re.split(r",\s|\s(?:that|which|in which|who|showing)\s", rest)[0]
    rest = head if len(head.split()) >= 3 else rest  # "published a list of 1,300 exports"
    if not 3 <= len(rest.split()) <= 30 or any(q in rest for q in "\"“”"):
        return ""
    return f"{verb[-1]} {rest}"


def _source_question(corpus: Corpus, article: Article, claim: Claim,
                     part: str = "") -> list[Candidate]:
    """Ask who is cited for the claim's attribution: typed, or among the article's sources."""
    speaker = cited(claim)
    content = clause(claim, article.source.text)
    if speaker is None:
        return []
    text = article.source.text
    self_ref = self_reference(claim) if content is None else None
    context_claims: list[Claim] = []
    described = claim.attribution.strength == "described"
    answer = written_source(claim, speaker) if described else speaker.mention
    if not described:
        answer = uncut_person(speaker, answer)
    if answer.lower() in _PRONOUNS or cut_name(answer, article.source.text) or (
            "year-old" in answer and speaker.kind == "vague"):
        return []  # "the IOM quoted him as saying": a pronoun is no answer; nor half a name
        # ("___ and Management Council" of "the X Risk Reduction and Management Council"), nor
        # an age whose person the article does not name with it ("the 65-year-old told her")
    a = claim.attribution
    if speaker.kind == "vague" and _BENCHMARK.search(answer) and compares(claim, text) and not (
            re.match(r"\s+of\s+(?:about\s+|around\s+)?[$€£\d]", text[a.mention_end :])):
        return []  # "topping the mean forecast by two cents": a benchmark with no
        # figure of its own is no source (but "topping the estimate of $9.3 billion" is one)
    if (speaker.definite and answer[0].islower()) or one_word_body(speaker, answer):
        answer = f"the {answer}"  # "the city's Office of Management and Budget", "the Hill"
    a = claim.attribution
    written = claim.text[a.mention_start - claim.start : a.mention_end - claim.start].strip()
    if speaker.kind == "org" and not described and a.mention_start >= 0 and len(written) < len(
            answer) and written.lower().removeprefix("the ") == speaker.name.lower():
        answer = written  # "The Acme Monitor says ..." after "the London-based group Acme
        # Monitor": the name as this sentence writes it, not an earlier description
    accept = (described_variants(article, claim, speaker, answer) if described
              else speaker_variants(speaker, claim, article.source.text))
    owner = _document_owner(article, claim, speaker) if described else None
    if owner is not None:  # "The data also shows ..." after "a new report from IDC": IDC's
        accept = [*accept, owner.name, *(f for f in (owner.mention, *owner.short_forms)
                                         if f != owner.name and len(f) > 2)]
    accept = [*accept, *(p.mention for p in joint_parts(answer))]  # "the Red Cross" of
    # "Local officials and the Red Cross": each of two who speak together
    introduced = _introduced(article, claim) if described else ""
    if introduced:  # "the official said" after "A senior military source in the capital told"
        accept = [*accept, introduced, re.sub(r"^(?i:an?|one|the)\s+", "", introduced)]
    accept = [f for f in accept if f != answer]
    forms = [answer, speaker.name, *speaker.short_forms]
    a = claim.attribution
    written = claim.text[a.mention_start - claim.start : a.mention_end - claim.start]
    if a.mention_start >= 0 and written.lower() not in _PRONOUNS:
        forms.append(written)  # as the sentence writes it ("the central bank"): not in the prompt
    score = 1.3
    opening = excerpt(claim) if content is None and not self_ref and not part else None
    # a further source of the sentence ("..., but other officials disputed it") is never asked
    # of the sentence's opening, which is the first source's claim
    if content is None and opening is None and claim.attribution.frame == "continued":
        opening = continued_quote(claim)  # words of a quotation whose tag is in another sentence
    sentence = claim.text.strip()
    if compares(claim, text):
        opening = None
    if content is None and opening is None and not self_ref and a.frame == "context" and len(
            sentence) <= 240 and not mentions(sentence, forms) and not _OTHER_TIME.search(
            sentence):  # "This was a rise of 9%." (but "higher than in the spring": those
        # figures may be another poll's)
        prompt = f'Whose figures does the article give in this sentence: "{sentence}"?'
    elif self_ref and not mentions(self_ref, forms):
        prompt = f"Who {denial(claim) or 'said'} that {self_ref}?"  # "Who denied that he ...
    elif opening and not mentions(opening, forms):
        prompt = (f"Who is quoted as saying {opening}?" if opening[0] in "“‘\""
                  else f"Who is cited as the source for {claim_phrase(opening, text)}?")
    elif released_object(claim) and not mentions(released_object(claim), forms):
        prompt = f"Who does the article say {released_object(claim)}?"  # "published its
        # count of the votes, ...": a release, no claim to quote
    elif content is None or mentions(content, forms) or compares(claim, text) or (
            a.content_start <= a.mention_start < a.content_end):  # "Early Tuesday he raised
        # the toll to 12": the content holds its own speaker
        # "revenue rose 18%, topping the forecast": the sentence is not the forecast's claim
        context = previous_sentence(article, claim)
        prompt = source_cloze(claim, forms, context, answer)
        score = 1.0
        before = before_pointer(claim, text) if prompt is None else None
        if before and not mentions(before, forms):  # "... charged in the same period": cut
            prompt = f"Who is cited as the source for {claim_phrase(before, text)}?"
        if prompt is None:
            return []
        if context is not None and context.text in prompt:
            context_claims.append(context)
        shown = written.strip(" ,")
        if "," in answer and shown and shown.lower() not in _PRONOUNS and shown in answer:
            accept = [f for f in dict.fromkeys([*accept, answer]) if f != shown]
            answer = shown  # "The Chicago judge, ___, rejected": the blank holds the name only
    elif denied := denial(claim):  # "he denied that C": not the source of the claim C
        prompt = f"Who {denied} that {lower_first(content, text)}?"
    elif content[0] in "“‘\"":
        asked = content.rstrip("”\"’'").endswith("?") and re.search(
            r"\basked\b", claim.text[a.cue_start - claim.start : a.cue_end - claim.start])
        prompt = f"Who {'asked' if asked else 'is quoted as saying'} {content}?"
    elif verbless(content):
        return []  # "the claim that the ferry crash, the worst in a decade?": no claim
    else:
        prompt = f"Who is cited as the source for {claim_phrase(content, text)}?"
    evidence = [*(e for c in context_claims for e in evidence_for(article, c)),
                *evidence_for(article, claim)]
    if answer.lower() not in claim.text.lower() and speaker.mention_start >= 0:
        intro = next((c for c in article.claims
                      if c.start <= speaker.mention_start < c.end), None)
        if intro is not None and intro.start != claim.start:
            evidence.append(Evidence(article.source.id, intro.start, intro.end))
    explanation = f'The article attributes this to {answer}: "{claim.text}"'
    tags = ["source", "attribution", *(f.topic for f in claim.figures[:1])]
    covers = (f"source:{article.source.id}:{claim.start}{part}",)
    seed = seed_of(article.source.id, claim.start, "source")
    distractors = distinct(answer, [o for o in other_speakers(article, speaker, answer)
                                    if (owner is None or not _names(o, owner)) and not any(
                                        subsumed(o, form) for form in accept)
                                    and not _stands_for(article, o, speaker)], 3)
    # (never "senior navy source" beside "the official" whose accepted forms hold it)
    if len(distractors) == 3 and not _GENERIC_KEY.fullmatch(answer):
        # one question per claim: multiple choice among the article's own (but "Officials"
        # beside the Coast Guard and an admiral is no distinct choice: typed)
        shown = _listed(key_form(answer, article.source.text))
        if shown != answer:
            accept = [a for a in dict.fromkeys([answer, *accept]) if a != shown]
            answer = shown
        choices = order_choices(answer, [_listed(d) for d in distractors], seed)
        mc = Question("", "source", prompt, answer, accept, choices, evidence,
                      explanation, [*tags, "multiple-choice"], 0.4)
        return [Candidate(mc, article.source.id, score, covers)]
    typed = Question("", "source", prompt, answer, accept, None, evidence, explanation,
                     tags, 0.55)
    return [Candidate(typed, article.source.id, score, covers)]
