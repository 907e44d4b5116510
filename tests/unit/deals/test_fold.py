"""Mentions folded into deals: joining, splitting, copies, replays and the status timeline."""

from __future__ import annotations

from datetime import timedelta

import pytest

from armswatch.schema import Deal, EnrichedArticle, StateCount
from deals.fold import DealBook, FoldSettings, deal_transfer, fold_articles
from tests.deals_articles import PATROL_BOATS, PATROL_BOATS_REWORDED, story

WIRE = (
    "North Korea has shipped more than a million artillery shells to Russia since August, South Korean "
    "intelligence officials told lawmakers on Wednesday, warning that Pyongyang was receiving military "
    "technology in return for the shipments, which went by sea and by rail across the border."
)


def _deals(*articles: object, settings: FoldSettings | None = None) -> dict[str, Deal]:
    book = DealBook(settings)
    found: dict[str, Deal] = {}
    for deal in fold_articles(book, articles):  # type: ignore[arg-type]
        found[deal.id] = deal
    return found


def test_fold_same_pair_and_weapon_within_window_is_one_deal() -> None:
    deals = _deals(
        story("a1"), story("a2", day=20, source="Outlet B"), story("a3", day=70, source="Outlet C")
    )
    [deal] = deals.values()
    assert (deal.articles, deal.distinct_reports, deal.outlets) == (3, 3, 3)
    assert deal.first_seen.day == 1 and (deal.last_seen - deal.first_seen).days == 70


def test_fold_report_after_the_window_opens_a_new_deal() -> None:
    settings = FoldSettings(window=timedelta(days=60), named_window=timedelta(days=60))
    deals = _deals(story("a1"), story("a2", day=200), settings=settings)
    assert len(deals) == 2


JETS = {"supplier": "RU", "recipient": "IR", "weapon": "Su-35 jets", "category": "aircraft"}


def test_fold_deal_naming_its_system_stays_open_for_the_named_window() -> None:
    settings = FoldSettings(window=timedelta(days=60), named_window=timedelta(days=400))
    named = _deals(story("a1", **JETS), story("a2", day=300, **JETS), settings=settings)  # type: ignore[arg-type]
    generic = _deals(story("b1"), story("b2", day=300), settings=settings)  # artillery shells
    late = _deals(story("c1", **JETS), story("c2", day=500, **JETS), settings=settings)  # type: ignore[arg-type]
    assert (len(named), len(generic), len(late)) == (1, 2, 2)


def test_fold_keeps_a_programme_open_in_memory_for_its_named_window() -> None:
    book = DealBook(
        FoldSettings(window=timedelta(days=30), named_window=timedelta(days=300), lateness=timedelta(0))
    )
    fold_articles(book, [story("a1", **JETS), story("b1")])  # type: ignore[arg-type]
    fold_articles(book, [story("x1", day=100, supplier="IR", weapon="drones", category="drones")])
    assert book.close_stale() == 1  # the shells deal; the Su-35 deal waits for its next report
    fold_articles(book, [story("a2", day=250, **JETS)])  # type: ignore[arg-type]
    assert len(book) == 2 and book.close_stale() == 1  # the drones deal


@pytest.mark.parametrize(
    ("second", "separate"),
    [
        ({"weapon": "KN-23 missiles", "category": "missiles"}, True),  # another category
        ({"supplier": "IR"}, True),  # another pair
        ({"weapon": "155mm shells"}, False),  # same category, no system named
    ],
)
def test_fold_other_category_or_pair_is_another_deal(second: dict[str, object], separate: bool) -> None:
    deals = _deals(story("a1"), story("a2", day=3, **second))  # type: ignore[arg-type]
    assert (len(deals) == 2) is separate


def test_fold_systems_named_loosely_stay_one_deal() -> None:
    drones = {"supplier": "IR", "category": "drones"}
    deals = _deals(
        story("a1", weapon="drones", **drones),  # type: ignore[arg-type]
        story("a2", day=2, weapon="Shahed-136 drones", **drones),  # type: ignore[arg-type]
        story("a3", day=3, weapon="Geran-2 drones", **drones),  # type: ignore[arg-type]  # another name
        story("a4", day=4, weapon="Shahed drones", **drones),  # type: ignore[arg-type]  # the bare name
        story("a5", day=5, weapon="Shahed-131 and Mohajer-6 drones", **drones),  # type: ignore[arg-type]
        story("a6", day=6, weapon="Mohajer-6", **drones),  # type: ignore[arg-type]  # named beside Shahed
    )
    [deal] = deals.values()
    assert deal.articles == 6
    # Geran-2 is Shahed-136 (deals/data/systems.yaml): one designation
    assert set(deal.designations) == {"Shahed-136", "Shahed", "Shahed-131", "Mohajer-6"}


