"""The words of speaker phrases: pronouns, titles, the heads of organisations, vague sources and
documents; and patterns of phrases that are no names: shares and counts ("Three-quarters",
"Eleven"), groups ("a team of researchers", "analysts polled by X") and the nouns that make the
name after them a business ("consultancy Tellmark")."""

from __future__ import annotations

import re

#: A share or count as a phrase's head: no speaker ("17%", "Three-quarters", "Half", "seven").
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
QUANTITY = re.compile(
    rf"(?i:[\d.,]+%?|(?:[a-z]+-)?(?:half|halves|thirds?|quarters?|fifths?|tenths?)|most|many|"
    rf"both|all|several|few|some|none|{_UNITS}|ten|eleven|twelve|\w+teen|(?:{_TENS})(?:-(?:{_UNITS}))?|"
    rf"hundred|thousand|million|dozen|dozens|hundreds|thousands|millions)")
#: A group or quantity before the people or documents that are the source: "a number of
#: officials", "dozens of residents", "a series of requests by X".
GROUP_OF = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:small|large|growing|whole|long)\s+)?(?:series|number|group|"
    r"couple|handful|string|batch|set|pair|team|panel|raft|host|slew|range|variety|lot|bunch|"
    r"dozens|hundreds|thousands|scores|millions)\s+of\s+(?=\S)", re.IGNORECASE)
POLLED_BY = re.compile(r"(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z]+)\s+(?:polled|surveyed|questioned|"
                       r"interviewed|contacted|consulted)\s+by\s+(?:the\s+)?[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*"
                       r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.&’'-]*){0,3}", re.IGNORECASE)

#: Nouns that make the name after them a business, never a person ("rescue team X" may be one).
FIRM_NOUNS = frozenset("""company firm consultancy retailer carrier airline maker operator lender
    insurer manufacturer developer startup provider producer broadcaster publisher brand chain
    supplier distributor broker regulator watchdog charity bank""".split())

#: Common verbs that end a clause before a noun like "forecasts" or "estimates".
VERB_HEADS = frozenset("""gave made took got had did saw put set kept held left met won lost ran
    began led fell rose cut sent brought came went gives makes takes has have offered""".split())

#: Words after a verb in -ed that make a phrase a clause, not a description.
VERB_OBJECT = frozenset("a an the his her their its through across into over down up out off "
                        "towards around".split())

#: Adverbs after a subject, no part of it ("The company now expects").
TRAILING = frozenset("now also still already again later then too meanwhile previously earlier "
                     "first however released published issued compiled conducted "
                     "commissioned".split())

#: Possessive determiners, no names even when capitalised ("Its humanitarian office").
POSSESSIVES = frozenset("its their his her our my your".split())

PRONOUNS = frozenset("he she they it we".split())
LEADING = frozenset(
    """the a an earlier meanwhile however but and also now separately later then still yet so
    previously recently last this that in on as while although though whereas""".split()
)
#: Titles and ranks that sit between a description and a name.
TITLES = frozenset(
    """president prime minister secretary colonel col col. general gen gen. lieutenant lt lt.
    major maj maj. captain capt capt. sergeant sgt sgt. dr dr. mr mr. mrs mrs. ms ms. professor
    prof prof. senator sen sen. representative rep rep. governor gov gov. mayor chancellor king
    queen prince princess judge justice chief commissioner director chairman chairwoman chair
    ceo cfo ambassador pope coach detective sheriff officer inspector superintendent commander
    admiral marshal speaker deputy vice attorney spokesperson spokesman spokeswoman sir dame
    lord lady minister leader premier envoy analyst economist strategist cmdr cmdr. adm adm.
    brig brig. cpl cpl. pvt pvt. supt supt. insp insp. det det.""".split()
)
#: Words that make a name an organisation.
ORG_WORDS = frozenset(
    """ministry department agency service staff council committee commission office bank panel
    institute university court police army navy force forces guard corporation corp corp. inc
    inc. ltd ltd. group company association union organization organisation party federation
    press
    bureau authority administration parliament congress senate government times news post
    nations journal gazette herald tribune telegraph guardian observer courier chronicle reuters
    bloomberg xinhua interfax yonhap kyodo bernama
    fund foundation network centre center board club league team cabinet kremlin society forum
    institution
    pentagon intelligence command coalition alliance assembly secretariat tribunal observatory
    laboratory lab hospital clinic school college trust partnership programme program
    commission directorate inspectorate regulator exchange chiefs securities capital partners
    holdings labs research associates analytics economics insights survey cross defense defence
    watch monitor movement front brigade brigades helmets crescent shimbun co co. plc llc
    llp motors motor airlines airways petroleum mining minerals industries pharmaceuticals
    technologies electronics telecom telecommunications communications entertainment
    railways logistics chemicals semiconductor semiconductors software studios ventures
    enterprises bancorp automotive air aviation airport insight consulting consultancy advisers
    advisors strategies confederation""".split()
)
#: Common nouns that describe an organisation ("payments company Paylane").
ORG_NOUNS = frozenset(
    """company firm operator club group agency carrier bank maker retailer airline insurer
    regulator watchdog charity union network broadcaster publisher developer manufacturer
    startup provider producer giant brand chain party university school hospital council team
    think tank organisation organization lender consultancy broker nonprofit charity
    supplier distributor""".split()
)
#: Heads that make an unnamed phrase a vague source ("officials", "reports").
VAGUE_HEADS = frozenset(
    """official officials source sources report reports expert experts analyst analysts observer
    observers diplomat diplomats authorities insider insiders people residents witnesses witness
    troops soldiers media account accounts estimate estimates figures data documents studies
    study intelligence spokesperson spokesman spokeswoman lawmaker lawmakers commander commanders
    researchers scientists economists doctors critics activists defectors investigators police
    statement statements briefing assessment assessments analysis survey poll polls tally
    records record observers agencies governments militaries prosecutors detectives firefighters
    rescuers paramedics medics engineers villagers survivors protesters campaigners organisers
    organizers person survivor resident rescuer paramedic medic villager protester campaigner
    organiser organizer eyewitness passenger nurse doctor driver firefighter investigator
    prosecutor detective officer neighbour neighbor relative""".split()
)
#: Heads that name a document: the speaker is its author ("U.K. defense intelligence estimates").
DOCUMENT_HEADS = frozenset(
    """report reports estimate estimates figures data statement statements briefing assessment
    assessments analysis survey poll polls tally study studies account accounts records
    calculations projections""".split()
)
#: Lower-case heads of an institution ("South Korea's military", "U.K. defense intelligence").
INSTITUTION_HEADS = frozenset(
    """military army navy government ministry intelligence police agency service department
    office council parliament court commission committee company firm embassy administration
    regulator authority bureau institute university cabinet command forces""".split()
)
