"""Search against the real node, over documents built by the indexer's own actions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from elasticsearch import Elasticsearch, helpers

from armswatch import samples
from armswatch.schema import Category, EnrichedArticle
from enrich.tagger import Tagger
from index.actions import bulk_actions
from index.search import Filters, search
from index.templates import ensure_templates

pytestmark = pytest.mark.integration


def _enriched(
    number: int,
    supplier: str,
    recipient: str,
    category: Category,
    sentence: str,
    published: datetime,
    lang: str = "en",
) -> EnrichedArticle:
    url = f"https://example.org/{number}"
    article = samples.article(number, url=url, title=sentence[:40], text=sentence, when=published)
    mention = samples.transfer(
        sentence, supplier=supplier, recipient=recipient, weapon=category, category=category
    )
    return samples.enriched(article, [mention], lang=lang)


@pytest.fixture
def prefix(es_client: Elasticsearch, unique: Callable[[str], str]) -> Iterator[str]:
    name = unique("search")
    ensure_templates(es_client, name)
    corpus = [
        _enriched(
            1,
            "IR",
            "RU",
            "drones",
            "Iran has supplied Russia with Shahed kamikaze drones.",
            datetime(2024, 3, 1, tzinfo=UTC),
        ),
        _enriched(
            2,
            "KP",
            "RU",
            "ammunition",
            "Pyongyang is shipping artillery shells to Moscow.",
            datetime(2024, 6, 1, tzinfo=UTC),
        ),
        _enriched(
            3,
            "FR",
            "UA",
            "artillery",
            "La France a livré 18 canons Caesar à l'Ukraine pour 76 millions d'euros.",
            datetime(2025, 1, 15, tzinfo=UTC),
            "fr",
        ),
        _enriched(
            4,
            "IR",
            "RU",
            "missiles",
            "Iran transferred about 200 ballistic missiles to Russia.",
            datetime(2025, 2, 1, tzinfo=UTC),
        ),
    ]
    corpus.append(
        _enriched(
            5,
            "RU",
            "IR",
            "air_defense",
            "Moscou a livré des systèmes S-400 à Téhéran.",
            datetime(2023, 5, 1, tzinfo=UTC),
            "fr",
        )
    )
    # Three articles through the real tagger, so their lemmas and mentions are spaCy's.
    tagger = Tagger()
    for position in (2, 3, 4):
        item = corpus[position]
        tagged = tagger.tag(item.article.text, lang=item.lang)
        assert len(tagged.transfers) == 1, tagged
        corpus[position] = item.model_copy(update={"lemmas": tagged.lemmas, "transfers": tagged.transfers})
    actions = [action for item in corpus for action in bulk_actions(item, name)]
    helpers.bulk(es_client, actions, refresh="wait_for")
    yield name
    created = list(es_client.indices.get(index=f"{name}-*"))
    es_client.indices.delete(index=",".join(created))
    for kind in ("articles", "mentions"):
        es_client.indices.delete_index_template(name=f"{name}-{kind}-v1")


def _urls(page: object) -> list[str]:
    return [hit["url"] for hit in page.hits]  # type: ignore[attr-defined]


def test_search_by_pair_newest_first(es_client: Elasticsearch, prefix: str) -> None:
    page = search(es_client, prefix, "pair:IR>RU")
    assert _urls(page) == ["https://example.org/4", "https://example.org/1"]


def test_search_phrase_with_filters_and_dates(es_client: Elasticsearch, prefix: str) -> None:
    assert _urls(search(es_client, prefix, '"kamikaze drones"')) == ["https://example.org/1"]
    page = search(es_client, prefix, "", Filters(recipient="RU", since="2024-05-01", until="2024-12-31"))
    assert _urls(page) == ["https://example.org/2"]
    assert _urls(search(es_client, prefix, "", Filters(lang="fr"))) == [
        "https://example.org/3",
        "https://example.org/5",
    ]


def test_search_by_lemma_and_without_accents(es_client: Elasticsearch, prefix: str) -> None:
    # "livrer" finds "livré", "teheran" finds "Téhéran", "transferring" finds "transferred".
    assert _urls(search(es_client, prefix, "livrer canons")) == ["https://example.org/3"]
    assert _urls(search(es_client, prefix, "teheran")) == ["https://example.org/5"]
    assert _urls(search(es_client, prefix, "transferring", kind="articles")) == ["https://example.org/4"]
    assert _urls(search(es_client, prefix, "transferring")) == ["https://example.org/4"]


def test_search_articles_and_pages(es_client: Elasticsearch, prefix: str) -> None:
    first = search(es_client, prefix, "supplier:IR", kind="articles", size=1, stats=True)
    assert first.total == 2 and first.next_after is not None
    second = search(es_client, prefix, "supplier:IR", kind="articles", size=1, after=first.next_after)
    assert _urls(first) + _urls(second) == ["https://example.org/4", "https://example.org/1"]
    buckets = {b["key"]: b["doc_count"] for b in first.aggregations["top_pairs"]["buckets"]}
    assert buckets == {"IR>RU": 2}


@pytest.mark.parametrize(
    ("query", "urls"),
    [
        ("quantity:>100", ["https://example.org/4"]),
        ("quantity:<=18", ["https://example.org/3"]),
        ("value:>1e7 AND currency:EUR", ["https://example.org/3"]),
        ("approximate:true", ["https://example.org/4"]),
        ("currency:USD", []),
    ],
)
def test_search_by_quantity_value_and_currency(
    es_client: Elasticsearch, prefix: str, query: str, urls: list[str]
) -> None:
    assert _urls(search(es_client, prefix, query)) == urls
