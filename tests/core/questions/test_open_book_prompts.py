"""Open-book figure prompts read from the figure's own clause: a counted subject cut before the
next figure, "there were N ...", a poll share "N% of X ...", a change in one clause of a longer
sentence with the phrase that scopes it; each with one answer in the article."""

from quizapp.core.banks.model import Source
from quizapp.core.questions import check_integrity, generate_questions
from quizapp.core.scoring import score_answer


def asked(text: str, answer: str) -> list:
    source = Source(id="o", title="Test", date="2025-05-01", text="Test story\n\n" + text)
    questions = [q for q in generate_questions([source])
                 if q.type == "figure" and q.answer == answer]
    assert questions and all(check_integrity(q, [source]) == [] for q in questions)
    return questions


def open_prompts(text: str, answer: str) -> list[str]:
    return [q.prompt for q in asked(text, answer) if "closed-book" not in q.tags]


def test_a_counted_subject_is_cut_before_the_clause_with_another_figure():
    text = ("Six people were killed on Sunday when two lorries collided on the coast road, the "
            "county police said.\n\nThe road was closed for hours.\n")
    assert open_prompts(text, "Six") == [
        "According to the county police, how many people were killed on Sunday?"]


def test_a_second_counted_subject_after_and_is_asked_by_its_own_verb():
    text = ("Two climbers died and another three were rescued from the glacier on Monday, the "
            "mountain rescue service said.\n\nThe weather had turned overnight.\n")
    prompts = open_prompts(text, "Two")
    assert prompts == ["According to the mountain rescue service, how many climbers died?"]


def test_a_participle_is_no_verb_for_a_counted_subject():
    text = ("The agency counted 40,000 residents hit by the storm, with a total of 900 "
            "houses damaged, officials said.\n\nAid arrived on Friday.\n")
    assert not any("how many houses damaged" in p for p in open_prompts(text, "900"))


def test_a_poll_share_of_a_group_is_asked_by_the_group_and_its_verb():
    text = ("The survey by Northfield Research was published on Monday.\n\n"
            "Only 42% of those who voted Green at the last election now back the party, the "
            "survey found.\n")
    assert open_prompts(text, "42%") == [
        "According to the survey, what share of those who voted Green at the last election "
        "now back the party?"]


def test_a_share_of_a_group_naming_another_figure_is_not_asked_open():
    text = ("Just 30% of the 12 member states have ratified the treaty, the commission said."
            "\n\nTalks resume in June.\n")
    assert not any("what share" in p for p in open_prompts(text, "30%"))


def test_a_change_in_one_clause_is_asked_with_the_phrase_that_scopes_it():
    text = ("Average rents fell 2.4 per cent on the quarter in March and at the fastest pace "
            "since at least 2009, the Harwell letting agency said on Thursday, in a sign the "
            "market is cooling.\n\nRents were down 6.1 per cent on the year, and average "
            "rents in the capital were flat.\n")
    prompts = open_prompts(text, "2.4 per cent")
    assert prompts and prompts[0].startswith("By how much does")
    assert prompts[0].endswith("say average rents fell on the quarter in March?")


def test_a_figure_of_another_speaker_before_but_is_not_asked_of_the_later_one():
    text = ("At first the toll given by the coastguard was 11, but the harbour master Ana "
            "Vidal said a twelfth body was found.\n\nDivers searched the bay.\n")
    assert not any("Ana Vidal" in p for p in open_prompts(text, "11"))


def test_a_prompt_matching_another_sentence_of_another_value_is_not_asked_open():
    text = ("Four miners were killed in the blast, the company said.\n\n"
            "Later the union said seven miners were killed.\n")
    prompts = open_prompts(text, "Four") + open_prompts(text, "seven")
    assert not any(p.endswith("how many miners were killed?") for p in prompts)


