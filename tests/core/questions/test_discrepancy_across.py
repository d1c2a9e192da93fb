"""Discrepancy questions across the articles of a bank on one event (made-up articles)."""

from quizapp.core.banks.model import Source
from quizapp.core.questions import check_integrity, generate_questions


def _source(sid: str, title: str, date: str, *paragraphs: str) -> Source:
    return Source(id=sid, title=title, date=date, text="\n\n".join((title, *paragraphs)) + "\n")


MONDAY = _source(
    "a", "Storm hits Portville harbour", "2025-03-01",
    "At least 14 people were injured when a storm hit the Portville harbour, the Port Authority "
    "said on Monday.",
    "Earlier, the death toll released by the police in Portville was 3, but fire chief Anna "
    "Reyes said another body was discovered, taking the count to 4.")
WEDNESDAY = _source(
    "b", "Portville storm toll rises", "2025-03-03",
    "Six people were killed in the Portville storm, the regional council said on Wednesday.")


def _across(*sources: Source) -> list:
    questions = [q for q in generate_questions(list(sources))
                 if q.type == "discrepancy" and "within-article" not in q.tags]
    for q in questions:
        assert check_integrity(q, list(sources)) == [], q
    return questions


def test_injured_and_killed_in_two_articles_are_no_conflict():
    questions = _across(MONDAY, WEDNESDAY)
    assert questions
    assert not any({"at least 14", "six"} <= {c.lower() for c in q.choices or ()}
                   for q in questions)


def test_two_articles_on_one_event_conflict_with_each_figure_from_its_own_source():
    questions = _across(MONDAY, WEDNESDAY)
    asked = [q for q in questions if "recency" not in q.tags]
    prompts = {q.prompt: q.answer for q in asked}
    assert prompts['"Storm hits Portville harbour" gives 3 for the number of dead, citing the '
                   'police. What figure does the regional council give in "Portville storm toll '
                   'rises"?'] == "six"
    assert not any("Reyes" in p and a == "3" for p, a in prompts.items())
    assert all({e.source for e in q.evidence} == {"a", "b"} for q in questions)


def test_articles_on_two_events_or_places_are_no_conflict():
    later = _source("c", "Portville storm toll rises", "2026-07-03",
                    "Six people were killed in the Portville storm, the regional council said.")
    assert _across(MONDAY, later) == []
    elsewhere = _source("d", "Storm toll rises in the Portville region", "2025-03-02",
                        "Nine people were killed in Eastland when the storm hit, the regional "
                        "council said.")
    assert not any("nine" in (q.answer.lower(), *[c.lower() for c in q.choices or ()])
                   for q in _across(MONDAY, elsewhere))


def test_troop_figures_across_articles_name_the_source_of_each_part():
    first = _source(
        "t1", "Troops sent to Kessel", "2025-05-01",
        "The army first said 2,000 troops were deployed to Kessel, but defence minister "
        "Lara Voss said the number was 3,000 troops.")
    second = _source(
        "t2", "Kessel deployment grows", "2025-05-03",
        "About 5,000 troops were sent to Kessel, Kessel governor Ivo Marek said on Saturday.")
    questions = _across(first, second)
    assert questions
    for q in questions:
        for figure, source in (("2,000", "the army"), ("3,000", "Lara Voss")):
            if f"for a figure of {figure}" in q.prompt:
                assert f"cites {source}" in q.prompt or f"cites defence minister {source}" in \
                    q.prompt, q.prompt


def test_sums_of_two_stories_months_apart_are_no_conflict():
    ring = _source("r", "Police break up City burglary ring", "2024-11-06",
                   "Goods worth an estimated £1.5 million were stolen in City break-ins, "
                   "Detective Superintendent Claire Hobbs said.")
    transfer = _source("s", "City break transfer record", "2024-07-30",
                       "City paid up to £95 million for the forward, club chairman Omar Haddad "
                       "said.")
    assert _across(ring, transfer) == []


RAIL_A = _source(
    "ra", "Twelve killed in Dunmore rail crash", "2025-06-02",
    "DUNMORE: A goods train hit a stopped passenger train near Dunmore on Monday, killing at "
    "least 12 people, police said.",
    "Twelve bodies were recovered from the wreck, Lena Ortiz, a senior police officer in the "
    "district of Harlow, the site of the crash, told reporters.")
