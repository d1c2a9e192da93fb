"""Reading panes, article naming and explanation clean-up: plain functions, no app."""

from __future__ import annotations

import re

from quizapp.passages import without_cited_quotes
from quizapp.reading_pane import name_article, render_pane

TEXT = (
    "Flooding displaced 12,000 people, the Red Cross said. About 300 mm of rain fell.\n\n"
    "Officials said <b>damage</b> could reach $2 billion."
)


def test_a_pane_holds_every_sentence_once_and_marks_none():
    pane = render_pane(7, TEXT)
    assert pane.values == (
        "Flooding displaced 12,000 people, the Red Cross said.",
        "About 300 mm of rain fell.",
        "Officials said <b>damage</b> could reach $2 billion.",
    )
    assert str(pane.plain).count("<p>") == 2 and "&lt;b&gt;" in pane.plain
    picker = str(pane.picker(focus=False))
    assert picker.count('type="radio"') == 3 and "checked" not in picker and "<b>" not in picker
    assert "<mark" not in picker and "data-" not in picker
    assert re.findall(r'id="(s7-\d)"', picker) == ["s7-0", "s7-1", "s7-2"]


def test_the_picker_checks_and_focuses_only_the_chosen_sentence():
    pane = render_pane(1, TEXT)
    picker = str(pane.picker("About 300 mm of rain fell."))
    assert picker.count(" checked autofocus>") == 1
    assert 'value="About 300 mm of rain fell." checked autofocus>' in picker
    first = str(pane.picker())
    assert first.count("autofocus") == 1 and "checked" not in first
    assert str(pane.picker("not a sentence", focus=False)) == ">".join(pane.picker_parts)


def test_prompts_name_the_article_outside_quotations_only():
    title = "Floods displace thousands"
    assert name_article("Who does the article cite?", title) == (
        "Who does the article “Floods displace thousands” cite?"
    )
    quoted = 'Which figure completes this statement: "the article says ___."?'
    assert name_article(quoted, title) == quoted
    named = 'Is this supported by the article "Other title"?'
    assert name_article(named, title) == named
    assert name_article("The article says so.", None) == "The article says so."


def test_explanations_do_not_quote_the_highlighted_passage_again():
    cited = ["About 300 mm of rain fell."]
    assert without_cited_quotes('The article says: "About 300 mm of rain fell."', cited) == ""
    named = 'The article attributes this to the weather service: "About 300 mm of rain fell."'
    assert without_cited_quotes(named, cited) == (
        "The article attributes this to the weather service (highlighted below)."
    )
    other = 'Another report, "Rain in the north today", gives no figure.'
    assert without_cited_quotes(other, cited) == other
    assert without_cited_quotes("No quotation here.", []) == "No quotation here."


def test_each_removed_quotation_keeps_the_full_stop_that_ended_its_sentence():
    cited = ["About 300 mm of rain fell.", "Police said 12 people were hurt."]
    why = (
        '"Storm" cites the weather service: "About 300 mm of rain fell." '
        '"Floods" cites the police: "Police said 12 people were hurt." They count different things.'
    )
    assert without_cited_quotes(why, cited) == (
        '"Storm" cites the weather service (highlighted below). "Floods" cites the police '
        "(highlighted below). They count different things."
    )


def test_a_few_words_quoted_from_the_passage_stay_in_the_explanation():
    passage = "Perhaps it was suggested by the North Koreans themselves."
    why = f'It relies on vague attribution ("it was suggested"): "{passage}"'
    assert without_cited_quotes(why, [passage]) == (
        'It relies on vague attribution ("it was suggested") (highlighted below).'
    )
