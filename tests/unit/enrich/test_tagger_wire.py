"""English rules written from tune-en-wire.jsonl's errors: intentions that govern a transfer from afar,
evaluations, pledges of another act, verbs and nouns that move something else, parties qualifying other
nouns, places, possession. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of intention, doubt or talks governs the transfer however far it stands
        (
            "The government is weighing whether to go ahead with a large arms transfer package to Egypt "
            "that would include fighter jets.",
            set(),
        ),
        ("Moscow turned down Tehran's request of buying the S-400 air defence systems.", set()),
        ("The president announced his consideration of a proposal to sell F-35 jets to Qatar.", set()),
        ("Spain has not received any request from Morocco to send armoured vehicles.", set()),
        # ... but not from a clause that asserts on its own
        (
            "The ministry is weighing the requests of its partners in the region, after Germany delivered "
            "Leopard tanks to Ukraine last week.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Poland, which had been considering a much larger order of Korean equipment since the spring "
            "of last year, received Abrams tanks from the United States.",
            {("US", "PL", "armored_vehicles", "delivered")},
        ),
        # an evaluation of an act is no report of it
        ("Norway believes it is not practical to send its fighter jets to Ukraine.", set()),
        ("It would be a mistake to supply Taurus missiles to Ukraine, the chancellor said.", set()),
        (
            "Berlin said it was ready to send Patriot systems to Ukraine.",
            {("DE", "UA", "air_defense", "agreed")},
        ),
        # a pledge or promise of another act moves nothing
        (
            "Lawmakers protested, despite a pledge by the Dutch premier not to impose an arms embargo "
            "on Israel.",
            set(),
        ),
        ("Canada promised to impose sanctions on Iran over its drones.", set()),
        (
            "Germany pledged to deliver Leopard tanks to Ukraine.",
            {("DE", "UA", "armored_vehicles", "agreed")},
        ),
        ("France made a pledge to send Caesar howitzers to Armenia.", {("FR", "AM", "artillery", "agreed")}),
    ],
)
def test_tagger_intentions_evaluations_and_pledges(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "get" without an object moves nothing
        (
            "The FBI began an investigation to find out how American-made chips got into Russian drones.",
            set(),
        ),
        # a state that qualifies a noun of reaction is neither a side nor a source
        (
            "Ankara rejected Moscow's criticism of Turkey over the sale of drones to Ukraine.",
            {("TR", "UA", "drones", "agreed")},
        ),
        # a party after a possessor takes the preposition before it
        (
            "The rifles were assessed to have been sent from Iran to Yemen's Houthis.",
            {("IR", None, "small_arms", "alleged")},
        ),
        ("Iran shipped missiles to Lebanon's Hezbollah.", {("IR", None, "missiles", "delivered")}),
        # a capital that names a facility is a place, not the state
        (
            "Iran sent rockets to Damascus International Airport and planned to ship them on to Hezbollah.",
            {("IR", None, "ammunition", "delivered")},
        ),
        ("Iran sent rockets to Damascus.", {("IR", "SY", "ammunition", "delivered")}),
    ],
)
def test_tagger_words_that_move_nothing_and_parties_aside(
    tagger: Tagger, text: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, "en") == expected


def test_tagger_get_with_an_object_still_acquires(tagger: Tagger) -> None:
    pairs = {
        (t.supplier, t.recipient)
        for t in tagger.tag("Russia got Shahed drones from Iran.", lang="en").transfers
    }
    assert pairs == {("IR", "RU")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a transfer under review waits on a decision
        ("The sale of F-15 jets to Israel has been under review since January, a source said.", set()),
        # what is received is a request, not the weapon the request names
        (
            "Although France had not received any request from Kyiv to send fighter jets, it kept talking.",
            set(),
        ),
        # a speech delivered tells nothing of the weapons' step
        (
            "Biden announced plans to supply Ukraine with new air defenses in a speech he delivered "
            "in Washington.",
            {("US", "UA", "air_defense", "agreed")},
        ),
        (
            "Germany delivered IRIS-T air defense systems to Ukraine.",
            {("DE", "UA", "air_defense", "delivered")},
        ),
    ],
)
def test_tagger_pending_requests_and_speeches(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected
