"""The deals stage's small parts: system names, near-duplicate signatures, who says it."""

from __future__ import annotations

import pytest

from deals.attribution import announces_new_deal, said_by
from deals.designation import designation, same_system
from deals.neardup import is_near_duplicate, reworded, signature
from tests.deals_articles import PATROL_BOATS, PATROL_BOATS_REWORDED


@pytest.mark.parametrize(
    ("weapon", "key"),
    [
        ("Su-35 fighter jets", "su35"),
        ("Sukhoi Su-35S", "su35"),
        ("Shahed-136 kamikaze drones", "shahed136"),
        ("KN-23 missiles", "kn23"),
        ("Leopard 2A6 tanks", "leopard2"),
        ("ЗРК С-400", "s400"),  # Cyrillic letters in Latin (deals/data/systems.yaml)
        ("artillery shells", None),
        ("drones", None),
    ],
)
def test_designation_names_the_system(weapon: str, key: str | None) -> None:
    found = designation(weapon)
    assert (found.key if found else None) == key


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        (["Fateh-110"], ["Fath-360"], False),  # two numbered models
        (["Fath 360"], ["Fath-360s"], True),  # spelling
        (["Fateh-360"], ["Fath-360"], True),  # another transliteration (deals/data/systems.yaml)
        (["Geran-2"], ["Shahed-136"], True),  # another designation (deals/data/systems.yaml)
        (["Shahed"], ["Shahed-136"], True),  # the bare name and its model
        (["Shahed-131"], ["Shahed-136"], False),
        (["M1 Abrams"], ["Abrams-Panzer"], True),  # a name in common, generic words left out
        (["Sukhoi Su-30"], ["Sukhoi Su-35"], False),  # only the maker's name in common
        (["Mohajer-6"], ["Shahed-136", "Mohajer-6"], True),  # any of the deal's systems
        (["С-400"], ["S-400 Triumf"], True),  # written in Cyrillic
        (["Су-35"], ["Su-30"], False),
        (["Байрактар"], ["Bayraktar TB2"], True),  # "й" is a "y", not an "и" folded
    ],
)
def test_same_system(one: list[str], other: list[str], same: bool) -> None:
    assert same_system(one, other) is same
    assert same_system(other, one) is same


STORY = (
    "The frigate sailed from the northern port on Tuesday with a cargo that harbour officials described "
    "as spare parts, although satellite images published later in the week suggested crates of rockets "
    "were loaded at night under heavy guard by soldiers in unmarked uniforms."
)


def test_neardup_excerpt_sharing_sentences_is_found_and_one_quoted_sentence_is_not() -> None:
    story = (
        "The minister said the shipment left the port at dawn under naval escort. "
        "Two cargo ships carried the crates across the sea in three days. "
        "Analysts counted forty containers on the deck of the first ship. "
        "The second ship turned off its transponder before it reached the coast. "
        "Officials of the receiving state declined to comment on the cargo. "
        "A spokesman for the navy said the escort was a routine exercise. "
        "Shipping data showed both ships returned empty a week later. "
        "The opposition demanded an inquiry into the secret convoy."
    )
    sentences = story.split(". ")
    excerpt = "Convoy watch. " + ". ".join(sentences[1:3]) + ". Our reporters could not confirm the count."
    quoting = "Markets fell on Monday. " + sentences[0] + ". Oil prices rose as traders watched the region."
    assert is_near_duplicate(signature(story), signature(excerpt))
    assert not is_near_duplicate(signature(story), signature(quoting))


def test_neardup_copy_with_new_headline_and_cut_ending_is_found() -> None:
    copy = "BREAKING | Port watch: " + STORY[: int(len(STORY) * 0.8)]
    assert is_near_duplicate(signature(STORY), signature(copy))


def test_neardup_another_outlets_report_of_the_event_is_not() -> None:
    own = (
        "Satellite pictures show crates, possibly rockets, being loaded at night onto a frigate that left "
        "the northern port on Tuesday; port officials speak of spare parts."
    )
    assert not is_near_duplicate(signature(STORY), signature(own))
    assert signature("") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "speaker"),
    [
        ("Pyongyang denied sending any shells to Moscow.", "en", "Pyongyang"),
        ("According to the Pentagon, Tehran shipped drones to Moscow.", "en", "Pentagon"),
        ("Selon Kiev, Téhéran a livré des drones.", "fr", "Kiev"),
        ("Tehran shipped drones to Moscow.", "en", None),
        ("Tehran shipped drones to Moscow, officials said.", "en", None),
    ],
)
def test_said_by_names_the_speaker(sentence: str, lang: str, speaker: str | None) -> None:
    assert said_by(sentence, lang) == speaker


@pytest.mark.parametrize(
    ("sentence", "lang", "announced"),
    [
        ("Cairo signed a follow-on contract for 30 more jets.", "en", True),
        ("Le Caire a signé un nouveau contrat pour 30 avions.", "fr", True),
        ("Cairo received 30 more jets.", "en", False),
        ("Moscow expects to sign the second contract this year.", "en", True),
        ("Стороны подпишут новый контракт на поставку зенитных систем.", "ru", True),
        ("Стороны обсудили поставки зенитных систем.", "ru", False),
    ],
)
def test_new_deal_announced_by_the_sentence(sentence: str, lang: str, announced: bool) -> None:
    assert announces_new_deal(sentence, lang) is announced


def test_neardup_reworded_copy_is_found_and_a_text_sharing_only_its_words_is_not() -> None:
    original, copy = signature(PATROL_BOATS), signature(PATROL_BOATS_REWORDED)
    assert not is_near_duplicate(original, copy)  # no band, no sentence in common
    assert reworded(original, copy)
    own_report = (
        "The island state's coast guard will patrol the southern fishing grounds with new boats, the "
        "ministry said on Monday. Fishermen have complained for years about foreign trawlers in the waters "
        "off the southern coast. The opposition asked the government to publish the defence pact."
    )
    assert not reworded(original, signature(own_report))
    same_words = " ".join(sorted(PATROL_BOATS.split(), reverse=True))  # every word, no run of five
    assert not reworded(original, signature(same_words))
