"""The explorer page in headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright).

The app serves a store made from the bundled sample article (the one ``diplograph demo`` reads) and
a hostile document whose title, text, outlet and url carry ``<script>``, ``<img onerror>`` and a
``javascript:`` url. Every test opens a view, acts in it as an analyst would, and checks that the
page asked no host but the app's, that no dialog opened (an executed ``alert(1)``) and that no
script error was thrown. Screenshots go to a temporary folder (and are copied to
``$DIPLOGRAPH_SCREENSHOTS`` when it is set); each is checked not to be blank.
"""

from __future__ import annotations

import itertools
import os
import shutil
import struct
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
TOKEN = "browser-test-token"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"
HOSTILE_TEXT = ("Russian President Vladimir Putin met Colombian President Gustavo Petro in Moscow on Tuesday. "
                "<script>alert(1)</script> The two leaders signed an agreement on trade. "
                "<img src=x onerror=alert(1)> Petro said that Russia is a friend of Colombia.")
TIMEOUT_MS = 5000

if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (pip install -e '.[test]')")
uvicorn = pytest.importorskip("uvicorn", reason="needs uvicorn (a dependency of diplograph serve)")
serve_app = pytest.importorskip("diplograph.serve.app", reason="needs the app of diplograph serve")


# ---- the store and the server ---------------------------------------------------------------------