def test_fold_two_named_systems_of_one_pair_and_category_are_two_deals() -> None:
    missiles = {"supplier": "IR", "category": "missiles"}
    deals = _deals(
        story("a1", weapon="Fateh-110 missiles", **missiles),  # type: ignore[arg-type]
        story("a2", day=3, weapon="Fath-360 missiles", **missiles),  # type: ignore[arg-type]
        story("a3", day=4, weapon="Fath 360", **missiles),  # type: ignore[arg-type]
        story("a4", day=5, weapon="Fateh-360 missiles", **missiles),  # type: ignore[arg-type]  # another name
        story("a5", day=6, weapon="ballistic missiles", **missiles),  # type: ignore[arg-type]  # no system
    )
    by_system = {tuple(deal.designations): deal.articles for deal in deals.values()}
    # The report naming no system joins the deal of the pair and category reported last.
    assert by_system == {("Fateh-110",): 1, ("Fath-360",): 4}


def test_fold_non_state_recipient_is_a_deal_too() -> None:
    [deal] = _deals(
        story(
            "a1",
            supplier="IR",
            recipient=None,
            recipient_name="Houthis",
            weapon="missiles",
            category="missiles",
        ),
        story(
            "a2",
            day=9,
            supplier="IR",
            recipient=None,
            recipient_name="Houthis",
            weapon="missiles",
            category="missiles",
        ),
    ).values()
    assert deal.recipient_name == "Houthis" and deal.key.startswith("IR>~Houthis|missiles")


def test_fold_syndicated_copy_counts_once_as_a_report() -> None:
    deals = _deals(
        story("a1", text=WIRE, source="Reuters"),
        story("a2", day=1, text="SEOUL - " + WIRE[:-60], source="Daily Paper"),
        story("a3", day=1, text=WIRE, source="Other Paper"),
        story("a4", day=2, source="Own Reporting"),
    )
    [deal] = deals.values()
    assert (deal.articles, deal.distinct_reports, deal.outlets) == (4, 2, 4)
    assert {r.article_id: r.copy_of for r in deal.reports} == {"a1": None, "a2": "a1", "a3": "a1", "a4": None}


def test_fold_the_earliest_copy_is_the_original_whatever_the_order() -> None:
    [deal] = _deals(
        story("late", day=2, text=WIRE, source="Other Paper"),
        story("own", day=3, source="Own Reporting"),
        story("wire", day=1, text=WIRE, source="Reuters"),
    ).values()
    assert {r.article_id: r.copy_of for r in deal.reports} == {"late": "wire", "own": None, "wire": None}


def test_fold_replayed_article_changes_nothing_and_ids_are_reproducible() -> None:
    articles = [story("a1"), story("a2", day=5, source="B"), story("b1", day=6, supplier="IR")]
    book = DealBook()
    first = {deal.id: deal for deal in fold_articles(book, articles)}
    assert fold_articles(book, articles) == []
    again = {deal.id: deal for deal in fold_articles(DealBook(), articles)}
    assert first == again


def test_fold_restored_book_continues_like_the_original() -> None:
    early, late = (
        [story("a1"), story("a2", day=5, source="B")],
        [story("a3", day=9, source="C"), story("a2", day=5)],
    )
    whole = DealBook()
    fold_articles(whole, early)
    expected = fold_articles(whole, late)
    restored = DealBook()
    restored.restore(fold_articles(DealBook(), early))
    assert fold_articles(restored, late) == expected