def test_a_plural_source_named_as_its_own_subject_is_they():
    text = ("Using hospital records, the researchers identified 8,200 patients aged over 70 "
            "who had been admitted twice.\n\nThe study ran for five years.\n")
    prompts = open_prompts(text, "8,200")
    assert prompts == ["How many patients do the researchers say they identified?"]
    q = asked(text, "8,200")[0]
    assert score_answer(q, "8200", "").correct


POLL = ("Poll finds voters split\n\nThe Marlow Institute surveyed 1,500 adults last week.\n\n"
        "61% of registered voters say they would back the new bridge; 9% are undecided.\n\n"
        "Among first-time voters, 48% say the bridge costs too much; 11% are not sure.\n\n"
        "If the toll is dropped, 70% of residents say they would use it daily; 20% say they "
        "would not.\n")


def test_a_share_of_a_group_that_says_is_asked_of_the_article_not_the_group():
    prompts = open_prompts(POLL, "61%")
    assert prompts == ["According to the article, what share of registered voters say they "
                       "would back the new bridge?"]


def test_a_share_after_a_semicolon_takes_the_group_of_the_first_share():
    assert open_prompts(POLL, "9%") == [
        "According to the article, what share of registered voters are undecided?"]


def test_a_share_after_among_takes_its_group():
    assert open_prompts(POLL, "48%") == [
        "According to the article, what share of first-time voters say the bridge costs too "
        "much?"]


def test_a_share_under_a_condition_stays_a_blank():
    assert open_prompts(POLL, "70%") == [] and asked(POLL, "70%")
    assert open_prompts(POLL, "20%") == [] and asked(POLL, "20%")


def test_two_counted_subjects_sharing_a_verb_are_each_asked_by_it():
    text = ("HARLOW: Three firefighters and at least 14 residents were hurt in a blaze on "
            "Friday, the fire service said.\n\nThe tower block had 20 floors.\n")
    assert open_prompts(text, "Three") == [
        "According to the fire service, how many firefighters were hurt in a blaze on Friday?"]


def test_a_change_from_one_level_to_another_is_asked_to_and_from():
    text = ("The share of homes with working alarms rose from 61 per cent to 74 per cent over "
            "the year, the council said on Monday.\n\nInspections resume in May.\n")
    assert open_prompts(text, "74 per cent") == [
        "What figure does the council say the share of homes with working alarms rose to?"]
    assert open_prompts(text, "61 per cent") == [
        "What earlier figure does the council say the share of homes with working alarms rose "
        "from?"]


def test_a_part_of_a_group_is_asked_how_many_of_it():
    text = ("The hospital said 27 of the injured were discharged on Monday.\n\n"
            "Doctors worked through the night.\n")
    assert open_prompts(text, "27") == [
        "According to the hospital, how many of the injured were discharged on Monday?"]


def test_a_sum_of_a_total_is_asked_how_much_of_it():
    text = ("The regulator said £240 of the average bill was made up of network charges.\n\n"
            "Bills rise in April.\n")
    assert open_prompts(text, "£240") == [
        "According to the regulator, how much of the average bill was made up of network "
        "charges?"]


def test_a_bare_count_of_the_missing_is_asked_by_its_predicate():
    text = ("The ministry said another 2,300 were still missing in the valley on Sunday.\n\n"
            "Rescuers used dogs.\n")
    assert open_prompts(text, "2,300") == [
        "According to the ministry, how many were still missing in the valley on Sunday?"]


def test_a_bare_count_with_a_short_or_unclear_predicate_stays_a_blank():
    text = ("The militia claimed 32 were killed, and that 17 were in the capital.\n\n"
            "The army denied it.\n")
    assert open_prompts(text, "32") == [] and asked(text, "32")
    assert open_prompts(text, "17") == []


def test_a_sum_that_opens_its_clause_is_asked_how_much():
    text = ("The minister said the badly injured would get Rs 2 lakh and Rs 25,000 would be "
            "paid to anyone with minor injuries.\n\nThe line reopened on Friday.\n")
    assert open_prompts(text, "Rs 25,000") == [
        "According to the minister, how much would be paid to anyone with minor injuries?"]


