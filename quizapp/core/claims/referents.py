"""Which entity a phrase may mean: a person's age or title ("the 58-year-old", "Mr Vale"), a
gender a pronoun must agree with, and the kind of organisation a noun like "the retailer" names."""

from __future__ import annotations

import re

from quizapp.core.claims.speakers import ORG_NOUNS, ORG_WORDS

#: A person described by age, who is the person the article has just named.
AGED = re.compile(r"(\d{1,3})-year-old(?:\s+[a-z-]+){0,2}")
#: A person introduced with an age at the start of a sentence: "Maya Olsen (18), from ...",
#: "Jo Mace, 42, said".
AGED_SUBJECT = re.compile(r"(?P<name>[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž][\w’'-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž][\w’'-]*){1,2})"
                          r"(?:\s+\(\d{1,3}\)|,\s+\d{1,3},)")
_MALE = re.compile(r"\b(?:mr|sir|lord|king|prince|spokesman|chairman|father|son|brother|husband|"
                   r"boy|man)\b", re.IGNORECASE)
_FEMALE = re.compile(r"\b(?:mrs|ms|miss|dame|lady|queen|princess|spokeswoman|chairwoman|mother|"
                     r"daughter|sister|wife|girl|woman)\b", re.IGNORECASE)


HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?P<surname>[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž][\w’'-]*)\b"
                       r"(?!\s+[A-ZÀ-ÖØ-ÞĀ-Ž])")


def gender(*forms: str) -> str:
    """Return "he" or "she" when a person's title or description says which, else ""."""
    words = " ".join(forms)
    male, female = bool(_MALE.search(words)), bool(_FEMALE.search(words))
    return "he" if male and not female else "she" if female and not male else ""


#: Kinds of organisation: "the retailer" may be a business named before, not a ministry.
_KINDS = (frozenset("""company firm maker carrier airline retailer lender insurer operator
    manufacturer developer startup provider producer giant brand chain supplier distributor
    broker consultancy group corporation corp corp. inc inc. ltd ltd. holdings bank publisher
    broadcaster network partners capital securities""".split()),
          frozenset("club team".split()))
_HEADS = ORG_WORDS | ORG_NOUNS | frozenset("government ministry police army".split())
#: "retailer Norland", "the airline Skyways": a business introduced by its noun.
INTRODUCED_NOUNS = """retailer airline carrier lender insurer broker bank maker manufacturer
    operator developer startup publisher broadcaster chain consultancy""".split()
INTRODUCED = {noun: re.compile(
    rf"\b{noun}\s+([A-ZÀ-ÖØ-ÞĀ-Ž][\w&’'.-]*(?:\s+(?:&\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w&’'.-]*){{0,3}})")
    for noun in INTRODUCED_NOUNS}
#: Nouns that may mean any business; the others mean a business of their own kind.
_GENERAL = frozenset("company firm group business concern corporation giant club team".split())
_SAME = (frozenset("airline carrier".split()), frozenset("lender bank".split()),
         frozenset("maker manufacturer producer".split()), frozenset("retailer chain".split()),
         frozenset("carmaker automaker motors motor cars automotive auto".split()))


#: A company's legal form ("Co.", "Inc"), which tells nothing of what it does.
_LEGAL_FORMS = frozenset("co co. corp corp. inc inc. ltd ltd. plc llc llp".split())
#: Heads of public bodies that news also calls "the agency".
_AGENCIES = frozenset("""agency office organization organisation commission authority
    administration service bureau programme program fund institute board centre center nations
    observatory secretariat""".split())


#: Bodies a company's bare name never is: "the union" after "Starbucks".
_NOT_BUSINESS = frozenset("union federation confederation association council".split())


def may_be(noun: str, written: str) -> bool:
    """Tell whether "the NOUN" may refer to an organisation: its name holds no head of another
    kind ("Orbit Air ... the airline", never "the Transport Ministry ... the retailer")."""
    words = {re.sub(r"[’']s?$", "", w.lower().strip(".,()")) for w in written.split()}
    heads = words & _HEADS - _LEGAL_FORMS
    if not heads:  # a bare name ("Optus", "Manchester City"), never a lower-case body of
        if noun in _NOT_BUSINESS:  # another kind ("the weather service ... the club said")
            return any(len(w) > 1 and w.isupper() for w in written.split())  # "the union"
            # is "the GMB", not a company named before ("Starbucks")
        return any(w[:1].isupper() for w in written.split())
    if noun == "agency" and heads <= _AGENCIES:
        return True  # "the EU Office for Flood Relief ... the agency"
    if noun in _GENERAL:  # "the company": any business, not a ministry
        kind = next((k for k in _KINDS if noun in k), frozenset((noun,)))
        return bool(heads & kind)
    same = next((s for s in _SAME if noun in s), frozenset((noun,)))
    return bool(heads & same)  # "the retailer" is never the broker named last
