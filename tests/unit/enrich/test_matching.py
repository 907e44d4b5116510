"""The parsed sentences leave the entity recogniser out; the matchers run it on a sentence only where a
state's name is also a given name, and it then finds what it finds inside the whole pipeline. Sentences
are invented."""

from __future__ import annotations

import spacy

from enrich.tagger import TRAINED_PIPELINES, Tagger

SENTENCES = [
    "Jordan told reporters that Iran had delivered drones to Russia.",  # a given name
    "Israel and Jordan signed a deal for twelve helicopters.",  # the state
    "Russia sold tanks to Serbia last year, the ministry said.",  # no given name at all
]


def test_matching_runs_the_recogniser_only_for_given_names(tagger: Tagger) -> None:
    language = tagger.language("en")
    assert language.full is not None and language.full_matchers is not None
    assert "ner" not in language.full.pipe_names
    found = {}
    for sentence in SENTENCES:
        doc = language.full(sentence)
        codes = [hit.code for hit in language.full_matchers.state_hits(doc[:])]
        found[sentence] = (codes, doc.has_annotation("ENT_IOB"))
    assert found == {
        SENTENCES[0]: (["IR", "RU"], True),
        SENTENCES[1]: (["IL", "JO"], True),
        SENTENCES[2]: (["RU", "RS"], False),
    }


def test_matching_recogniser_run_later_finds_the_pipelines_entities(tagger: Tagger) -> None:
    language = tagger.language("en")
    assert language.full is not None and language.full_matchers is not None
    whole = spacy.load(TRAINED_PIPELINES["en"])
    for sentence in SENTENCES:
        doc = language.full(sentence)
        assert language.full_matchers.recogniser is not None
        language.full_matchers.recogniser(doc)
        expected = whole(sentence)
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in expected.ents]