def test_fold_timeline_keeps_a_denial_as_a_step() -> None:
    [deal] = _deals(
        story("a1", status="alleged", confidence=0.6, source="A"),
        story("a2", day=10, status="alleged", confidence=0.6, source="B"),
        story("a3", day=30, status="delivered", confidence=0.9, source="C"),
        story(
            "a4",
            day=40,
            status="denied",
            confidence=0.5,
            source="KCNA",
            sentence="Pyongyang denied sending artillery shells to Russia.",
        ),
    ).values()
    assert [(s.status, s.reports, s.well_sourced) for s in deal.timeline] == [
        ("alleged", 2, True),
        ("delivered", 1, True),
        ("denied", 1, False),
    ]
    assert deal.timeline[-1].said_by == "Pyongyang"
    assert deal.status == "delivered"  # the denial is one weak report: recorded, not the status


def test_fold_closes_deals_past_the_window_and_keeps_memory_bounded() -> None:
    articles = [story(f"a{day}", day=day * 40, supplier="IR") for day in range(10)]
    book = DealBook(FoldSettings(window=timedelta(days=30), lateness=timedelta(0)))
    fold_articles(book, articles)
    assert len(book) == 10
    assert book.close_stale() == 9 and len(book) == 1
    # a report up to the lateness behind the newest still finds its deal: that deal stays open
    late = DealBook(FoldSettings(window=timedelta(days=30), lateness=timedelta(days=15)))
    fold_articles(late, articles)
    assert late.close_stale() == 8 and len(late) == 2


def test_fold_ids_do_not_depend_on_which_report_came_first() -> None:
    articles = [
        story("a1", day=3, text=WIRE),
        story("a2", day=5, source="B", weapon="155mm shells", status="delivered"),
        story("a3", day=9, source="C", text=WIRE),
    ]
    forward = _deals(*articles)
    assert forward == _deals(*reversed(articles))
    assert [(d.articles, d.distinct_reports) for d in forward.values()] == [(3, 2)]


def test_fold_a_late_report_between_two_deals_merges_them_into_the_earliest() -> None:
    book = DealBook(FoldSettings(window=timedelta(days=60)))
    [early] = fold_articles(book, [story("a1")])
    [late] = fold_articles(book, [story("a2", day=100, source="B")])  # beyond the window: its own deal
    assert early.id != late.id and book.take_retired() == []
    [merged] = fold_articles(book, [story("a3", day=50, source="C")])  # within the window of both
    assert merged.id == early.id and book.take_retired() == [late.id] and len(book) == 1
    assert (merged.articles, merged.outlets) == (3, 3)
    assert (merged.last_seen - merged.first_seen).days == 100


def test_fold_bridged_deals_are_one_deal_in_any_order() -> None:
    articles = [story("a1"), story("a2", day=50, source="B"), story("a3", day=100, source="C")]
    settings = FoldSettings(window=timedelta(days=60))

    def final(order: list[object]) -> list[tuple[str, int]]:
        book = DealBook(settings)
        deals: dict[str, Deal] = {}
        for article in order:
            deals.update((deal.id, deal) for deal in fold_articles(book, [article]))  # type: ignore[list-item]
            for merged in book.take_retired():
                del deals[merged]
        return sorted((deal.id, deal.articles) for deal in deals.values())

    # the bridging report last or in between: one deal, the same id (the id is the period of the first
    # report folded, so an order that starts with the latest report names the deal after that one)
    assert final(articles) == final([articles[0], articles[2], articles[1]])
    assert [count for _id, count in final(articles[::-1])] == [3]


def test_fold_quantities_ordered_and_delivered_are_the_newest_stated() -> None:
    [deal] = _deals(
        story("a1", status="agreed", quantity=24, weapon="Su-35 jets", category="aircraft"),
        story("a2", day=9, status="delivered", quantity=6, weapon="Su-35 jets", category="aircraft"),
        story("a3", day=20, status="delivered", quantity=12, weapon="Su-35", category="aircraft"),
    ).values()
    assert deal.quantity_ordered is not None and deal.quantity_ordered.value == 24
    assert deal.quantity_delivered is not None and deal.quantity_delivered.value == 12


@pytest.mark.parametrize(
    ("sentence", "separate"),
    [
        ("Russia signed a new contract for 40 more Su-35 jets with Iran.", True),
        ("Russia signed a new contract for 24 Su-35 jets with Iran.", False),  # the quantity it has
        ("Russia will send 40 Su-35 jets to Iran.", False),  # no new deal announced
    ],
)
def test_fold_new_quantity_is_another_deal_when_the_text_says_so(sentence: str, separate: bool) -> None:
    jets = {"supplier": "RU", "recipient": "IR", "weapon": "Su-35 jets", "category": "aircraft"}
    deals = _deals(
        story("a1", status="agreed", quantity=24, **jets),  # type: ignore[arg-type]
        story("a2", day=30, quantity=40 if "40" in sentence else 24, sentence=sentence, **jets),  # type: ignore[arg-type]
    )
    assert (len(deals) == 2) is separate


