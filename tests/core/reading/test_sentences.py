"""Sentence splitting of English news prose."""

from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.reading.sentences import Sentence, paragraphs, split_sentences


def texts(text: str) -> list[str]:
    """Split `text` and return the sentence texts."""
    return [s.text for s in split_sentences(text)]


def test_plain_sentences_split_at_full_stops_questions_and_exclamations():
    assert texts("The vote passed. Was it fair? Critics said no! Officials disagreed.") == [
        "The vote passed.",
        "Was it fair?",
        "Critics said no!",
        "Officials disagreed.",
    ]


def test_country_abbreviations_do_not_end_a_sentence_before_a_noun():
    assert texts("The U.K. government and U.S. officials met in Geneva. Talks ended.") == [
        "The U.K. government and U.S. officials met in Geneva.",
        "Talks ended.",
    ]


def test_country_abbreviation_at_the_end_of_a_sentence_ends_it_before_an_opener():
    assert texts("The aid was sent by the U.S. The shipment arrived on Friday.") == [
        "The aid was sent by the U.S.",
        "The shipment arrived on Friday.",
    ]


def test_titles_and_ranks_never_end_a_sentence():
    text = (
        "Lt. Col. Ann Berg met Gen. Ortiz, Dr. Lee, Mr. Hale and Sen. Moss at St. Mary's. They ran."
    )
    assert texts(text) == [text[: text.index(" They")], "They ran."]


def test_month_abbreviations_and_numbered_items_keep_their_numbers():
    assert texts(
        "The law took effect on Jan. 5 and Dec.23 under No. 12 of the code. It stands."
    ) == [
        "The law took effect on Jan. 5 and Dec.23 under No. 12 of the code.",
        "It stands.",
    ]


def test_latin_abbreviations_and_versus_continue_the_sentence():
    text = (
        "Some crops, e.g. Wheat, and i.e. Barley fell; Smith vs. Jones was heard. Then it rained."
    )
    assert texts(text) == [text[: text.index(" Then")], "Then it rained."]


def test_company_suffix_ends_a_sentence_only_before_an_opener():
    assert texts("Shares in Orbis Inc. rose. She works for Orbis Inc. The firm grew.") == [
        "Shares in Orbis Inc. rose.",
        "She works for Orbis Inc.",
        "The firm grew.",
    ]


def test_clock_times_end_a_sentence_only_before_an_opener():
    assert texts("Polls open at 7 a.m. Eastern time. They close at 8 p.m. The count follows.") == [
        "Polls open at 7 a.m. Eastern time.",
        "They close at 8 p.m.",
        "The count follows.",
    ]


def test_initials_in_a_name_do_not_end_a_sentence():
    assert texts("The estate of J. R. R. Tolkien sued. George W. Bush spoke.") == [
        "The estate of J. R. R. Tolkien sued.",
        "George W. Bush spoke.",
    ]


def test_decimals_and_money_do_not_split():
    assert texts("Growth was 6.5 per cent, or $1.2bn, up from 0.4%. It was 3.5m people.") == [
        "Growth was 6.5 per cent, or $1.2bn, up from 0.4%.",
        "It was 3.5m people.",
    ]


def test_quotation_of_several_sentences_stays_one_sentence_until_it_closes():
    text = "\u201cWe lost the bridge. We will take it back,\u201d the commander said. He left."
    assert texts(text) == [text[: text.index(" He left")], "He left."]


def test_closing_quote_after_a_full_stop_ends_the_sentence():
    assert texts('"The talks failed." Negotiators went home.') == [
        '"The talks failed."',
        "Negotiators went home.",
    ]


def test_single_curly_quotes_nest_and_hold_their_sentences():
    text = "He said: \u2018The \u2018ghost\u2019 unit left. It went north.\u2019 Kyiv denied it."
    assert texts(text) == [text[: text.index(" Kyiv")], "Kyiv denied it."]


def test_quotation_left_open_at_a_paragraph_end_does_not_swallow_the_paragraph():
    text = "\u201cWe held the line. Nobody ran.\n\n\u201cThen the drones came,\u201d he said."
    assert texts(text) == [
        "\u201cWe held the line.",
        "Nobody ran.",
        "\u201cThen the drones came,\u201d he said.",
    ]


def test_ellipsis_ends_a_sentence_only_before_a_capital():
    assert texts("It was a war\u2026 to protect us. And then... Nothing. Wait... what?") == [
        "It was a war\u2026 to protect us.",
        "And then...",
        "Nothing.",
        "Wait... what?",
    ]


def test_question_mark_inside_a_quote_followed_by_attribution_continues():
    assert texts("\u201cWho can dig better?\u201d he asked. Nobody replied.") == [
        "\u201cWho can dig better?\u201d he asked.",
        "Nobody replied.",
    ]


def test_dashes_do_not_split():
    text = "The pipe \u2013 almost two miles long \u2014 was cleared. It took months."
    assert texts(text) == [text[: text.index(" It took")], "It took months."]