@dataclass
class Site:
    base: str
    demo_id: str
    hostile_id: str
    shots: Path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from diplograph.lexicon.tables import shipped_text
    from diplograph.pipeline import Pipeline
    from diplograph.store import Store

    folder = tmp_path_factory.mktemp("browser")
    pipeline = Pipeline()
    demo = pipeline.extract(shipped_text("demo_article.txt"), published="2022-09-21", outlet="CNN en Español",
                            name="demo_article.txt")
    hostile = pipeline.extract(HOSTILE_TEXT, title=HOSTILE, url="javascript:alert(1)", outlet="<b>Evil</b> Times",
                               published="2022-09-22", kind="text", name="hostile")
    db = folder / "sample.duckdb"
    with Store(db) as store:
        store.put(demo)
        store.put(hostile)
    server = uvicorn.Server(uvicorn.Config(serve_app.create_app(db, token=TOKEN), host="127.0.0.1", port=0,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Site(f"http://127.0.0.1:{port}", demo.doc_id, hostile.doc_id, folder / "screenshots")
    finally:
        server.should_exit = True
        thread.join(timeout=5)


@dataclass
class Watched:
    """A page and what it did: every URL it requested, every dialog, every uncaught script error."""

    page: Any
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        hosts = {urlsplit(u).hostname for u in self.requests if urlsplit(u).scheme not in ("data", "blob", "about")}
        assert hosts <= {"127.0.0.1"}, f"the page asked other hosts: {sorted(h or '' for h in hosts)}"
        assert not self.dialogs, f"a dialog opened (injected script ran?): {self.dialogs}"
        assert not self.errors, f"script errors: {self.errors}"


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture()
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    w = Watched(page)
    page.on("request", lambda r: w.requests.append(r.url))
    page.on("dialog", lambda d: (w.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: w.errors.append(str(e)))
    try:
        yield w
    finally:
        context.close()


# ---- screenshots --------------------------------------------------------------------------------

def png_colours(data: bytes) -> int:
    """The number of distinct pixel colours of an 8-bit RGB or RGBA PNG, decoded with the stdlib."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6), f"unexpected PNG format {depth}/{colour_type}"
            bpp = 3 if colour_type == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    seen: set[bytes] = set()
    for r in range(height):
        kind_of_filter = raw[r * (stride + 1)]
        line = bytearray(raw[r * (stride + 1) + 1:(r + 1) * (stride + 1)])
        if kind_of_filter == 1:  # Sub
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 255
        elif kind_of_filter == 2:  # Up
            line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
        elif kind_of_filter == 3:  # Average
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif kind_of_filter == 4:  # Paeth
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]
                c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        seen.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp))
        prev = line
    return len(seen)


def screenshot(site: Site, w: Watched, name: str) -> Path:
    """Save the page's screenshot as ``name``.png and check it is not blank (a page of text, highlights
    and charts has dozens of colours; a blank or one-colour page has one or two)."""
    site.shots.mkdir(parents=True, exist_ok=True)
    path = site.shots / f"{name}.png"
    data = w.page.screenshot(path=str(path))
    assert png_colours(data) > 20, f"screenshot {name} looks blank"
    artifacts = os.environ.get("DIPLOGRAPH_SCREENSHOTS")
    if artifacts:
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(artifacts) / path.name)
    return path


def test_png_colours_tells_a_blank_image_from_a_drawn_one() -> None:
    def png(rows: list[bytes], width: int, height: int) -> bytes:
        def chunk(kind: bytes, body: bytes) -> bytes:
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        raw = b"".join(rows)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    blank = png([b"\x00" + b"\xff" * 12] * 4, 4, 4)
    assert png_colours(blank) == 1
    # one row per filter: None, Sub (each pixel one step up from its left), Up, Average, Paeth
    drawn = png([b"\x00" + bytes([0, 0, 0, 10, 10, 10, 20, 20, 20, 30, 30, 30]),
                 b"\x01" + bytes([5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
                 b"\x02" + bytes([1] * 12), b"\x03" + bytes([0] * 12), b"\x04" + bytes([0] * 12)], 4, 5)
    assert png_colours(drawn) > 4


# ---- the views ----------------------------------------------------------------------------------

def test_article_view_highlights_the_text_and_links_highlights_and_events(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{site.base}/#/doc/{site.demo_id}")
    page.wait_for_selector(".doc-text .hl.trigger")
    assert "Putin" in page.inner_text("h1")
    assert page.locator(".doc-text .hl.actor").count() >= 5
    assert page.locator(".doc-text .hl.quote").count() >= 1
    assert page.locator(".event-list .card").count() >= 10
    # a highlighted trigger selects its event beside the text, with the sentences behind it
    page.locator(".doc-text .hl.trigger", has_text="said").first.click()
    selected = page.locator(".event-list .card.selected")
    assert selected.count() == 1
    page.wait_for_selector(".event-panel .sentence")
    # and back: an event card marks its words in the text
    page.locator(".event-list .card").nth(4).click()
    page.wait_for_selector(".doc-text .hl.selected")
    assert page.locator(".event-list .card").nth(4).get_attribute("class") == "card selected"
    page.wait_for_selector(".event-list .counts a")  # mention and source counts from the linked event
    screenshot(site, watched, "article")
    watched.assert_clean()


def test_hostile_titles_text_and_urls_are_shown_as_text(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{site.base}/#/doc/{site.hostile_id}")
    page.wait_for_selector(".doc-text")
    assert page.inner_text("h1") == HOSTILE
    assert "<img src=x onerror=alert(1)>" in page.inner_text(".doc-text")
    assert "<b>Evil</b> Times" in page.inner_text("section.doc")
    assert page.locator("#view script, #view img, #view b:has-text('Evil')").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.inner_text("section.doc > div .url-text") == "javascript:alert(1)"
    page.locator(".event-list .card").first.click()  # the evidence names the article: its url as text too
    page.wait_for_selector(".event-panel .mention .url-text")
    assert page.locator("a[href^='javascript'], #view img, #view script").count() == 0
    screenshot(site, watched, "hostile-article")
    page.goto(f"{site.base}/#/docs")
    page.wait_for_selector("section.docs tbody tr")
    assert HOSTILE in page.inner_text("section.docs")
    assert page.locator("#view img, a[href^='javascript']").count() == 0
    watched.assert_clean()


def test_events_table_filters_pages_and_opens_the_evidence(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{site.base}/#/events?dyad=RUS-COL")
    page.wait_for_selector("table.events tr.row")
    rows = page.locator("table.events tr.row")
    assert rows.count() >= 2
    assert all("RUS" in rows.nth(i).inner_text() and "COL" in rows.nth(i).inner_text() for i in range(rows.count()))
    rows.first.click()
    page.wait_for_selector("tr.evidence .sentence")
    assert page.locator("tr.evidence .sentence b").count() >= 1  # the trigger marked in its sentence
    screenshot(site, watched, "events")
    # paging: five a page, the next page starts at the sixth
    page.goto(f"{site.base}/#/events?limit=5")
    page.wait_for_selector("table.events tr.row")
    assert page.locator("table.events tr.row").count() == 5
    page.locator(".pager button", has_text="next").first.click()
    page.wait_for_function("location.hash.includes('offset=5')")
    page.wait_for_selector(".pager span:has-text('6–')")
    watched.assert_clean()


def test_dyad_chart_point_leads_to_the_sentences_behind_it(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{site.base}/#/dyad?a=RUS&b=COL&interval=month")
    page.wait_for_selector("svg.dyad-chart circle.point")
    point = page.locator("svg.dyad-chart circle.point[data-series^='cooperation']:not([data-value='0'])").first
    period = point.get_attribute("data-period")
    assert period and period.startswith("2022-")
    screenshot(site, watched, "dyad")
    point.click()
    page.wait_for_selector(".point-events .sentence")
    sentences = page.locator(".point-events .sentence").all_inner_texts()
    assert any("Putin" in s for s in sentences)
    page.locator(".point-events").scroll_into_view_if_needed()
    screenshot(site, watched, "dyad-evidence")
    watched.assert_clean()


def test_dyad_chart_leaves_a_gap_for_weeks_without_events_on_a_time_axis(site: Site, watched: Watched) -> None:
    page = watched.page
    # the sample dates one RUS-COL event in June 2022 and the others in September: weeks apart
    page.goto(f"{site.base}/#/dyad?a=RUS&b=COL&interval=week")
    page.wait_for_selector("svg.goldstein-chart circle.point")
    counts = page.locator("svg.dyad-chart circle.point[data-series^='cooperation']")
    weeks = [counts.nth(i).get_attribute("data-period") or "" for i in range(counts.count())]
    xs = [float(counts.nth(i).get_attribute("cx") or 0) for i in range(counts.count())]
    assert weeks == sorted(weeks) and len(weeks) > 2
    # x is proportional to time: equal steps for consecutive weeks
    assert all(abs((b - a) - (xs[1] - xs[0])) < 0.5 for a, b in itertools.pairwise(xs))
    conflict = page.locator("svg.dyad-chart circle.point[data-series^='conflict']")
    empty = {weeks[i] for i in range(len(weeks))
             if counts.nth(i).get_attribute("data-value") == "0" and conflict.nth(i).get_attribute("data-value") == "0"}
    assert empty, "weeks without events between June and September"
    means = page.locator("svg.goldstein-chart circle.point")
    mean_weeks = {means.nth(i).get_attribute("data-period") for i in range(means.count())}
    assert mean_weeks and not mean_weeks & empty  # a week without events has no mean point (not a 0)...
    assert (page.locator("svg.goldstein-chart path.line").get_attribute("d") or "").count("M") >= 2  # ...but a gap
    screenshot(site, watched, "dyad-weeks-gap")
    watched.assert_clean()


def test_relations_graph_and_map_are_drawn(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{site.base}/#/graph")
    page.wait_for_selector("svg.graph-chart g.node")
    nodes = page.locator("svg.graph-chart g.node")
    assert {"RUS", "COL"} <= {nodes.nth(i).get_attribute("data-id") for i in range(nodes.count())}
    edge = page.locator("svg.graph-chart line.edge[data-a][data-b]").first
    assert edge.get_attribute("stroke")
    screenshot(site, watched, "graph")
    edge.click()  # an edge opens its dyad
    page.wait_for_selector("svg.dyad-chart")
    watched.assert_clean()


def test_map_draws_countries_and_a_place_leads_to_its_sentences(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{site.base}/#/map")
    page.wait_for_selector("svg.map-chart g.country path", state="attached")
    assert page.locator("svg.map-chart g.country").count() > 150  # the outlines, served by the app
    assert page.locator("svg.map-chart circle.place").count() >= 1
    russia = page.locator("svg.map-chart g.country[data-iso2='RU']")
    assert russia.get_attribute("class") == "country has-events" and int(russia.get_attribute("data-events")) >= 1
    assert page.locator("svg.map-chart g.country[data-iso2='BR']").get_attribute("data-events") == "0"
    # Moscow's circle lies inside Russia's outline (the places are projected as the outlines are)
    moscow = page.locator("svg.map-chart circle.place[data-name='Moscow']").bounding_box()
    outline = russia.bounding_box()
    assert moscow and outline
    centre = (moscow["x"] + moscow["width"] / 2, moscow["y"] + moscow["height"] / 2)
    assert outline["x"] < centre[0] < outline["x"] + outline["width"] / 4
    assert outline["y"] < centre[1] < outline["y"] + outline["height"]
    screenshot(site, watched, "map")
    page.locator("svg.map-chart circle.place[data-name='Moscow']").click()
    page.wait_for_selector(".place-events .sentence")
    assert "Moscow" in page.inner_text(".place-events h2")
    assert any("Moscow" in s for s in page.locator(".place-events .card").all_inner_texts())
    screenshot(site, watched, "map-place-events")
    watched.assert_clean()


def test_review_needs_the_token_and_is_shown_once_filed(site: Site, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{site.base}/#/doc/{site.demo_id}")
    page.locator(".event-list .card").first.click()
    form = page.locator(".event-panel form.review-form")
    form.wait_for()
    form.locator("input[name=reviewer]").fill("analyst")
    form.locator("button[type=submit]").click()
    assert "token" in form.locator(".status").inner_text()  # no token yet: nothing sent
    # a wrong token is refused by the server, and the page says so
    page.fill("#token", "not-the-token")
    page.click("#token-form button")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(".event-panel .status.error:has-text('401')")
    assert page.locator(".event-panel .review").count() == 0
    # the right one: a correction with a comment, shown at once and after a reload of the event
    page.fill("#token", TOKEN)
    page.click("#token-form button")
    assert page.input_value("#token") == ""  # kept in sessionStorage, not in the field
    form.locator("select[name=verdict]").select_option("correct")
    form.locator("input[name=cameo]").fill("042")
    form.locator("textarea[name=comment]").fill("<img src=x onerror=alert(1)> a visit, not praise")
    form.locator("button[type=submit]").click()
    review = page.locator(".event-panel .review.correct")
    review.wait_for()
    assert "cameo → 042" in review.inner_text()
    assert "<img src=x onerror=alert(1)> a visit, not praise" in review.inner_text()
    link = page.locator(".event-list .card").first.get_attribute("data-link")
    page.goto(f"{site.base}/#/event/{link}")
    page.wait_for_selector("section.event .review.correct .reviewer:has-text('analyst')")
    page.goto(f"{site.base}/#/doc/{site.demo_id}")  # and on the article, beside its event
    page.wait_for_selector(f".event-list .card[data-link='{link}'] .card-reviews:has-text('latest: correct')")
    screenshot(site, watched, "review")
    watched.assert_clean()


def test_api_docs_render_offline_under_the_policy(site: Site, watched: Watched) -> None:
    page = watched.page
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{site.base}/docs")
    page.wait_for_selector(".opblock-summary-path[data-path]")
    found = page.locator(".opblock-summary-path[data-path]")
    paths = {found.nth(i).get_attribute("data-path") for i in range(found.count())}
    assert "/api/events" in paths and "/api/events/{link_id}/reviews" in paths
    assert any(u.endswith("/vendor/swagger-ui/swagger-ui-bundle.js") for u in watched.requests)
    assert not refused, f"the page's policy refused: {refused}"
    screenshot(site, watched, "api-docs")
    watched.assert_clean()
