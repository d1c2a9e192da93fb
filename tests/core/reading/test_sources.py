"""Reading articles: clean text and metadata from plain text, Markdown and HTML."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizapp.core.reading.metadata import is_date_line, parse_byline, parse_date
from quizapp.core.reading.sentences import split_sentences
from quizapp.core.reading.sources import SourceError, read_source, read_source_file

RAW = Path(__file__).parents[2] / "data" / "articles_raw"


def raw(name: str) -> bytes:
    """Return the bytes of a raw test article."""
    return (RAW / name).read_bytes()


def test_header_lines_give_the_metadata_and_the_repeated_headline_is_dropped():
    source = read_source(raw("council_budget_headers.txt"), "council_budget_headers.txt")
    assert source.title == "Harbour City council approves record budget after late-night vote"
    assert source.publisher == "The Harbour Gazette"
    assert source.author == "Priya Natarajan"
    assert source.date == "2024-03-14"
    assert source.url == "https://www.harbourgazette.example/news/council-budget"
    assert source.text.startswith("The council voted 9-4")
    assert "Advertisement" not in source.text and "Read more" not in source.text
    assert source.text.endswith("The budget takes effect on April 1.")


def test_front_matter_gives_the_metadata_and_markdown_marks_are_removed():
    source = read_source(raw("telescope_front_matter.md"), "telescope_front_matter.md")
    assert source.title == "New telescope spots water vapour around distant planet"
    assert (source.author, source.date) == ("Marcus Hale, Lin Wei", "2024-06-05")
    assert source.publisher == "Science Desk Weekly"
    text = source.text
    assert text.startswith("Astronomers using the Horizon Observatory say")
    assert "known as HD 4471 b," in text
    assert "results in the Astrophysical Letters on Tuesday" in text
    assert "\n\nWhat comes next\n\n" in text
    assert "\n\nOne year there lasts 33 days." in text
    for mark in ("**", "](", "![", "#", "* ", "---", "tags:"):
        assert mark not in text


def test_top_lines_give_headline_byline_date_and_read_more_publisher():
    source = read_source(raw("rail_strike_inferred.txt"), "rail_strike_inferred.txt")
    assert source.title == "Rail Workers Vote to Strike Over Pay and Safety"
    assert source.author == "Jonathan Okafor"
    assert source.date == "2024-06-04"
    assert source.publisher == "transportdaily.example"
    assert source.text.startswith("Train drivers at three regional operators")
    for furniture in ("Business", "Share this", "Getty", "Leeds", "Photo:", "TRENDING", "Related"):
        assert furniture not in source.text
    assert source.text.endswith("The strike is planned for July 12 and 13.")


def test_hard_wrapped_text_is_unwrapped_into_paragraphs():
    source = read_source(raw("flood_report_wrapped.txt"))
    assert source.title == "FLOOD WARNING ISSUED FOR RIVER VALE FARMS"
    assert (source.author, source.date) == ("Sarah Lindqvist", "2024-06-05")
    paragraphs = source.text.split("\n\n")
    assert len(paragraphs) == 3
    assert "\n" not in "".join(paragraphs)
    assert paragraphs[2] == (
        "The last comparable flood, in Feb. 2020, caused damage estimated at $36m and closed "
        "the main road for three weeks."
    )


def test_html_article_body_and_meta_tags_are_read():
    source = read_source(raw("election_page.html"), "election_page.html")
    assert source.title == "Turnout hits 30-year high in mayoral race"
    assert source.publisher == "Metro Herald"
    assert source.author == "Daniela Ruiz"
    assert source.date == "2024-11-06"
    assert source.url == "https://metroherald.example/politics/turnout"
    assert source.text.split("\n\n") == [
        "Turnout in Tuesday's mayoral election reached 64.2 per cent, the highest in 30 years, "
        "the city's election board said.",
        'Candidate Omar Farid won 51.3 per cent of the vote. "People came out in the rain. '
        'That tells you something," he told supporters.',
        "Counting delays",
        "Results in two districts were delayed by about 3\u00a0hours because of a scanner fault, "
        "officials said.",
        "The board will certify the results on Nov. 15.",
    ]


def test_html_is_recognised_without_an_extension():
    html = "<html><body><article><p>First paragraph here.</p><p>Second.</p></article></body>"
    assert read_source(html).text == "First paragraph here.\n\nSecond."


def test_html_json_ld_gives_the_metadata():
    html = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "Bridge reopens", "datePublished": "2023-09-01", '
        '"author": [{"@type": "Person", "name": "Ana Silva"}], '
        '"publisher": {"name": "Valley News"}}</script></head>'
        "<body><p>The bridge reopened on Friday after two years of repairs.</p></body></html>"
    )
    source = read_source(html, fmt="html")
    assert (source.title, source.author, source.date) == (
        "Bridge reopens",
        "Ana Silva",
        "2023-09-01",
    )
    assert source.publisher == "Valley News"
    assert source.text == "The bridge reopened on Friday after two years of repairs."


def test_captions_repeated_in_a_row_are_dropped_with_both_copies():
    text = (
        "Storm Hits Coast\n\nWaves broke over the harbour wall on Sunday.\n\n"
        "A man walks past a flooded street in Dover\n\n"
        "A man walks past a flooded street in Dover\n\n"
        "Dozens of homes lost power."
    )
    assert read_source(text).text == (
        "Waves broke over the harbour wall on Sunday.\n\nDozens of homes lost power."
    )


def test_captions_repeated_with_different_apostrophes_are_dropped():
    text = "It rained.\n\nThe mayor\u2019s car in Leeds\n\nThe mayor's car in Leeds\n\nIt stopped."
    assert read_source(text).text == "It rained.\n\nIt stopped."


def test_a_sentence_repeated_in_a_row_keeps_one_copy():
    text = "Storm Hits Coast\n\nThe storm passed.\nThe storm passed.\nPower came back."
    assert read_source(text).text == "The storm passed.\n\nPower came back."


def test_curly_quotes_and_dashes_are_kept_as_they_are():
    text = "\u201cWe\u2019re ready,\u201d she said \u2013 twice\u2026 It was 5\u00a0km away."
    assert read_source(text).text == text


def test_whitespace_is_normalised_to_one_blank_line_between_paragraphs():
    text = "  First   paragraph\there.  \r\n\r\n\r\n\n  Second one.   \n\n\n"
    assert read_source(text).text == "First paragraph here.\n\nSecond one."


def test_first_sentence_stands_in_for_a_missing_headline():
    text = "Officials said the dam held after record rain on Monday. Residents returned."
    source = read_source(text, "0a1b2c3d4e5f6a7b.txt")
    assert source.title == "Officials said the dam held after record rain on Monday."
    assert source.text == text
    assert source.id == "officials-said-the-dam-held-after"


def test_a_worded_filename_stands_in_for_a_missing_headline():
    source = read_source("The dam held. Residents returned.", "dam-holds-after-rain.txt")
    assert source.title == "Dam holds after rain"


def test_subheadings_inside_the_body_stay_as_their_own_paragraphs():
    text = "Main Headline Of The Day\n\nFirst para here.\n\n### **What next**\n\nTalks resume."
    source = read_source(text, fmt="markdown")
    assert source.title == "Main Headline Of The Day"
    assert source.text == "First para here.\n\nWhat next\n\nTalks resume."


def test_evidence_offsets_index_the_clean_text_deterministically():
    data = raw("rail_strike_inferred.txt")
    first, second = read_source(data), read_source(data)
    assert first == second
    for sentence in split_sentences(first.text):
        assert first.text[sentence.start : sentence.end] == sentence.text


def test_bytes_in_windows_1252_and_utf8_with_bom_are_decoded():
    assert read_source("Caf\u00e9 prices rose.".encode("cp1252")).text == "Caf\u00e9 prices rose."
    assert read_source("\ufeffPrices rose.".encode()).text == "Prices rose."


@pytest.mark.parametrize(
    "data",
    ["", "   \n\n ", b"", "Advertisement\n\nShare this article", "<html><body></body></html>"],
)
def test_empty_article_raises_source_error(data):
    with pytest.raises(SourceError, match="empty article"):
        read_source(data)


@pytest.mark.parametrize(
    "data", [b"\x00\x01\x02binary\x00junk" * 10, b"%PDF-1.7\n%\xe2\xe3", bytes(range(256)) * 4]
)
def test_binary_input_raises_source_error(data):
    with pytest.raises(SourceError, match="not a text article"):
        read_source(data)


def test_huge_input_raises_source_error():
    with pytest.raises(SourceError, match="too large"):
        read_source("Word. " * 400_000)


def test_unknown_format_raises_source_error():
    with pytest.raises(SourceError, match="unknown article format"):
        read_source("Text.", fmt="pdf")


def test_deeply_nested_html_is_read_without_crashing():
    html = "<div>" * 5000 + "<p>Deep text here.</p>" + "</div>" * 5000
    assert read_source(html, fmt="html").text == "Deep text here."


def test_a_malformed_url_gives_no_publisher_rather_than_an_error():
    source = read_source("URL: http://[::1\n\nThe text.")
    assert (source.url, source.publisher) == ("http://[::1", None)


def test_read_source_file_reads_a_path_and_reports_a_missing_one(tmp_path):
    assert read_source_file(RAW / "election_page.html").publisher == "Metro Herald"
    with pytest.raises(SourceError, match="cannot read"):
        read_source_file(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Dec.23 - 2024 7:49 AM CET", "2024-12-23"),
        ("Today : Feb 02, 2025", "2025-02-02"),
        ("02 February 2025", "2025-02-02"),
        ("June 5, 2024", "2024-06-05"),
        ("Updated: Wed 5th of June 2024, 10:32 BST", "2024-06-05"),
        ("2024-06-05T10:00:00Z", "2024-06-05"),
    ],
)
def test_date_lines_are_recognised_and_normalised(line, iso):
    assert is_date_line(line)
    assert parse_date(line) == iso


def test_dates_inside_prose_are_not_date_lines():
    assert not is_date_line("The treaty was signed on June 5, 2024 in Geneva.")
    assert parse_date("Feb 30, 2024") is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Written by Camilla Jessen", "Camilla Jessen"),
        ("By Jane Doe | June 5, 2024", "Jane Doe"),
        ("By Jane Doe and John Roe in Kyiv", "Jane Doe and John Roe"),
        ("By Tuesday, Russia had retreated", None),
        ("By contrast, prices fell", None),
    ],
)
def test_bylines_name_the_author_and_prose_starting_with_by_does_not(line, author):
    assert parse_byline(line) == author


@settings(deadline=None, max_examples=200)
@given(
    st.one_of(st.text(max_size=400), st.binary(max_size=400)),
    st.sampled_from([None, "text", "markdown", "html"]),
)
def test_read_source_raises_nothing_but_source_error(data, fmt):
    try:
        source = read_source(data, fmt=fmt)
    except SourceError:
        return
    assert source.text and source.text == source.text.strip()
    assert "\n\n\n" not in source.text


TAGS = st.sampled_from(
    ["<p>", "</p>", "<div class='share'>", "</div>", "<h1>", "</h1>", "<br>", "<!--", "-->",
     "<script>", "</script>", "<meta name='author' content='X'>", "&nbsp;", "&amp;", "<"]
)  # fmt: skip


@settings(deadline=None, max_examples=200)
@given(st.lists(st.one_of(TAGS, st.text(max_size=20)), max_size=30).map("".join))
def test_read_source_on_tag_soup_raises_nothing_but_source_error(html):
    try:
        read_source(html, fmt="html")
    except SourceError:
        pass


def test_section_labels_and_date_lines_around_the_headline_are_dropped():
    text = (
        "Today : Mar 14, 2023\nLocal News\n14 March 2023\n\n"
        "Library Reopens After Two-Year Renovation\n\n"
        "The central library reopened on Tuesday with a new children's wing."
    )
    source = read_source(text)
    assert source.title == "Library Reopens After Two-Year Renovation"
    assert source.date == "2023-03-14"
    assert source.text == "The central library reopened on Tuesday with a new children's wing."


def test_credits_and_read_more_lines_are_dropped_anywhere():
    text = (
        "Port Strike Ends\n\nDock workers returned on Monday.\n\nImage: Harbour Authority\n\n"
        "READ MORE: Why the port matters\n\nShare this article\n\n"
        "Cargo moved again by noon. (Photo: Lee Park)\n\nSee also: Port history"
    )
    assert (
        read_source(text).text == "Dock workers returned on Monday.\n\nCargo moved again by noon."
    )


def test_markdown_emphasis_links_and_escapes_are_unwrapped():
    text = (
        "A __bold__ claim, an _aside_, a [link][1] and a \\*starred\\* word.\n\n"
        "[1]: https://example.org\n\n<!-- editor note -->Final line here."
    )
    assert read_source(text, fmt="markdown").text == (
        "A bold claim, an aside, a link and a *starred* word.\n\nFinal line here."
    )


def test_snake_case_and_arithmetic_asterisks_are_left_alone():
    text = "The file_name_here field and 5 * 3 stay."
    assert read_source(text).text == text


def test_html_menus_scripts_and_share_boxes_are_not_article_text():
    html = (
        "<html><body><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul>"
        "<h1>Ferry Service Restored</h1><div id='share-tools'>Share</div>"
        "<p>The ferry resumed sailing on Sunday after storm repairs.</p>"
        "<p><a href='/next'>Next story: fares rise</a></p>"
        "<script>var a = 1;</script><p>Tickets cost \u00a312.</p></body></html>"
    )
    source = read_source(html)
    assert source.title == "Ferry Service Restored"
    assert source.text == (
        "The ferry resumed sailing on Sunday after storm repairs.\n\nTickets cost \u00a312."
    )


def test_title_tag_stands_in_without_its_site_suffix():
    html = (
        "<html><head><title>Ferry service restored after storm | Island Post</title></head>"
        "<body><p>The ferry resumed sailing on Sunday.</p></body></html>"
    )
    assert read_source(html).title == "Ferry service restored after storm"


def test_a_single_line_article_is_not_mistaken_for_its_headline():
    assert read_source("Power was restored overnight").text == "Power was restored overnight"


LINES = st.sampled_from(
    ["Title: A", "Date: June 5, 2024", "By Jo Lee", "News", "Photo: X", "Advertisement",
     "---", "# Head", "**Bold**", "Read More @ x.example", "Plain sentence here.", "", "",
     "Same caption", "Same caption", "http://x.example/a", "Today : Feb 02, 2025", "tags: [a]",
     "URL: http://[::1", "Date: soon", "<p>Tag</p>", "***", "> quoted", "[x](y)"]
)  # fmt: skip


@settings(deadline=None, max_examples=200)
@given(st.lists(st.one_of(LINES, st.text(max_size=15)), max_size=25).map("\n".join))
def test_read_source_on_article_like_lines_raises_nothing_but_source_error(text):
    try:
        source = read_source(text)
    except SourceError:
        return
    assert source.text == source.text.strip() and "\n\n\n" not in source.text
    assert source.date is None or len(source.date) == 10


def test_html_without_article_tags_reads_the_densest_block_of_paragraphs():
    story = "".join(
        f"<div class='b'><p>Paragraph {n} of the story, long enough to count as prose.</p></div>"
        for n in range(1, 4)
    )
    html = (
        "<html><head><meta property='og:title' content='Quiet Story'></head><body>"
        "<div class='top'><p>Sign in</p><p>Cookie settings</p></div>"
        f"<div class='content'>{story}</div>"
        "<div class='foot'><p>Contact us about the terms of this website today.</p></div>"
        "</body></html>"
    )
    source = read_source(html)
    assert source.title == "Quiet Story"
    assert source.text.split("\n\n") == [
        f"Paragraph {n} of the story, long enough to count as prose." for n in range(1, 4)
    ]


def test_trafilatura_body_is_kept_without_link_furniture_and_with_the_page_characters():
    from quizapp.core.reading.webpage import choose_body

    own = "The ferry resumed on Sunday.\n\nTickets cost \u00a312 each way on the new route."
    theirs = ("The ferry resumed on Sunday.\n\nNext story: fares rise\n\n"
              "Tickets cost \u00a312 each way on the new route.\n\n"
              "A third paragraph only trafilatura found, long enough to be article prose.")
    body = choose_body(theirs, own, frozenset({"Next story: fares rise"}))
    assert body.split("\n\n") == [
        "The ferry resumed on Sunday.", "Tickets cost \u00a312 each way on the new route.",
        "A third paragraph only trafilatura found, long enough to be article prose."]


def test_own_extractor_is_used_when_trafilatura_finds_nothing_or_much_less():
    from quizapp.core.reading.webpage import choose_body

    own = " ".join(["word"] * 100)
    assert choose_body("", own) == own
    assert choose_body("Only a lead of five words.", own) == own


def test_a_wrapped_block_of_short_paragraphs_and_a_byline_is_unwrapped():
    wrapped = ("By Ann Reyes\nPORTVILLE (Wire) - Mayor Jo Lee has a five point lead over her\n"
               "rival in the race for city hall, according to a poll released on\nFriday.\n"
               "Among likely voters, 42 percent supported Lee, 38 percent supported\n"
               "Tom Dale and 7 percent supported Ana Ruiz of the Green Party, the\n"
               "pollster said on Friday in a statement to reporters.\n")
    source = read_source(wrapped, "poll.txt")
    assert "38 percent supported Tom Dale and 7 percent" in source.text


def test_a_short_line_with_a_stop_ends_a_paragraph_of_a_wrapped_block():
    wrapped = ("The report by the Harbour Carbon Project was published on Tuesday and covers\n"
               "the emissions of every country in the region over the past ten years.\n"
               "Its estimate is a record.\n"
               "The study came out while ministers from some 150 states gathered in\n"
               "Portville, charged with pushing ahead talks on a fresh deal to limit output of\n"
               "carbon by 2030 at the latest, the conference hosts said.\n")
    text = read_source(wrapped, "report.txt").text
    assert "a record.\n\nThe study came out while ministers" in text


def test_quote_marks_escaped_by_the_page_lose_their_backslash():
    source = read_source(b"Title: T\n\nWith Acme\\'s rare miss, \\\"We are pleased,\\\" he said.\n",
                         "a.txt")
    assert "With Acme's rare miss, \"We are pleased,\" he said." in source.text
