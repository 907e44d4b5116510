"""The web console in a real browser (Debian's chromium driven by Playwright) against the real stack.

Each test serves the console on 127.0.0.1 over its own namespace (topics and indices), fills it with
documents built by the indexer's own functions (or with the whole pipeline, for Live), and drives the
pages as a user would. Screenshots of every page go to ``test-output/console/`` (git-ignored).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from elasticsearch import Elasticsearch, helpers
from playwright.sync_api import Browser, Page, expect, sync_playwright
from rich.console import Console

from alerts import store as alert_store
from alerts.rules import compile_rule, match, to_alert
from alerts.store import ensure_indices
from app.console.server import Served, serving
from app.demo.server import FeedServer, Item, rss_feed
from app.live import STAGES
from app.pipeline import Pipeline, RunOptions, delete_namespace
from armswatch.config import Settings, namespace_overrides, settings_env
from armswatch.kafka import ensure_topics
from armswatch.schema import Article, EnrichedArticle, StateCount, TransferMention
from index.actions import bulk_actions, state_name
from index.worker import setup as setup_index
from ingest.registry import Registry, ensure_feed_topics, new_feed
from tests.ports import free_port_block

pytestmark = [pytest.mark.integration, pytest.mark.browser]

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "console"
XSS_TITLE = "<script>alert(1)</script> Drones for the front"
XSS_SENTENCE = 'Iran delivered Shahed drones to Russia <img src=x onerror="alert(2)"> last week.'


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is needed (apt-get install chromium; .ci/run installs it)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def namespace(
    running_stack: Settings, unique: Callable[[str], str]
) -> Iterator[tuple[Settings, dict[str, str]]]:
    """A namespace of its own with everything the pipeline creates: topics, templates, alert indices."""
    name = unique("console")
    ports = free_port_block(9)  # eight for the workers' metrics, one for the console
    overrides = {**namespace_overrides(name), "run_metrics_base_port": ports, "ui_port": ports + 8}
    settings = running_stack.model_copy(update=overrides)
    ensure_topics(settings)
    ensure_feed_topics(settings)
    setup_index(settings)
    yield settings, settings_env(overrides)
    delete_namespace(settings, name, lambda _message: None)


@pytest.fixture
def ns_settings(namespace: tuple[Settings, dict[str, str]]) -> Settings:
    return namespace[0]


@pytest.fixture
def console(ns_settings: Settings, es_client: Elasticsearch) -> Iterator[Served]:
    ensure_indices(es_client, ns_settings.index_prefix)
    with serving(ns_settings) as served:
        yield served


@pytest.fixture
def dialogs() -> list[tuple[str, str]]:
    """(type, message) of every dialog the page opened: confirmations, and any alert() a feed text ran."""
    return []


@pytest.fixture
def page(browser: Browser, dialogs: list[tuple[str, str]]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, accept_downloads=True)
    opened = context.new_page()
    opened.on("dialog", lambda dialog: (dialogs.append((dialog.type, dialog.message)), dialog.accept()))
    yield opened
    context.close()


def enriched(
    number: int,
    supplier: str,
    recipient: str,
    category: str,
    weapon: str,
    sentence: str,
    published: datetime,
    title: str | None = None,
) -> EnrichedArticle:
    article = Article(
        id=f"console-{number}",
        url=f"https://news.example.org/{number}",
        title=title or f"{state_name(supplier)} and {state_name(recipient)}: {weapon}",
        text=sentence,
        source="Example News",
        source_domain="news.example.org",
        published_at=published,
        fetched_at=published,
    )
    transfer = TransferMention(
        supplier=supplier,
        recipient=recipient,
        weapon=weapon,
        category=category,  # type: ignore[arg-type]
        status="delivered",
        confidence=0.9,
        sentence=sentence,
        start=0,
        end=len(sentence),
    )
    states = [StateCount(code=code, name=state_name(code), count=1) for code in (supplier, recipient)]
    return EnrichedArticle(
        article=article,
        lang="en",
        states=states,
        transfers=[transfer],
        extractor="test.v1",
        enriched_at=published,
    )


def index(es: Elasticsearch, ns_settings: Settings, articles: list[EnrichedArticle]) -> None:
    actions = [action for article in articles for action in bulk_actions(article, ns_settings.index_prefix)]
    helpers.bulk(es, actions, refresh="wait_for")


def history(now: datetime) -> list[EnrichedArticle]:
    """30 Iranian drone deliveries to Russia in 30 days, 6 North Korean shell shipments, a hostile title."""
    items = [
        enriched(
            n,
            "IR",
            "RU",
            "drones",
            "Shahed drones",
            f"Iran delivered Shahed drones to Russia in shipment number {n}.",
            now - timedelta(days=n, hours=1),
        )
        for n in range(30)
    ]
    items += [
        enriched(
            100 + n,
            "KP",
            "RU",
            "ammunition",
            "artillery shells",
            f"North Korea shipped artillery shells to Russia, batch {n}.",
            now - timedelta(days=2 * n, hours=3),
        )
        for n in range(6)
    ]
    items.append(
        enriched(
            999, "IR", "RU", "drones", "Shahed drones", XSS_SENTENCE, now - timedelta(hours=2), XSS_TITLE
        )
    )
    return items


def shoot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def _answering(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {timeout:.0f} s")


def test_run_serves_the_console_where_a_feed_article_appears_live(
    namespace: tuple[Settings, dict[str, str]],
    es_client: Elasticsearch,
    page: Page,
    dialogs: list[tuple[str, str]],
) -> None:
    """``armswatch run`` (the Pipeline it runs) serves the console and says where; an article published
    on a local feed goes through ingest, enrich and index and appears on the open Live page."""
    settings, env = namespace
    messages: list[str] = []
    stop = threading.Event()
    with FeedServer() as feeds:
        pipeline = Pipeline(
            settings,
            RunOptions(scaled_workers=1, exit_after=600, web_console=True),
            Console(file=io.StringIO()),
            messages.append,
            env=env,
        )
        runner = threading.Thread(target=pipeline.run, args=(stop,), daemon=True)
        runner.start()
        try:
            url = f"http://127.0.0.1:{settings.ui_port}/"
            deadline = time.monotonic() + 120
            while f"web console: {url}" not in messages and time.monotonic() < deadline:
                time.sleep(0.2)
            assert f"web console: {url}" in messages, messages
            _answering(url + "live", 120)
            page.goto(url + "live")
            expect(page.locator("#live-state")).to_contain_text("live", timeout=30_000)
            text = (
                "Iran has delivered a new batch of Shahed drones to Russia, according to Western officials. "
                "The drones arrived by ship across the Caspian Sea last week."
            )
            story = Item("Iran ships more drones to Russia", feeds.url("/a/1"), text, datetime.now(UTC))
            feeds.publish("/arms.xml", rss_feed("Arms desk", feeds.base_url, [story]))
            published = time.monotonic()
            with Registry(settings) as registry:
                registry.put([new_feed(feeds.url("/arms.xml"), name="Arms desk", full_text=False)])
            card = page.locator("#stream li.card").first
            expect(card).to_contain_text("Iran", timeout=240_000)
            shown = time.monotonic()
            expect(card).to_contain_text("Russia")
            expect(card.locator("mark.supplier").first).to_have_text("Iran")
            expect(card.locator("mark.recipient").first).to_have_text("Russia")
            expect(card.locator("mark.weapon").first).to_contain_text("drones")
            expect(card.locator("a")).to_have_attribute("href", feeds.url("/a/1"))
            expect(page.locator("#c-transfers")).not_to_have_text("0", timeout=15_000)
            shoot(page, "live-1280-light")
        finally:
            stop.set()
            runner.join(timeout=120)
    print(f"\nfeed publication → card on the Live page: {shown - published:.1f} s")
    assert dialogs == []
    assert not runner.is_alive()


def test_live_stream_applies_the_filters(
    ns_settings: Settings, console: Served, page: Page, es_client: Elasticsearch
) -> None:
    """Transfers enriched after the page opened reach it at once, and only those its filters match."""
    from kafka import KafkaProducer

    from armswatch.kafka import producer_config

    page.goto(console.url + "live?category=ammunition")
    expect(page.locator("#live-state")).to_contain_text("live", timeout=15_000)
    time.sleep(1)  # the tail is placed at the topic's end when the console starts
    now = datetime.now(UTC)
    producer = KafkaProducer(**producer_config(ns_settings, "console-test"))
    drones = enriched(1, "IR", "RU", "drones", "Shahed drones", "Iran sent Shahed drones to Russia.", now)
    shells = enriched(
        2, "KP", "RU", "ammunition", "artillery shells", "North Korea sent artillery shells to Russia.", now
    )
    sent = time.monotonic()
    for article in (drones, shells):
        producer.send(
            ns_settings.topic_enriched, key=article.article.id.encode(), value=article.to_json()
        ).get(timeout=30)
    producer.close()
    expect(page.locator("#stream li.card")).to_have_count(1, timeout=10_000)
    print(f"\nenriched → card: {time.monotonic() - sent:.2f} s")
    expect(page.locator("#stream li.card")).to_contain_text("North Korea")


def test_search_pages_exports_and_escapes(
    ns_settings: Settings,
    console: Served,
    page: Page,
    es_client: Elasticsearch,
    dialogs: list[tuple[str, str]],
) -> None:
    index(es_client, ns_settings, history(datetime.now(UTC)))
    page.goto(console.url + "search?q=delivered")
    expect(page.locator("#summary")).to_contain_text("31 transfers match")
    expect(page.locator("#results li.card")).to_have_count(25)
    # The hostile title and sentence show as text, run nothing, create no element.
    expect(page.locator("#results")).to_contain_text(XSS_TITLE)
    expect(page.locator("#results")).to_contain_text('<img src=x onerror="alert(2)">')
    assert page.locator("#results img, #results script").count() == 0
    expect(page.locator("#results mark.match").first).to_have_text("delivered")
    shoot(page, "search-1280-light")
    # Facets narrow, pages follow, and the address reproduces the view.
    page.get_by_role("button", name="Next page").click()
    expect(page.locator("#results li.card")).to_have_count(6)
    second_page = page.locator("#results").inner_text()
    page.goto(page.url)
    expect(page.locator("#results li.card")).to_have_count(6)
    assert page.locator("#results").inner_text() == second_page
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert len(rows) == 31 and {row["supplier"] for row in rows} == {"IR"}
    assert any(row["title"] == XSS_TITLE for row in rows)
    with page.expect_download() as download:
        page.get_by_role("link", name="Export JSON").click()
    assert len(json.loads(Path(download.value.path()).read_text())) == 31
    # A syntax error says how to fix it.
    page.fill("input[name=q]", "delivered AND (")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#search-error")).to_contain_text("balance parentheses")
    assert dialogs == []


def test_explore_charts_click_through_to_the_evidence(
    ns_settings: Settings, console: Served, page: Page, es_client: Elasticsearch
) -> None:
    index(es_client, ns_settings, history(datetime.now(UTC)))
    page.goto(console.url + "explore?since=30d")
    expect(page.locator("#explore-summary")).to_contain_text("transfer mentions")
    expect(page.locator("body")).to_have_attribute("data-rendered", "explore")
    assert page.locator("#over-time rect.bar").count() > 10
    expect(page.locator("#map g.ir.has")).to_have_count(1)
    expect(page.locator("#weapons")).to_contain_text("Shahed drones")
    shoot(page, "explore-1280-light")
    page.locator("#matrix button", has_text="6").click()
    page.wait_for_url("**/search?**")
    expect(page.locator("#summary")).to_contain_text("6 transfers match")
    expect(page.locator("#results")).to_contain_text("North Korea shipped artillery shells")
    # The map: keyboard reaches a state and Enter opens its evidence.
    page.goto(console.url + "explore?since=30d")
    page.locator("#map g.kp").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**supplier=KP**")
    expect(page.locator("#summary")).to_contain_text("6 transfers match")


def test_alert_rules_checked_tested_created_and_secret_free(
    ns_settings: Settings, console: Served, page: Page, es_client: Elasticsearch
) -> None:
    now = datetime.now(UTC)
    index(es_client, ns_settings, history(now))
    page.goto(console.url + "alerts")
    page.fill("input[name=query]", "dron*")
    expect(page.locator("#query-check")).to_contain_text("cannot be used in an alert rule")
    page.fill("input[name=query]", "supplier:KP AND category:ammunition")
    expect(page.locator("#query-check")).to_contain_text("can be a rule")
    page.get_by_role("button", name="Test against the last 30 days").click()
    expect(page.locator("#test-results")).to_contain_text("would have fired on 6 articles")
    expect(page.locator("#test-matches li")).to_have_count(6)
    page.fill("input[name=name]", "Korean shells")
    page.fill(
        "textarea[name=channels]", "webhook:https://hooks.example.org/T0/secret-path?token=SECRET123\nlog"
    )
    page.get_by_role("button", name="Add rule").click()
    row = page.locator("#rules tbody tr", has_text="Korean shells")
    expect(row).to_contain_text("webhook:hooks.example.org, log")
    shoot(page, "alerts-1280-light")
    # Edit: the query changes, the stored channels stay (the page never saw them).
    row.get_by_role("button", name="Edit").click()
    page.fill("input[name=query]", "supplier:KP")
    page.get_by_role("button", name="Save changes").click()
    expect(row.locator("td").nth(1)).to_have_text("supplier:KP")
    expect(row).to_contain_text("webhook:hooks.example.org")
    row.get_by_role("button", name="Disable").click()
    expect(row.locator("td").nth(5)).to_have_text("no")
    stored = es_client.get(index=f"{ns_settings.index_prefix}-alert-rules", id="korean-shells")["_source"]
    assert stored["channels"][0].endswith("secret-path?token=SECRET123") and stored["enabled"] is False
    for path in ("alerts", "api/rules", "api/alerts"):
        assert "SECRET123" not in page.request.get(console.url + path).text()
    assert "SECRET123" not in page.content()
    # An alert of the rule whose webhook failed: its delivery state shows, with the URL cut to its host.
    rule = alert_store.get_rule(es_client, ns_settings.index_prefix, "korean-shells")
    shells = enriched(
        7, "KP", "RU", "ammunition", "artillery shells", "North Korea sent shells to Russia.", now
    )
    fired = [
        (to_alert(hit, now), rule)
        for hit in match([compile_rule(rule.model_copy(update={"enabled": True}))], shells)
    ]
    alert_store.claim(es_client, ns_settings.index_prefix, fired, now)
    error = "webhook:hooks.example.org: HTTP 500 for url 'https://hooks.example.org/T0/secret-path?token=SECRET123'"
    due = alert_store.due_deliveries(es_client, ns_settings.index_prefix, now + timedelta(minutes=1), 0)
    webhook = [hit for hit in due if hit["_source"]["channel_label"] == "webhook:hooks.example.org"]
    alert_store.mark_failed(es_client, ns_settings.index_prefix, webhook, error, None)
    es_client.indices.refresh(index=f"{ns_settings.index_prefix}-alert*")
    page.reload()
    recent = page.locator("#recent tbody tr").first
    expect(recent).to_contain_text("webhook:hooks.example.org: failed (1 attempt)")
    expect(recent).to_contain_text("https://hooks.example.org/…")
    expect(recent).to_contain_text("log: pending")
    assert "SECRET123" not in page.content()
    shoot(page, "alerts-deliveries-1280-light")


def test_feeds_health_and_dead_letters(
    ns_settings: Settings,
    console: Served,
    page: Page,
    es_client: Elasticsearch,
    dialogs: list[tuple[str, str]],
) -> None:
    from kafka import KafkaProducer

    from armswatch.kafka import producer_config
    from armswatch.schema import DeadLetter

    with Registry(ns_settings) as registry:
        registry.put(
            [new_feed("https://feeds.example.org/rss", name="<script>alert(1)</script>", language="en")]
        )
    producer = KafkaProducer(**producer_config(ns_settings, "console-test"))
    letter = DeadLetter(
        stage="enrich",
        reason="invalid_json",
        error="Expecting value",
        topic=ns_settings.topic_raw,
        partition=0,
        offset=7,
        payload="{not json",
        at=datetime.now(UTC),
    )
    producer.send(ns_settings.topic_dead_letter, value=letter.to_json()).get(timeout=30)
    producer.close()
    page.goto(console.url + "feeds")
    expect(page.locator("#feeds")).to_contain_text("<script>alert(1)</script>", timeout=30_000)
    expect(page.locator("#stages tbody tr")).to_have_count(len(STAGES))
    expect(page.locator("#dead")).to_contain_text("invalid_json")
    # Add, export, remove, import.
    page.fill("input[name=url]", "https://other.example.org/feed.xml")
    page.fill("input[name=name]", "Other")
    page.get_by_role("button", name="Add feed").click()
    expect(page.locator("#feeds")).to_contain_text("other.example.org/feed.xml", timeout=30_000)
    shoot(page, "feeds-1280-light")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export OPML").click()
    opml = Path(download.value.path()).read_bytes()
    assert b"other.example.org/feed.xml" in opml and b"feeds.example.org/rss" in opml
    page.get_by_role("button", name="Remove Other").click()
    expect(page.locator("#feeds")).not_to_contain_text("other.example.org", timeout=30_000)
    page.set_input_files("#opml-file", files=[{"name": "f.opml", "mimeType": "text/x-opml", "buffer": opml}])
    expect(page.locator("#feed-message")).to_contain_text("imported 2 feeds", timeout=30_000)
    expect(page.locator("#feeds")).to_contain_text("other.example.org/feed.xml")
    assert dialogs == [("confirm", "Stop polling https://other.example.org/feed.xml?")]


def test_every_page_at_desktop_and_phone_width_light_and_dark(
    ns_settings: Settings, console: Served, browser: Browser, es_client: Elasticsearch
) -> None:
    index(es_client, ns_settings, history(datetime.now(UTC)))
    for scheme in ("light", "dark"):
        for width, height, label in ((1280, 800, "1280"), (390, 844, "phone")):
            context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
            page = context.new_page()
            for name in ("live", "explore", "search", "deals", "alerts", "feeds"):
                page.goto(console.url + name + ("?since=30d" if name == "explore" else ""))
                page.wait_for_load_state("networkidle") if name != "live" else page.wait_for_timeout(1500)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, f"{name} at {label} scrolls sideways by {overflow}px"
                shoot(page, f"{name}-{label}-{scheme}")
            context.close()


def test_keyboard_reaches_every_page(console: Served, page: Page) -> None:
    page.goto(console.url + "live")
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Live")).to_be_focused()
    for name in ("Explore", "Search", "Deals", "Alerts", "Feeds and health"):
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name=name)).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/feeds")


def test_token_required_off_loopback_and_checked(
    ns_settings: Settings, browser: Browser, es_client: Elasticsearch
) -> None:
    env = {
        **os.environ,
        **{k: v for k, v in settings_env(namespace_overrides(ns_settings.index_prefix)).items()},
    }
    env.pop("ARMSWATCH_UI_TOKEN", None)
    refused = subprocess.run(
        [sys.executable, "-m", "app", "ui", "--host", "0.0.0.0", "--port", str(free_port_block(1))],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2, refused.stderr
    assert "access token" in refused.stderr and "Traceback" not in refused.stderr
    token = "a-long-enough-test-token"
    with serving(ns_settings, token=token) as served:
        context = browser.new_context()
        page = context.new_page()
        response = page.goto(served.url + "live")
        assert response is not None and response.status == 401
        expect(page.locator("body")).to_contain_text("access token required")
        page.goto(served.url + f"live?token={token}")
        assert "token" not in page.url
        expect(page.locator("h1")).to_have_text("Live transfers")
        assert page.request.get(served.url + "api/rules").status == 200
        context.close()


def test_deals_board_and_timeline(
    ns_settings: Settings, console: Served, page: Page, es_client: Elasticsearch
) -> None:
    from armswatch.schema import SCHEMA_DIR, Deal
    from deals.documents import deal_action
    from deals.worker import setup as setup_deals

    setup_deals(ns_settings, es_client)
    deal = Deal.model_validate_json((SCHEMA_DIR / "examples" / "deal.v1.json").read_text())
    helpers.bulk(es_client, [deal_action(deal, ns_settings.index_prefix)], refresh="wait_for")
    page.goto(console.url + "deals")
    column = page.locator("#board section", has_text="denied (1)")
    expect(column).to_contain_text("North Korea → Russia")
    expect(page.locator("#timeline li")).to_have_count(len(deal.timeline))
    expect(page.locator("#timeline li").first).to_contain_text("alleged")
    expect(page.locator("#timeline li").last).to_contain_text(
        "Pyongyang denied sending artillery shells to Russia."
    )
    expect(page.locator("#timeline li").last.get_by_role("link", name="KCNA")).to_have_attribute(
        "href", deal.timeline[-1].url
    )
    shoot(page, "deals-1280-light")


def test_live_shows_new_and_changed_deals(ns_settings: Settings, console: Served, page: Page) -> None:
    from kafka import KafkaProducer

    from armswatch.kafka import producer_config
    from armswatch.schema import SCHEMA_DIR, Deal
    from deals.worker import ensure_deals_topic

    ensure_deals_topic(ns_settings)
    page.goto(console.url + "live?state=KP")
    expect(page.locator("#live-state")).to_contain_text("live", timeout=15_000)
    time.sleep(3)  # the deals tail finds the topic made just now
    deal = Deal.model_validate_json((SCHEMA_DIR / "examples" / "deal.v1.json").read_text())
    producer = KafkaProducer(**producer_config(ns_settings, "console-test"))
    producer.send(ns_settings.topic_deals, key=deal.id.encode(), value=deal.to_json()).get(timeout=30)
    producer.close()
    expect(page.locator("#deal-stream li")).to_contain_text("North Korea → Russia", timeout=15_000)
    expect(page.locator("#deal-stream li")).to_contain_text("Pyongyang denied sending artillery shells")