def test_paragraph_break_always_ends_a_sentence():
    assert texts("The first paragraph has no stop\n\nThe second one does.") == [
        "The first paragraph has no stop",
        "The second one does.",
    ]


def test_heading_lines_are_their_own_sentences():
    text = (
        "Markets Rally\nStocks rose on Monday. Bonds fell.\n### Outlook\nMore gains are expected."
    )
    assert texts(text) == [
        "Markets Rally",
        "Stocks rose on Monday.",
        "Bonds fell.",
        "### Outlook",
        "More gains are expected.",
    ]


def test_hard_wrapped_paragraph_is_joined_across_line_breaks():
    text = (
        "The regional council voted on Tuesday to extend the curfew for another\n"
        "month, citing a rise in burglaries across the northern districts. Police\n"
        "Chief Maria Lopez welcomed the decision and promised more patrols in the\n"
        "evenings."
    )
    result = texts(text)
    assert len(result) == 2
    assert result[1].startswith("Police\nChief Maria Lopez") and result[1].endswith("evenings.")


def test_line_starting_in_lower_case_continues_the_previous_line():
    assert texts("The mayor said the plan\nwould cost more. Critics agreed.") == [
        "The mayor said the plan\nwould cost more.",
        "Critics agreed.",
    ]


def test_a_line_that_ends_on_a_comma_continues_on_the_next():
    assert texts("Bills will be £1,210 from May to July,\n£1,340 from August to October and "
                 "£1,280 after that. Suppliers agreed.") == [
        "Bills will be £1,210 from May to July,\n£1,340 from August to October and £1,280 "
        "after that.", "Suppliers agreed."]


def test_bulleted_list_items_are_separate_sentences():
    text = (
        "Key points:\n- Rates held at 4.5 per cent\n- Inflation eased to 2.1 per cent\n- Jobs grew"
    )
    assert len(texts(text)) == 4


def test_offsets_point_at_trimmed_text():
    text = "  \n First one.   Second one.  \n\n  Third.  "
    sentences = split_sentences(text)
    assert sentences == [
        Sentence(4, 14, "First one."),
        Sentence(17, 28, "Second one."),
        Sentence(34, 40, "Third."),
    ]


def test_paragraphs_are_blank_line_separated_and_trimmed():
    text = "One.\nStill one.\n \n\n  Two.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.\nStill one.", "Two."]


def test_empty_and_blank_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []


ALPHABET = st.sampled_from(
    list("abcXYZ .?!\n\"'()\u201c\u201d\u2018\u2019\u2026-\u2014 0123") + ["U.S.", "Mr.", " e.g. "]
)


@settings(deadline=None, max_examples=300)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_split_sentences_is_ordered_non_overlapping_and_exact(text):
    sentences = split_sentences(text)
    last_end = 0
    for s in sentences:
        assert last_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()
        last_end = s.end


@settings(deadline=None)
@given(st.text(max_size=300))
def test_split_sentences_covers_every_non_space_character(text):
    sentences = split_sentences(text)
    covered = sum(len("".join(s.text.split())) for s in sentences)
    assert covered == len("".join(text.split()))


def test_decade_apostrophe_does_not_open_a_quotation():
    assert texts("Prices fell in the '90s. They rose later. The students' union agreed.") == [
        "Prices fell in the '90s.",
        "They rose later.",
        "The students' union agreed.",
    ]


def test_closing_bracket_after_a_full_stop_ends_the_sentence():
    assert texts("(The ministry declined to comment.) Talks continue.") == [
        "(The ministry declined to comment.)",
        "Talks continue.",
    ]


def test_sentence_may_start_with_a_year_or_a_currency_sign():
    assert texts("Sales fell on Friday. 2024 was worse. $5bn was lost.") == [
        "Sales fell on Friday.",
        "2024 was worse.",
        "$5bn was lost.",
    ]


def test_a_line_ending_on_a_preposition_or_article_runs_on_whatever_starts_the_next():
    text = ("The growth rate was lower than the average of\n2.7 percent a year, and above the\n"
            "U.N. target for the decade.\nA new line starts here.")
    found = [s.text for s in split_sentences(text)]
    assert found[0].startswith("The growth rate") and found[0].endswith("decade.")
    assert found[1] == "A new line starts here."


def test_a_list_mark_opening_a_line_is_no_part_of_its_sentence():
    text = ("Closures\n\n· In 102 of the 188 councils, 2,086 schools will close.\n"
            "• Only one reported no closures.")
    assert texts(text)[1:] == ["In 102 of the 188 councils, 2,086 schools will close.",
                               "Only one reported no closures."]
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_a_clock_time_ends_a_sentence_before_a_number_word():
    text = "The ferry sank around 6.05 a.m. Four crew members were rescued, the port said."
    assert texts(text) == ["The ferry sank around 6.05 a.m.",
                           "Four crew members were rescued, the port said."]
    assert texts("It left at 7 a.m. Monday and docked at noon.") == [
        "It left at 7 a.m. Monday and docked at noon."]