RAIL_B = _source(
    "rb", "Freight train slams into commuter train", "2025-06-02",
    "Capital City — At least seven people were killed when a goods train ran into a "
    "passenger train on Monday near Dunmore.",
    '"Four people, including the driver of the Harlow Express, died on the spot," Lena Ortiz, '
    "Deputy Superintendent of Police for the Harlow District, told reporters.")


def test_one_official_giving_two_tolls_on_one_day_is_a_conflict():
    questions = _across(RAIL_A, RAIL_B)
    prompts = {q.prompt: q.answer for q in questions if "recency" not in q.tags}
    assert any("citing Lena Ortiz" in p and "What figure does Lena Ortiz give" in p and a == "four"
               for p, a in prompts.items()), prompts


def test_the_other_article_s_unsourced_lead_toll_is_asked_as_citing_no_source():
    questions = _across(RAIL_A, RAIL_B)
    assert any(q.prompt.endswith('What figure does "Freight train slams into commuter train" '
                                 "give, citing no source?") and q.answer == "at least seven"
               for q in questions), [q.prompt for q in questions]


def test_a_discrepancy_with_one_figure_besides_the_prompt_s_is_typed_not_forced():
    first = _source("m1", "Twelve killed in Dunmore mine blast", "2025-04-06",
                    "At least 12 workers were killed in an explosion at the Dunmore mine on "
                    "Monday, mine safety chief Kevin Dorr said.")
    later = _source("m2", "Dunmore mine toll reaches 29", "2025-04-10",
                    "The death toll in the Dunmore mine blast reached 29 on Saturday, state "
                    "officials said.")
    asked = [q for q in _across(first, later) if "recency" not in q.tags]
    assert asked and all(q.choices is None or len(q.choices) >= 3 for q in asked)


def test_counts_of_one_group_set_against_each_other_in_two_articles_are_asked_by_group():
    first = _source(
        "m1", "Lisport marches against pension reform", "2025-05-02",
        "Unions claim some two million marchers joined the Lisport protests on Thursday while "
        "police officials put that number at 600,000.")
    second = _source(
        "m2", "Lisport pension marches draw crowds", "2025-05-02",
        "Organisers say 1.5 million marchers filled the streets of Lisport on Thursday, but the "
        "interior ministry put that number at 500,000.")
    questions = _across(first, second)  # never a KeyError for a count of a group
    assert all("for the number of marchers" in q.prompt for q in questions
               if "marchers" in q.explanation)


def test_counts_on_board_in_hospital_and_hurt_conflict_across_two_reports():
    first = _source(
        "a", "Toll in Portville ferry sinking rises to 12", "2025-05-02",
        "The toll from the Portville ferry sinking has risen to 12, while 9 people have been "
        "badly hurt, a senior coast guard official said on Friday.",
        "The ferry was carrying 230 passengers and crew.",
        "Some 88 patients remain in hospital, harbour chief Ines Varga said.")
    second = _source(
        "b", "Portville ferry sinking toll rises to 13", "2025-05-02",
        "PORTVILLE: The death toll in the Portville ferry sinking on Thursday has become 13.",
        "Rescue teams searched the bay through the night.",
        "About thirty passengers were badly hurt in the sinking.",
        "As many as 104 passengers are being treated at hospitals in the district.",
        "The ferry from Eastport was carrying 231.")
    answers = {q.answer for q in _across(first, second)}
    assert {"13", "about thirty", "as many as 104"} <= answers, answers


def test_arrest_counts_of_two_reports_conflict_but_not_a_city_s_part_of_the_country_s():
    a = _source("a", "Protesters set Valdoria town hall ablaze", "2025-05-02",
                "Riot police charged marchers in the capital and 60 people were arrested "
                "nationwide, the Valdoria Herald reported.",
                "Another report said 21 marchers were arrested in the capital on Friday.")
    b = _source("b", "Valdoria unrest: 457 arrested, minister says", "2025-05-02",
                "Officers detained 312 people as marches against the Valdoria pension "
                "reform turned violent, Interior Minister Karl Ostrander said.")
    asked = [q for q in _across(a, b) if "recency" not in q.tags]
    assert any(q.answer in ("312", "60") and ("gives 60" in q.prompt or "gives 312" in q.prompt)
               for q in asked), [q.prompt for q in asked]
    assert not any(q.answer == "21" or "gives 21" in q.prompt for q in asked)
    within = [q for q in generate_questions([a]) if q.type == "discrepancy"]
    assert not within, [q.prompt for q in within]  # 21 in the capital is part of the 60


