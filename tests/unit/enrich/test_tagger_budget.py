"""Every article's work is bounded: a text beyond the character budget, a sentence beyond its length cap
or an article out of time is tagged on its first part and flagged ``truncated``. Texts are invented."""

from __future__ import annotations

from enrich.tagger import MAX_CHARS, MAX_SECONDS, MAX_SENTENCE_CHARS, Tagger

REPORT = "Germany delivered Leopard 2 tanks to Ukraine last month."
FILLER = "The weather in the capital stayed mild for the whole week. "


def bounded(tagger: Tagger, max_chars: int = MAX_CHARS, max_seconds: float = MAX_SECONDS) -> Tagger:
    """A tagger with other budgets that shares the session tagger's loaded pipelines."""
    return Tagger(max_chars=max_chars, max_seconds=max_seconds, languages=tagger.languages)


def test_tagger_budget_normal_article_is_whole(tagger: Tagger) -> None:
    result = tagger.tag(f"{REPORT} {FILLER}")
    assert not result.truncated
    assert [(t.supplier, t.recipient) for t in result.transfers] == [("DE", "UA")]


def test_tagger_budget_text_over_spacy_max_length_is_tagged_on_its_first_part(tagger: Tagger) -> None:
    text = REPORT + " " + FILLER * (1_100_000 // len(FILLER)) + "Iran sold Shahed drones to Russia."
    assert len(text) > 1_000_000 > MAX_CHARS  # spaCy alone refuses it (E088)
    result = tagger.tag(text, lang="en")
    assert result.truncated
    assert {(t.supplier, t.recipient) for t in result.transfers} == {("DE", "UA")}
    assert result.transfers[0].start == 0


def test_tagger_budget_cuts_at_a_sentence_end(tagger: Tagger) -> None:
    text = FILLER * 3 + REPORT + " " + FILLER * 3
    cut_inside_report = len(FILLER * 3) + len(REPORT) // 2
    result = bounded(tagger, max_chars=cut_inside_report).tag(text, lang="en")
    assert result.truncated
    assert not result.transfers  # the half sentence is dropped, not misread
    assert result.lemmas.endswith("week")


def test_tagger_budget_caps_an_endless_sentence(tagger: Tagger) -> None:
    text = REPORT.rstrip(".") + " and " + "then some more words without any stop " * 60
    assert len(text) > MAX_SENTENCE_CHARS
    result = tagger.tag(text, lang="en")
    assert result.truncated
    assert {(t.supplier, t.recipient) for t in result.transfers} == {("DE", "UA")}


def test_tagger_budget_out_of_time_returns_what_was_read(tagger: Tagger) -> None:
    result = bounded(tagger, max_seconds=0.0).tag(f"{REPORT} {REPORT} {REPORT}", lang="en")
    assert result.truncated
    assert [state.code for state in result.states] == ["DE", "UA"]  # the cheap pass is always whole


def test_tagger_budget_leaves_other_articles_of_a_batch_whole(tagger: Tagger) -> None:
    results = bounded(tagger, max_chars=2_000).tag_many(
        [(REPORT, "", "en"), (FILLER * 100, "", "en"), ("Iran sold Shahed drones to Russia.", "", "en")]
    )
    assert [result.truncated for result in results] == [False, True, False]
    assert [len(result.transfers) for result in results] == [1, 0, 1]
