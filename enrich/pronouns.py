"""Which state a pronoun stands for: « Elle a déjà livré des Mistral », "Iran said it had supplied
drones", « l'Arménie a présenté les Su-30 qu'elle a achetés », « la Russie, qui a reçu des drones ».

A personal pronoun is a party where it begins its sentence (it continues the sentence before) or where
it is the subject of a transfer verb. It stands for the nearest state before it in its own sentence that
is itself a subject, else, when it begins its sentence or is the subject of its main clause, for the
first state of the sentence before that agrees with it. Agreement is by gender where the language has it
(enrich/data/pronouns.yaml): French « elle » takes « la Russie » or « la marine sénégalaise », not « le
chantier français »; a state whose gender is unknown agrees with any pronoun. A relative pronoun that is
the subject of a transfer verb stands for the state its clause qualifies.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

import yaml
from spacy.tokens import Doc, Span, Token

from enrich import grammar
from enrich.lexicon import lexicon
from enrich.matching import StateHit
from enrich.roles import Party

Gender = Literal["masculine", "feminine"]
# Sentence-initial pronouns that continue the previous sentence's subject.
SUBJECT_PRONOUNS: dict[str, list[str]] = grammar.table("subject_pronouns")
# A state named in these ways can be what a pronoun stands for (not a weapon's maker in "U.S. F-16s").
STATE_PARTY_KINDS = ("name", "metonym", "company", "demonym", "leader")


@dataclass(frozen=True)
class Antecedent:
    """A state a pronoun may stand for, with the gender its mention shows (None: unknown)."""

    code: str
    gender: Gender | None


@dataclass(frozen=True)
class _Table:
    """One language's entry of data/pronouns.yaml."""

    relatives: frozenset[str]
    impersonal: frozenset[str]
    pronouns: dict[str, Gender]
    articles: dict[str, Gender]
    states: dict[str, Gender]


@cache
def _tables() -> dict[str, _Table]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    text = (resources.files("enrich") / "data" / "pronouns.yaml").read_text(encoding="utf-8")
    return {
        lang: _Table(
            frozenset(entry.get("relatives", ())),
            frozenset(entry.get("impersonal", ())),
            dict(entry.get("pronouns", {})),
            dict(entry.get("articles", {})),
            {code: gender for gender, codes in entry.get("states", {}).items() for code in codes},
        )
        for lang, entry in yaml.load(text, Loader=loader).items()
    }


@cache
def _demonym_forms(lang: str) -> frozenset[str]:
    return frozenset(form.text.lower() for form in lexicon(lang).states if form.kind == "demonym")


def demonym_gender(text: str, lang: str) -> Gender | None:
    """The gender a demonym's inflection shows, from the lexicon's other forms of it: « sénégalaise »
    and « algérienne » are feminine (« sénégalais », « algérien » are forms too), « français » is
    masculine; « russe » shows none."""
    forms = _demonym_forms(lang)
    word = text.lower()
    singular = word[:-1] if word.endswith(("s", "x")) and word[:-1] in forms else word
    for ending in ("e", "ne"):
        if singular.endswith(ending) and singular[: -len(ending)] in forms:
            return "feminine"
        if singular + ending in forms:
            return "masculine"
    return None


def gender_of(hit: StateHit, doc: Doc, lang: str) -> Gender | None:
    """The gender of a state mention: a demonym's inflection, the article before a name, or the data."""
    table = _tables().get(lang)
    if table is None or not table.states:
        return None
    if hit.kind == "demonym":
        return demonym_gender(hit.text, lang)
    if hit.kind == "metonym":
        return None  # « Moscou », « l'Élysée »: a city or a seat, whatever the state's gender
    if hit.start > 0 and doc[hit.start - 1].lower_ in table.articles:
        return table.articles[doc[hit.start - 1].lower_]
    return table.states.get(hit.code)