def test_two_reports_lead_tolls_without_sources_conflict_but_two_floors_that_agree_do_not():
    a = _source("a", "Valdoria mine blast kills 85", "2025-06-02",
                "An explosion at the Valdoria coal mine killed 85 people on Sunday.")
    b = _source("b", "Valdoria mine toll at 40", "2025-06-02",
                "At least 40 people died in the explosion at the Valdoria coal mine on Sunday.")
    asked = [q for q in _across(a, b) if "recency" not in q.tags]
    assert any("citing no source" in q.prompt and q.answer in ("85", "at least 40")
               for q in asked), [q.prompt for q in asked]
    c = _source("c", "Valdoria mine blast: more than 30 dead", "2025-06-02",
                "More than 30 people died in the explosion at the Valdoria coal mine on Sunday.")
    d = _source("d", "Valdoria mine toll rises", "2025-06-02",
                "The explosion at the Valdoria coal mine killed at least 32 people, rescuers said.")
    assert not [q.prompt for q in _across(c, d)]


RAINS_MONDAY = _source(
    "r1", "Monsoon toll rises to 140 across Peru, Chile and Bolivia", "2025-07-14",
    "The death toll in flooding in South America has risen to 140 as rivers kept rising.",
    "At least 80 people have died in Chile and 40 in Bolivia's Tarn province this week.",
    "A dozen people were reported dead in Peru.")
RAINS_FRIDAY = _source(
    "r2", "Flood toll in Peru, Chile and Bolivia jumps to over 260", "2025-07-18",
    "The death toll from flooding in parts of Peru, Chile and Bolivia rose to more "
    "than 260 on Friday, officials said.",
    "Heavy rains in Peru killed more than 30 people in two weeks, the country's disaster "
    "agency said.")


def _cited(q, *sources: Source) -> str:
    texts = {s.id: s.text for s in sources}
    return " | ".join(texts[e.source][e.start : e.end] for e in q.evidence)


def test_a_count_for_one_country_is_no_conflict_of_the_whole_story_s_toll():
    questions = _across(RAINS_MONDAY, RAINS_FRIDAY)
    cited = [_cited(q, RAINS_MONDAY, RAINS_FRIDAY) for q in questions]
    for text in cited:
        assert not ("At least 80" in text and "more than 260" in text), text  # a part
        assert not ("A dozen" in text and "risen to 140" in text), text  # against its whole
        assert not ("more than 30" in text and "risen to 140" in text), text
    assert any("risen to 140" in t and "more than 260" in t for t in cited), cited  # the
    # region's toll against its countries' total


def test_two_counts_for_one_country_conflict_and_name_it():
    questions = [q for q in _across(RAINS_MONDAY, RAINS_FRIDAY) if "recency" not in q.tags]
    asked = [q for q in questions if {q.answer} & {"more than 30", "a dozen"}]
    assert asked and all("the number of dead in Peru" in q.prompt for q in asked), [
        q.prompt for q in questions]


def test_measures_other_than_counts_conflict_across_and_within_articles():
    first = _source(
        "m1", "Quake kills 300 in Tarn", "2025-08-04",
        "An earthquake struck Tarn province on Sunday, killing at least 300 people, state "
        "media said.",
        "The national seismic bureau put the magnitude at 6.5, while the US Geological Survey "
        "said the quake measured 6.1.")
    second = _source(
        "m2", "Tarn quake toll climbs", "2025-08-05",
        "The toll from a magnitude 6.3 earthquake in Tarn rose to 367, the state news agency "
        "said.")
    found = [q for q in generate_questions([first, second]) if q.type == "discrepancy"]
    magnitudes = [q for q in found if "the earthquake's magnitude" in q.prompt]
    assert {q.answer for q in magnitudes} >= {"6.1", "6.3"}, [q.prompt for q in found]
    assert not any("recency" in q.tags for q in magnitudes)


