"""The grammar data files: known keys only, lower-case words, every preposition giving a known position."""

from __future__ import annotations

from importlib import resources
from typing import get_args

import yaml

from enrich import roles

KEYS = {
    "prepositions",
    "other_prepositions",
    "not_a_direction",
    "compound_prepositions",
    "references",
    "pair_references",
    "subject_pronouns",
    "benefactive",
    "articles",
    "skippable",
    "coordination",
    "actor_nouns",
    "nominal_markers",
    "defiance",
    "reporting_verbs",
    "speaker_pronouns",
    "denial_pointers",
    "claim_pointers",
    "epistemic_modals",
    "preventive_prepositions",
    "dissuading_verbs",
    "dissuasion_links",
    "evidence_verbs",
    "conditional_auxiliaries",
    "claim_nouns",
    "not_cargo_nouns",
    "negative_phrases",
    "continuation_phrases",
    "conditional_marks",
    "financing_verbs",
    "collective_origins",
    "future_markers",
    "negations",
    "reflexive_clitics",
    "making_words",
    "accusing_verbs",
    "attribution_markers",
    "not_a_source",
    "continuation",
    "support",
    "source_nouns",
    "official_qualifiers",
    "relaying_words",
    "free_relatives",
    "addressee_prepositions",
    "weapon_clitics",
    "clitic_hosts",
    "weapon_anaphors",
    "demonstratives",
    "halting_verbs",
    "ruling_out_verbs",
    "perfect_auxiliaries",
    "simple_past_endings",
    "additive_focus",
    "recent_past_verbs",
    "recent_past_links",
    "beneficiary_prepositions",
    "reflexive_passive_verbs",
    "definite_contractions",
    "third_party_speakers",
    "making_nouns",
    "counterfactual_modals",
    "announcing_verbs",
    "announced_conditionals",
    "complementizers",
    "approval_verbs",
    "not_denied_objects",
    "upkeep_words",
    "purpose_prepositions",
    "holder_words",
    "combat_words",
    "financing_nouns",
    "conditional_endings",
    "future_stems",
    "sale_verbs",
    "completing_verbs",
    "holding_verbs",
    "expletive_subjects",
    "commitment_words",
    "transitive_only",
    "reaction_nouns",
    "facility_nouns",
    "facility_qualifiers",
    "pending_prepositions",
    "pending_nouns",
    "spoken_nouns",
    "light_verbs",
    "refusing_verbs",
    "addition_words",
    "starting_verbs",
}


def test_grammar_files_use_known_keys_and_lower_case_words() -> None:
    files = [
        f for f in (resources.files("enrich") / "data" / "grammar").iterdir() if f.name.endswith(".yaml")
    ]
    assert {"en.yaml", "fr.yaml"} <= {f.name for f in files}
    for entry in files:
        data = yaml.safe_load(entry.read_text(encoding="utf-8")) or {}
        assert set(data) <= KEYS, f"{entry.name}: unknown keys {set(data) - KEYS}"
        for key, value in data.items():
            words = list(value) if isinstance(value, (list, dict)) else [value]
            assert all(str(word) == str(word).lower() for word in words), (
                f"{entry.name}: {key} not lower-case"
            )


def test_grammar_prepositions_give_known_positions() -> None:
    positions = set(get_args(roles.Position))
    assert {"en", "fr"} <= set(roles.PREPOSITIONS)
    assert all(set(table.values()) <= positions for table in roles.PREPOSITIONS.values())
    assert all(set(table.values()) <= positions for table in roles.COMPOUND_PREPOSITIONS.values())