def antecedents(hits: Sequence[StateHit], doc: Doc, lang: str) -> list[Antecedent]:
    """The states a sentence names that a pronoun of the next sentence may stand for, in text order."""
    return [Antecedent(hit.code, gender_of(hit, doc, lang)) for hit in hits if hit.kind in STATE_PARTY_KINDS]


def pronoun_parties(
    sentence: Span,
    hits: Sequence[StateHit],
    previous: Sequence[Antecedent],
    lang: str,
    transfer_verbs: Collection[str],
    taken: set[int],
) -> list[Party]:
    """The pronouns of ``sentence`` that stand for a state, as parties of kind "reference"."""
    candidates = SUBJECT_PRONOUNS.get(lang, ())
    table = _tables().get(lang)
    pronoun_genders = table.pronouns if table else {}
    found = []
    for token in sentence:
        if token.i in taken:
            continue
        if table and token.lower_ in table.relatives:
            found.extend(_relative(token, hits, transfer_verbs))
            continue
        if token.lower_ not in candidates or _impersonal(token, sentence, table):
            continue
        initial = token.i == sentence.start
        if not initial and not _subject_of_transfer(token, transfer_verbs):
            continue
        gender = pronoun_genders.get(token.lower_)
        code = None if initial else _in_sentence(token, sentence, hits, lang, gender)
        # Only the subject of the main clause continues the sentence before; in a clause of its own
        # ("ammunition it had received") a pronoun with no antecedent beside it is left alone.
        if code is None and (initial or token.head.dep_ == "ROOT"):
            code = next((a.code for a in previous if _agrees(a.gender, gender)), None)
        if code is not None:
            found.append(Party(token.i, token.i + 1, code, None, "reference"))
    return found


def _impersonal(token: Token, sentence: Span, table: _Table | None) -> bool:
    """« Il s'agissait de projectiles … », « il y a dix ans », "it is said": a pronoun the parser marks as
    expletive, or one followed by a word that makes it impersonal, stands for nothing."""
    following = token.nbor(1).lower_ if token.i + 1 < sentence.end else ""
    return token.dep_.startswith("expl") or (table is not None and following in table.impersonal)


def _relative(token: Token, hits: Sequence[StateHit], transfer_verbs: Collection[str]) -> list[Party]:
    """« qui » in « la Russie, qui a reçu des drones »: the subject of a transfer verb in a relative clause
    on a state's name stands for that state."""
    clause = token.head
    if not _subject_of_transfer(token, transfer_verbs) or not clause.dep_.endswith("relcl"):
        return []
    named = clause.head.i
    return [
        Party(token.i, token.i + 1, hit.code, None, "reference")
        for hit in hits
        if hit.start <= named < hit.end and hit.kind in STATE_PARTY_KINDS
    ][:1]


def _subject_of_transfer(token: Token, transfer_verbs: Collection[str]) -> bool:
    """The subject of a transfer verb: "it" in "said it had supplied", « elle » in « qu'elle a achetés »."""
    head = token.head
    return token.dep_.startswith("nsubj") and any(
        word in transfer_verbs for word in (head.lemma_.lower(), head.lower_)
    )


def _in_sentence(
    pronoun: Token, sentence: Span, hits: Sequence[StateHit], lang: str, gender: Gender | None
) -> str | None:
    """The nearest state before the pronoun in its sentence that agrees with it and is the subject of a
    verb whose clause holds the pronoun: "Iran acknowledged that it had supplied Moscow", « l'Arménie a
    présenté les Su-30 qu'elle a achetés »."""
    doc = sentence.doc
    governing = {ancestor.i for ancestor in pronoun.ancestors}
    for hit in reversed(hits):
        if hit.end > pronoun.i or hit.kind not in STATE_PARTY_KINDS:
            continue
        if _agrees(gender_of(hit, doc, lang), gender) and any(
            doc[i].dep_.startswith("nsubj") and doc[i].head.i in governing for i in range(hit.start, hit.end)
        ):
            return hit.code
    return None


def _agrees(state: Gender | None, pronoun: Gender | None) -> bool:
    return state is None or pronoun is None or state == pronoun