def test_fold_new_contract_for_the_same_system_is_another_deal_and_a_new_batch_delivered_is_not() -> None:
    s400 = {"supplier": "RU", "recipient": "TR", "weapon": "S-400 systems", "category": "air_defense"}
    said = [
        ("a1", 0, "agreed", "Russia and Turkey signed a contract for S-400 systems."),
        ("a2", 100, "delivered", "Russia delivered a new batch of S-400 systems to Turkey."),
        ("a3", 200, "agreed", "Russia and Turkey will sign a new contract for more S-400 systems."),
        ("a4", 210, "agreed", "Moscow expects the second contract for S-400 systems this year."),
        ("a5", 220, "ongoing", "Turkey keeps its S-400 systems, Ankara said."),
    ]
    deals = _deals(
        *(story(a, day=day, status=status, sentence=sentence, **s400) for a, day, status, sentence in said)  # type: ignore[arg-type]
    )
    groups = sorted(sorted(report.article_id for report in deal.reports) for deal in deals.values())
    # the announcements join the deal the first opened; a plain report the programme
    assert groups == [["a1", "a2", "a5"], ["a3", "a4"]]


@pytest.mark.parametrize(
    ("day", "source", "copy"),
    [(1, "Outlet B", True), (3, "Outlet B", False), (0, "Outlet A", False)],  # too late; the same outlet
)
def test_fold_reworded_copy_from_another_outlet_within_a_day_is_a_copy(
    day: int, source: str, copy: bool
) -> None:
    boats = {"supplier": "KR", "recipient": "PH", "weapon": "patrol boats", "category": "naval"}
    [deal] = _deals(
        story("a1", text=PATROL_BOATS, **boats),  # type: ignore[arg-type]
        story("a2", day=day, source=source, text=PATROL_BOATS_REWORDED, **boats),  # type: ignore[arg-type]
    ).values()
    copies = {report.article_id: report.copy_of for report in deal.reports}
    assert copies == {"a1": None, "a2": "a1" if copy else None}


def _no_transfer(article_id: str, text: str, states: list[str], *, day: int, source: str) -> EnrichedArticle:
    """An article the tagger read no transfer in, naming ``states``."""
    article = story(article_id, day=day, source=source, text=text)
    named = [StateCount(code=code, name=code, count=1) for code in states]
    return article.model_copy(update={"transfers": [], "states": named})


def test_fold_article_naming_the_states_and_system_of_a_deal_is_a_mention_of_it() -> None:
    jets = {"supplier": "RU", "recipient": "IR", "weapon": "Su-35 jets", "category": "aircraft"}
    naming = "Satellite images of Hamadan show hangars built for Su-35 jets. Iran and Russia said nothing."
    deals = _deals(
        story("a1", status="agreed", **jets),  # type: ignore[arg-type]
        _no_transfer("a2", naming, ["IR", "RU"], day=3, source="B"),
        _no_transfer(
            "a3", "Iran and Russia held talks on trade and on Su-30 jets.", ["IR", "RU"], day=4, source="C"
        ),
        _no_transfer("a4", naming.replace("Hamadan", "Isfahan"), ["IR", "TR"], day=5, source="D"),
        _no_transfer("a5", naming.replace("Hamadan", "Tabriz"), ["IR", "RU"], day=-3, source="E"),
    )
    [deal] = deals.values()
    mention = next(report for report in deal.reports if report.article_id == "a2")
    # Not a mention: another system (a3), another state (a4), before the deal was first reported (a5).
    assert (deal.articles, deal.outlets) == (2, 2)
    assert (mention.status, mention.weapon) == (None, "Su-35")
    assert mention.evidence == "Satellite images of Hamadan show hangars built for Su-35 jets."
    assert [(step.status, step.reports) for step in deal.timeline] == [("agreed", 1)]  # no step of its own


