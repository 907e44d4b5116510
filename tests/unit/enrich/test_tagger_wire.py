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
