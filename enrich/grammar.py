"""The grammar words of the role and status rules, one data file per language (``data/grammar/<lang>.yaml``).

Per-language tables, applied to that language's text only:

    prepositions        preposition -> the position it gives a party (to, from, by, at, of, with, via)
    other_prepositions  prepositions that relate a party to something other than the transfer
    not_a_direction     preposition -> words before it that make it no direction ("according to")
    compound_prepositions  noun before an "of" preposition -> the position the phrase gives
                        (« en provenance de »: from, « à destination de »: to)
    references          noun phrases that refer back to a state named earlier ("the country")
    pair_references     noun phrases that refer back to two states named earlier ("both countries")
    subject_pronouns    sentence-initial pronouns that continue the previous sentence's subject

Word sets, pooled over every language (news copy mixes languages, and no word in them means something
else in another language's list):

    articles, skippable (between a preposition and its state), coordination (continues a list of
    parties), actor_nouns (make a demonym stand for the state), nominal_markers (the next word is a
    noun), benefactive (their object benefits: "to help Russia"), defiance (a transfer against a veto),
    reporting_verbs (their subject is a source), speaker_pronouns (take the speaker up), denial_pointers
    (a denial points back at a report: "Tehran denies this"), claim_pointers (a sentence names the
    source of the report before it: "Ukraine announced this"), epistemic_modals (with one of the
    perfect_auxiliaries, "have", « avoir »: a guess at the past), counterfactual_modals (with "have":
    what did not happen), preventive_prepositions ("against supplying"; "shields against drones"),
    dissuading_verbs and dissuasion_links ("warned China about providing", « empêcher Moscou de livrer »),
    evidence_verbs (negated: "we have not seen China provide"), collective_origins ("Western tanks": no
    one maker supplies), future_markers, negations, additive_focus (after a negation they make it an
    addition: « non seulement », "not only"),
    reflexive_clitics (a supply verb with one gives to its subject: « s'offrir »), making_words (the
    state after them and "in" makes the weapon: « fabriqués en Russie »), accusing_verbs (their subject
    is a source: « Rabat accuse l'Iran d'avoir livré »), attribution_markers (as space-separated tokens:
    « selon », "according to"), not_a_source (« selon les termes du contrat » cites no source) and
    continuation ("also", « également »: a sentence continues the transfer before it), support (« le
    soutien de l'Ukraine »: the state a sentence supports receives the next sentence's transfer),
    announcing_verbs, complementizers and announced_conditionals (« a annoncé que … seraient »: a future
    in the past), approval_verbs (what they govern is agreed: "approved the delivery of the first batch")
    not_denied_objects (a denial word with one as object denies no report: "dismissed the concern"),
    upkeep_words (a transfer for one of them is upkeep: "shipped its jets to Romania to be refurbished"),
    purpose_prepositions (the "for" of "sent for repairs"), holder_words (a noun phrase may say who holds a
    weapon with them: "India's Rafales"; the prefilter parses sentences that have one), combat_words (a
    combat, crash or display report: who holds a weapon of which origin tells no transfer there) and
    financing_nouns (a state qualifying one pays: "the U.S. funding for the purchase"), conditional_endings
    and future_stems (an imperfect built on the infinitive or the future stem is a conditional: « livrerait »,
    « enverrait »), sale_verbs (told with an auxiliary, a sale is agreed whatever its tense),
    completing_verbs (a transfer noun their past governs was delivered: "the deliveries took place"),
    light_verbs (their participle carries the agent of the transfer noun it describes: « la commande passée
    par la Grèce »),
    holding_verbs (weapons they show or use, bought in a relative clause, were delivered), refusing_verbs
    (a transfer noun they take as object is refused: "rejected the sale"), addition_words (a future
    transfer of "12 more" is the newest step), starting_verbs (a transfer noun their past governs is under
    way: "deliveries began"),
    ruling_out_verbs (a transfer they govern as object is ruled out: « exclut de livrer »),
    reflexive_passive_verbs (with a reflexive clitic, their infinitive is a passive: « s'est vu livrer »),
    definite_contractions (a preposition fused with the article: « aux Ukrainiens » names the people),
    simple_past_endings (« livra »: a form with one and without the future stem is a passé simple),
    recent_past_verbs and recent_past_links (« vient de livrer »: the infinitive tells a step just done),
    beneficiary_prepositions (an acquisition for a state they name supplies it: "buy NASAMS for Ukraine")

A language is added by adding its file; everything is read once, at import.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

_FILES = resources.files("enrich") / "data" / "grammar"


def _load() -> dict[str, dict[str, Any]]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {
        entry.name.removesuffix(".yaml"): yaml.load(entry.read_text(encoding="utf-8"), Loader=loader) or {}
        for entry in sorted(_FILES.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".yaml")
    }


_BY_LANGUAGE = _load()


def table(key: str) -> dict[str, Any]:
    """Language -> that language's entry under ``key`` (languages without one are left out)."""
    return {lang: data[key] for lang, data in _BY_LANGUAGE.items() if key in data}


def words(key: str) -> frozenset[str]:
    """The words listed under ``key`` in any language."""
    return frozenset(str(word) for entry in table(key).values() for word in entry)