def test_a_level_kept_is_asked_at_what_level():
    text = ("Westbank also held its deposit rate at 1.5 per cent in June.\n\n"
            "Markets had expected a cut.\n")
    assert open_prompts(text, "1.5 per cent") == [
        "At what level did Westbank hold its deposit rate in June?"]


def test_a_level_kept_by_another_than_the_source_is_asked_what_the_source_says():
    text = ("The statistics office said the Halden central bank kept the policy rate unchanged "
            "at 3.25 per cent.\n\nTrade rose in May.\n")
    assert open_prompts(text, "3.25 per cent") == [
        "At what level does the statistics office say the Halden central bank kept the policy "
        "rate?"]


def test_figures_given_respectively_stay_blanks():
    text = ("Exports and imports were up 12 per cent and 7 per cent respectively, the customs "
            "office said.\n\nTrade talks resume in June.\n")
    assert open_prompts(text, "12 per cent") == [] and asked(text, "12 per cent")


def test_a_clause_opening_with_a_participle_or_another_figure_is_not_asked_open():
    text = ("The index closed at 4,210, having gained 1.2% in early trade, dealers said.\n\n"
            "Volumes were thin.\n")
    assert not any("having" in p for p in open_prompts(text, "1.2%"))


def test_an_amount_named_by_its_noun_and_recipient_is_asked_what_figure():
    text = ("The transport minister announced a compensation payment of Rs 3 lakh for each "
            "bereaved household.\n\nThe line reopened on Friday.\n")
    assert open_prompts(text, "Rs 3 lakh") == [
        "What figure does the transport minister give for the compensation payment for each "
        "bereaved household?"]


def test_an_amount_named_by_a_vague_noun_stays_a_blank():
    text = ("The club said the annual rate of 4.5 per cent was fair, and the board wanted a "
            "offer in the region of £20m.\n\nFans protested.\n")
    prompts = open_prompts(text, "4.5 per cent") + open_prompts(text, "£20m")
    assert not any("annual rate" in p or "region" in p for p in prompts)


def test_a_toll_after_its_event_is_asked_how_many_were_killed_when():
    text = ("HARBURG, Norway - A ferry capsized in heavy seas off the northern coast late "
            "Tuesday, killing nine crew members and hurting a dozen, a coastguard official "
            "said.\n\nDivers searched the wreck.\n")
    assert open_prompts(text, "nine") == [
        "According to a coastguard official, how many crew members were killed when a ferry "
        "capsized in heavy seas off the northern coast late Tuesday?"]


def test_a_toll_after_a_pronoun_event_stays_a_blank():
    text = ("The storm reached the coast at dawn.\n\nIt flattened the harbour district, killing "
            "14 fishermen, the mayor said.\n")
    assert not any(" when it " in p.lower() for p in open_prompts(text, "14"))


def test_a_name_after_the_counted_noun_is_no_verb():
    text = ("The win lifted them into fourth, two points behind United, the club said.\n\n"
            "The next game is on Sunday.\n")
    assert not any("behind United?" in p for p in open_prompts(text, "two"))


def test_a_listed_quarter_of_a_projection_is_asked_by_the_projection_and_quarter():
    text = ("On these assumptions, CPI inflation is projected at 4.9 per cent, with Q2 at "
            "5.1 per cent, Q3 at 4.7 per cent and Q4 at 4.4 per cent, the bank said."
            "\n\nReal GDP growth is projected at 7.1 per cent, and Q2 at 7.3 per cent.\n")
    assert open_prompts(text, "4.7 per cent") == [
        "What figure does the bank give for CPI inflation in Q3?"]
    assert not any(p.endswith("give for Q2?") for p in open_prompts(text, "5.1 per cent"))


def test_an_elliptical_share_stays_a_blank():
    assert open_prompts(POLL, "11%") == [] and asked(POLL, "11%")
