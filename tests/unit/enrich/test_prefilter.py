"""The tagger's first pass takes the lemmas from the raw text's pieces and leaves the tokens' own lemmas for
the articles it parses, and only sentences with a word that may be a transfer predicate are parsed: nothing
found may differ from running the whole pipeline over the text and parsing every sentence, so the
tagger's results must be the same with the prefilter and without. Sentences are invented."""

from __future__ import annotations

import dataclasses

import pytest

from enrich import roles
from enrich.prefilter import Article
from enrich.tagger import Tagger

TEXTS = [
    # inflected forms, possessives, contractions, abbreviations with dots, dashes
    "Russia's T-90s rolled in. Don't ask—the U.S. didn't deliver; deliveries of Leopards continue.",
    "Delivering drones, Iran's Shahed-136 drones were delivered to Russia's army in 2023 (reportedly).",
    # compounds and hyphenation
    "Anti-tank missiles, air-defence systems and self-propelled howitzers reached Kyiv on 3 May.",
    # capitalisation: headlines, datelines, lower-cased names
    "FRANCE SELLS RAFALE JETS TO INDIA\n\nPARIS, May 2 — france sells jets; Paris confirms it.",
    # French apostrophes, straight and curly, and elided articles
    "L'Ukraine a reçu des chars Leopard d'Allemagne aujourd'hui. L’Élysée confirme qu’il livrera des obus.",
    # non-Latin scripts inside Latin text
    "Россия поставила танки Т-90. 中国出售无人机。 إيران ترسل طائرات مسيرة. Then Moscow denied it.",
    # URLs, e-mail addresses, emoticons, numbers with units and separators
    "See https://example.org/a.b?c=d :) or write to info@example.com. 12,000 rounds of 155mm shells.",
    # whitespace: leading and trailing, tabs, no-break spaces, runs, lines without a final stop
    "  \t Leading space.\xa0No-break  space\n\nA title without a stop\nThen a line. \n ",
    # sentence marks glued to the next word, ellipses, quotes and brackets
    "It ended.Next came 'Javelin' missiles...and \"Stinger\" ones!(Really?) Yes: [HIMARS].",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("lang", ["en", "fr", "xx"])
def test_first_pass_from_pieces_is_the_whole_pipelines(tagger: Tagger, text: str, lang: str) -> None:
    first_pass = tagger.language(lang).first_pass
    assert first_pass.by_piece
    read, whole = first_pass.read(text), first_pass.whole(text)
    assert _seen(read, sentences=bool(read.sentences)) == _seen(whole, sentences=bool(read.sentences))
    read.lemmatise()
    assert [(t.text, t.lemma_) for t in read.doc] == [(t.text, t.lemma_) for t in whole.doc]


def test_first_pass_of_a_tokenizer_that_reads_the_whole_text_runs_the_whole_pipeline(tagger: Tagger) -> None:
    first_pass = tagger.language("zh").first_pass
    assert not first_pass.by_piece
    text = "中国向巴基斯坦出售无人机。"
    assert _seen(first_pass.read(text)) == _seen(first_pass.whole(text))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # inflected and irregular forms, capitals, hyphens, possessives
        ("France SELLS Rafale jets to India.", "en"),
        ("Iran has been supplying drones to Russia's army.", "en"),
        ("Seoul bought K9 howitzers and re-sold them to Warsaw.", "en"),
        ("The deliveries of Patriot batteries to Kyiv resumed.", "en"),
        ("Berlin got the Leopard tanks from Madrid.", "en"),
        ("Norway's transfer of NASAMS to Ukraine was approved.", "en"),
        ("Poland is to receive Abrams tanks — США поставят их в 2025 году.", "en"),
        # French: apostrophes straight and curly, elisions, present tenses read as infinitives
        ("La Turquie livre des drones au Maroc.", "fr"),
        ("La Russie livrent des S-400 qu’elle a vendus à l’Algérie.", "fr"),
        ("Paris a livré des canons Caesar à l'Ukraine, selon l’Élysée.", "fr"),
        ("La vente de sous-marins au Brésil est signée.", "fr"),
        ("L'Iran expédie des drones — 伊朗 — vers la Russie.", "fr"),
    ],
)
def test_a_sentence_with_a_transfer_predicate_is_parsed(tagger: Tagger, text: str, lang: str) -> None:
    assert _predicates(tagger, text, lang)
    words = tagger.language(lang).transfer_words
    assert words is not None and words.in_sentence(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russian drones struck Kyiv overnight, Ukraine said.", "en"),
        ("Des drones iraniens ont frappé Kiev dans la nuit.", "fr"),
    ],
)
def test_a_sentence_without_a_word_for_a_transfer_is_not_parsed(tagger: Tagger, text: str, lang: str) -> None:
    assert not _predicates(tagger, text, lang)
    words = tagger.language(lang).transfer_words
    assert words is not None and not words.in_sentence(text)