def test_fold_mentions_read_again_change_nothing() -> None:
    jets = {"supplier": "RU", "recipient": "IR", "weapon": "Su-35 jets", "category": "aircraft"}
    naming = "Iran and Russia are said to prepare a hangar for Su-35 jets near Hamadan."
    articles = [
        _no_transfer("a0", naming, ["IR", "RU"], day=0, source="A"),  # before the first report
        story("a1", day=1, **jets),  # type: ignore[arg-type]
        _no_transfer("a2", naming + " Pilots trained.", ["IR", "RU"], day=2, source="B"),
        story(
            "a3",
            day=3,
            source="C",
            weapon="Su-35 and Yak-130 jets",
            category="aircraft",
            supplier="RU",
            recipient="IR",
        ),
        _no_transfer(
            "a4", "Iran and Russia: a Yak-130 was seen at Hamadan air base.", ["IR", "RU"], day=4, source="D"
        ),
    ]
    book = DealBook()
    first = fold_articles(book, articles)
    assert first and fold_articles(book, articles) == []


def test_fold_copy_of_a_report_without_the_transfer_sentence_is_a_copy_of_it() -> None:
    deals = _deals(
        story("a1", text=WIRE, source="Yonhap"),
        _no_transfer("a2", "Seoul says: " + WIRE, ["KP", "RU", "KR"], day=1, source="Copy site"),
    )
    [deal] = deals.values()
    assert [(r.article_id, r.copy_of, r.status) for r in deal.reports] == [
        ("a1", None, "ongoing"),
        ("a2", "a1", None),
    ]
    assert deal.distinct_reports == 1


def test_fold_restored_deal_with_a_mention_continues_and_reads_it_as_the_deals_status() -> None:
    book = DealBook()
    jets = {"supplier": "RU", "recipient": "IR", "weapon": "Su-35 jets", "category": "aircraft"}
    fold_articles(book, [story("a1", status="agreed", **jets)])  # type: ignore[arg-type]
    mention = _no_transfer("a2", "Russia shows Iran the Su-35 at a fair.", ["RU", "IR"], day=2, source="B")
    [deal] = fold_articles(book, [mention])
    assert deal_transfer(deal, deal.reports[-1]).status == "agreed"  # the mention states none
    restored = DealBook()
    restored.restore([deal])
    [again] = fold_articles(restored, [story("a3", day=4, source="C", **jets)])  # type: ignore[arg-type]
    assert (again.id, again.articles, again.status) == (deal.id, 3, "ongoing")


def test_fold_sentences_in_common_make_a_copy_between_outlets_not_within_one() -> None:
    footer = (
        "Subscribe to our channel to receive the latest news first. "
        "Our newsroom works around the clock to bring you verified reports."
    )
    first = (
        "Trains carried shells north across the border at night, witnesses said. "
        "The wagons were covered with tarpaulins and guarded by soldiers with dogs. "
        "Residents of the border town counted more than forty wagons on Tuesday alone. "
        "Railway officials refused to say where the trains were heading. "
    ) + footer
    second = (
        "Customs records list ammunition crates bound for the front in May. "
        "The documents were leaked to a group of investigative journalists abroad. "
        "They show shipments declared as agricultural machinery and spare parts. "
        "Experts say the weights match those of standard artillery rounds. "
    ) + footer

    def copies(source: str) -> list[str | None]:
        deals = _deals(
            story("a1", text=first, source="Outlet A"), story("a2", day=1, text=second, source=source)
        )
        return [report.copy_of for deal in deals.values() for report in deal.reports]

    assert copies("Outlet A") == [None, None]  # one outlet's footer
    assert copies("Outlet B") == [None, "a1"]


def test_fold_report_of_another_category_naming_a_deals_system_joins_it() -> None:
    deals = _deals(
        story("a1", weapon="KN-23 missiles", category="missiles"),
        story("a2", day=2, weapon="KN-23 munitions", category="ammunition", source="B"),  # read as ammunition
        story(
            "a3", day=3, weapon="artillery shells", category="ammunition", source="C"
        ),  # no system: its own
    )
    by_key = {deal.key: sorted(report.article_id for report in deal.reports) for deal in deals.values()}
    assert by_key == {"KP>RU|missiles|": ["a1", "a2"], "KP>RU|ammunition|": ["a3"]}