def test_shares_of_the_vote_and_turnout_conflict_across_articles():
    first = _source(
        "v1", "Election result in Tarnia", "2025-06-03",
        "Former army chief Omar Vale won 96.9 percent of the vote, the election commission "
        "said on Tuesday.",
        "Turnout was 47.5 percent, the commission said.")
    second = _source(
        "v2", "Vale wins Tarnia presidency", "2025-06-04",
        "Omar Vale took 93.3 percent of the vote, state television said.",
        "Turnout was 44 percent, officials said.")
    prompts = {q.answer: q.prompt for q in _across(first, second) if "recency" not in q.tags}
    assert "the share of the vote for Vale" in prompts.get("93.3 percent", ""), prompts
    assert "the turnout" in prompts.get("44 percent", ""), prompts


def test_a_title_that_gives_the_key_away_is_not_named_in_the_prompt():
    first = _source("t1", "Ferry sinks off Tarn", "2025-04-01",
                    "At least 20 people died when a ferry sank off Tarn, the coast guard said.")
    second = Source(id="t2", title="Tarn ferry toll climbs to 31", date="2025-04-03",
                    publisher="The Harbour Courier (Tarn), carrying agency copy",
                    text="Tarn ferry toll climbs to 31\n\nThe toll from the ferry sinking off "
                         "Tarn rose to 31, the coast guard said on Thursday.\n")
    asked = [q for q in _across(first, second) if q.answer == "31" and "recency" not in q.tags]
    assert asked, [q.prompt for q in _across(first, second)]
    for q in asked:
        assert "31" not in q.prompt, q.prompt
        assert "the report published by The Harbour Courier on 3 April 2025" in q.prompt


def test_a_candidate_named_first_in_a_sentence_and_in_only_one_title_is_one_story():
    a = _source("v1", "Incumbent wins Valdorian vote by a wide margin", "2025-05-29",
                "President Anton Weiss won 96 percent of the vote in Valdoria's presidential "
                "election, the election board said.")
    b = _source("v2", "Weiss claims victory as rivals cry foul", "2025-05-29",
                "Weiss took 93 percent of the vote, his campaign said on Thursday.")
    answers = {q.answer for q in _across(a, b)}
    assert {"93 percent", "96 percent"} <= answers, answers


def test_a_past_years_toll_an_earlier_estimate_and_a_part_are_no_conflicting_toll():
    a = _source("q1", "Quake kills 381 in Valdoria", "2014-08-04",
                "A strong earthquake in Valdoria killed 381 people, officials said on Monday.",
                "An earlier quake left at least 15,000 people dead there in 1970, state "
                "television said.")
    b = _source("q2", "Valdoria quake toll rises", "2014-08-04",
                "The toll from the Valdoria earthquake rose to 410, the governor said.",
                "The governor revised an earlier estimate of 300 killed, and a rescuer said "
                "four girls were among the dead.")
    answers = {q.answer for q in _across(a, b)}
    assert not answers & {"at least 15,000", "300", "four"}, answers
    assert "410" in answers


def test_one_figure_rounded_is_no_conflict():
    a = _source("r1", "Weiss re-elected in Valdoria", "2024-07-29",
                "Weiss won 51.2% of the vote, the electoral council said.")
    b = _source("r2", "Valdoria's Weiss wins", "2024-07-29",
                "The National Electoral Council said Weiss secured 51% of the vote.")
    assert not [q for q in _across(a, b) if "51" in q.answer]


def test_a_floor_in_one_report_and_a_higher_count_in_another_conflict():
    first = _source("m1", "Mine blast in Valdor", "2024-05-14",
                    "At least 64 workers died when a gas blast tore through a Valdor mine, "
                    "officials said on Wednesday.")
    second = _source("m2", "Hundreds trapped in Valdor mine", "2024-05-14",
                     "The Valdor mine blast has claimed 67 lives, and 120 people were brought "
                     "out alive, the energy minister said.")
    questions = _across(first, second)
    assert any(q.answer in ("67", "at least 64") for q in questions), \
        [q.prompt for q in questions]


def test_homes_destroyed_in_two_reports_conflict():
    first = _source("f1", "Valley fire destroys homes", "2015-09-13",
                    "\"We're looking at up to a thousand homes destroyed,\" fire captain Ray "
                    "Lund said of the Valley fire.")
    second = _source("f2", "Valley fire kills one", "2015-09-14",
                     "A spokeswoman for the fire service said the Valley fire has destroyed 400 "
                     "homes.")
    assert any(q.answer in ("400", "up to a thousand") for q in _across(first, second))
