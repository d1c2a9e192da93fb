"""Attribution chains in made-up sentences: who said it and the outlet that reports it
("quoted by", "seen by", "in an interview with", "according to a report in")."""

from quizapp.core.banks.model import Source
from quizapp.core.claims.extract import extract_claims
from quizapp.core.questions import check_integrity, generate_questions

TEXT = (
    "News\n\n"
    "Defence chief Alan Reyes said in an interview with CNN that the mission would last six "
    "months.\n\n"
    "A draft report, seen by Newswire, said costs could reach $3 billion.\n\n"
    "Finance minister Mira Holt, quoted by the Tribune, said taxes would rise by 2%.\n\n"
    "According to a report in The Times, the deal is worth £40 million.\n"
)


def claim_of(words: str):
    """Return the claim whose sentence holds `words`."""
    return next(c for c in extract_claims(TEXT) if words in c.text)


def outlets(words: str) -> list[str]:
    """Return the outlets a claim's sentence names beside its speaker."""
    return [o.speaker.name for o in claim_of(words).others if o.frame == "medium"]


def test_an_interview_names_the_outlet():
    assert claim_of("interview").attribution.speaker.name == "Alan Reyes"
    assert outlets("interview") == ["CNN"]


def test_a_document_seen_by_an_agency_is_the_source_and_the_agency_reports_it():
    assert claim_of("draft report").attribution.speaker.name == "draft report"
    assert outlets("draft report") == ["Newswire"]


def test_quoted_by_keeps_the_speaker_and_adds_the_paper():
    assert claim_of("Mira Holt").attribution.speaker.name == "Mira Holt"
    assert outlets("Mira Holt") == ["Tribune"]


def test_a_report_in_a_paper_is_the_papers():
    a = claim_of("The Times").attribution
    assert a.strength == "named" and a.speaker.name == "Times"


def test_chain_questions_ask_how_the_outlet_got_the_words():
    source = Source(id="c", title="News", date="2025-04-02", text=TEXT)
    found = generate_questions([source])
    assert [(q.id, p) for q in found for p in check_integrity(q, [source])] == []
    prompts = {q.answer: q.prompt for q in found if q.type == "source"}
    assert "quoted Mira Holt" in prompts.get("the Tribune", "")
    assert "reported" in prompts.get("Newswire", "")


def test_a_quote_told_to_someone_according_to_a_news_agency_is_relayed_by_the_agency():
    from quizapp.core.claims.extract import extract_claims
    text = ('"Our chances of finding more survivors are fading fast," Olek Marsh told the '
            "minister, according to news agency Interfax.\n")
    claim = extract_claims(text)[0]
    assert claim.attribution.speaker.name == "Olek Marsh"
    assert [(o.speaker.name, o.frame) for o in claim.others] == [("Interfax", "medium")] or [
        o.frame for o in claim.others] == ["medium"]