MIX = [
    ("Germany delivered Leopard 2 tanks to Ukraine. Berlin had approved the sale in January.", "", "en"),
    ("The cabinet met in Paris. Chad Smith and Jordan Peterson spoke in Georgia, Atlanta.", "", "en"),
    ("Elections are due in spring.", "Budget talks", "en"),
    (
        "La France a livré des canons Caesar à l'Ukraine. Cette commande englobe aussi des obus. "
        "Le ministère l'a confirmé.",
        "Défense",
        "fr",
    ),
    ("Le gouvernement a présenté son budget. Les députés voteront mardi.", "", "fr"),
    ("Russland hat Panzer an Serbien geliefert.", "", "de"),
    ("Russian drones struck Kyiv overnight. Moscow sold the drones to no one.", "", "en"),
    (
        "Poland sent T-72 tanks to Ukraine. Moscow denies this. It also sent drones to Kyiv. The "
        "weather was mild.",
        "Transfers",
        "en",
    ),
]


def test_the_tagger_finds_the_same_with_and_without_the_prefilter(tagger: Tagger) -> None:
    everything = Tagger(prefilter=False, languages=tagger.languages)
    with_prefilter = [dataclasses.asdict(result) for result in tagger.tag_many(MIX)]
    assert with_prefilter == [dataclasses.asdict(result) for result in everything.tag_many(MIX)]
    assert any(result["transfers"] for result in with_prefilter)
    assert all(result["lemmas"] for result in with_prefilter)


def _predicates(tagger: Tagger, text: str, lang: str) -> list[roles.Predicate]:
    language = tagger.language(lang)
    matchers = language.full_matchers
    assert language.full is not None and matchers is not None
    sentence = language.full(text)[:]
    named = [*matchers.weapon_hits(sentence), *matchers.state_hits(sentence)]
    taken = {i for hit in named for i in range(hit.start, hit.end)}
    return roles.find_predicates(sentence, language.lexicon.cues, matchers.phrase_hits(sentence), taken)


@pytest.mark.parametrize(
    "text",
    [
        "The cabinet met in Paris on Monday. Elections are due in spring.",
        "Ministers from Georgia and Washington met. Atlanta hosted them.",
    ],
)
def test_an_article_that_names_no_weapon_is_not_split_into_sentences(tagger: Tagger, text: str) -> None:
    first_pass = tagger.language("en").first_pass
    read, whole = first_pass.read(text), first_pass.whole(text)
    assert _seen(read, sentences=False) == _seen(whole, sentences=False)
    # a state name that may be a US state is told apart by its sentence, so that one is split
    assert bool(read.sentences) == ("Georgia" in text)
    assert whole.sentences


def _seen(article: Article, sentences: bool = True) -> tuple[object, ...]:
    return (
        [sentence.text for sentence in article.sentences] if sentences else None,
        article.starts if sentences else None,
        [(hit.code, hit.kind, hit.text) for hit in article.state_hits],
        article.hit_starts,
        article.lemmas,
    )
