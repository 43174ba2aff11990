"""The HTML briefing as a reader sees it: Debian's Chromium, headless, driven by Selenium.

The page must load with no console errors and no network requests, every citation must land
on its source and show its evidence sentence on hover, every point's evidence must open in
place on a tap, from the keyboard and in print, a phone-width window must not scroll
sideways, axe-core must find no serious or critical accessibility violation, and article text
must never run as script. Screenshots are saved as artifacts in `test-artifacts/` (or
`SYNTH_ARTIFACTS`); docs/screenshots.md says how to make them.

Outside CI the tests skip when Chromium is missing; in CI (`CI` set) they fail instead, since
`.ci/run` installs it.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
from pathlib import Path

import pytest

from synth.read.reflow import flat_text
from synth.write.render import render
from tests.conftest import ROOT, FakeEmbedder, briefing_of_lines
from tests.day_feed import AFTERNOON, MORNING, write_half

pytestmark = pytest.mark.slow  # a headless Chromium and the real model's briefing

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(os.environ.get("SYNTH_ARTIFACTS", ROOT / "test-artifacts"))
AXE = ROOT / "tests" / "vendor" / "axe.min.js"
WIDTHS = (1280, 390)  # a laptop and a phone

if not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"):
    pytest.skip("Chromium and chromedriver are not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.get("about:blank")  # leave the browser's own first tab (a new-tab page) behind
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def aleppo_page(tmp_path_factory, aleppo_briefing):
    path = tmp_path_factory.mktemp("page") / "aleppo.html"
    path.write_text(render(aleppo_briefing, "html"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def day_folder(tmp_path_factory) -> Path:
    """A day's feed whose articles carry outlets, web addresses and times."""
    folder = tmp_path_factory.mktemp("day") / "feed"
    write_half(folder, MORNING)
    return write_half(folder, AFTERNOON)


@pytest.fixture(scope="module")
def linked_page(tmp_path_factory, day_folder):
    """A briefing of three outlets' articles whose web addresses and times are known."""
    import synth

    paths = sorted(str(p) for p in day_folder.glob("bridge-*.txt"))
    briefing = synth.brief(paths, embedder=FakeEmbedder(), use_cache=False)
    path = tmp_path_factory.mktemp("linked") / "bridge.html"
    path.write_text(render(briefing, "html"), encoding="utf-8")
    return path, briefing


@pytest.fixture(scope="module")
def digest_index(tmp_path_factory):
    """The index of a digest of the whole day, following the morning's digest: one story
    updated, one new, one unchanged."""
    from synth.digest import digest

    folder = tmp_path_factory.mktemp("digest")
    feed, out = write_half(folder / "feed", MORNING), folder / "out"
    digest([str(feed)], out, embedder=FakeEmbedder(), use_cache=False)
    digest([str(write_half(feed, AFTERNOON))], out, embedder=FakeEmbedder(), use_cache=False)
    return out / "index.html"


def open_page(browser, path: Path, width: int = 1280, height: int = 900) -> None:
    browser.set_window_size(width, height)
    browser.get_log("browser")
    browser.get_log("performance")
    browser.get(path.as_uri())


BROWSER_PAGES = ("chrome:", "chrome-untrusted:", "chrome-search:", "devtools:")


def requests_made(browser) -> list[str]:
    """Network requests of the page under test: what the browser's own pages load (Debian's
    Chromium fills its first tab with chrome://new-tab-page, which fetches dozens of files)
    is not the page's doing, and neither is reading the page file itself."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] != "Network.requestWillBeSent":
            continue
        params = message["params"]
        url = params["request"]["url"]
        if not params.get("documentURL", "").startswith(BROWSER_PAGES) and not url.startswith(
            BROWSER_PAGES
        ):
            urls.append(url)
    return [u for u in urls if not u.startswith(("file://", "data:", "about:"))]


def test_page_loads_without_errors_or_network_requests(browser, aleppo_page):
    open_page(browser, aleppo_page)
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []
    assert requests_made(browser) == []
    assert browser.execute_script("return document.documentElement.lang") == "en"
    assert browser.title.startswith("Russia")


def test_the_request_check_sees_what_a_page_loads(browser, tmp_path):
    page = tmp_path / "loads.html"
    page.write_text('<!doctype html><img src="http://127.0.0.1:9/x.png" alt="">', "utf-8")
    open_page(browser, page)
    assert requests_made(browser) == ["http://127.0.0.1:9/x.png"]


def test_every_citation_lands_on_its_source(browser, aleppo_page):
    open_page(browser, aleppo_page)
    targets = browser.execute_script(
        "return [...document.querySelectorAll('a.cite')].map(a => a.getAttribute('href'))"
    )
    assert targets
    for href in set(targets):
        inside = browser.execute_script(
            "const t = document.getElementById(arguments[0]);"
            "return !!t && !!t.closest('ol.sources')",
            href.removeprefix("#"),
        )
        assert inside, href
    first = browser.find_element("css selector", "a.cite")
    first.click()
    assert browser.execute_script("return location.hash") == first.get_attribute("href")[-9:]


def test_hover_text_of_a_citation_is_its_evidence(browser, aleppo_page, aleppo_briefing):
    open_page(browser, aleppo_page)
    titles = browser.execute_script(
        "return [...document.querySelectorAll('ul.topic > li')]"
        ".map(li => [...li.querySelectorAll('a.cite')].map(a => a.title))"
    )
    expected = [
        [
            flat_text(next(e.text for e in p.point.evidence if e.source == s))
            for s in p.point.sources
        ]
        for section in aleppo_briefing.sections
        for p in section.points
    ]
    assert titles == expected


def test_appendix_is_collapsed_and_opens_with_the_keyboard(browser, aleppo_page):
    from selenium.webdriver.common.keys import Keys

    open_page(browser, aleppo_page)
    details = browser.find_element("css selector", "details.appendix")
    coverage = browser.find_element("id", "coverage")
    assert details.get_attribute("open") is None and not coverage.is_displayed()
    summary = details.find_element("tag name", "summary")
    browser.execute_script("arguments[0].focus()", summary)
    assert browser.switch_to.active_element == summary
    summary.send_keys(Keys.ENTER)
    assert details.get_attribute("open") is not None and coverage.is_displayed()
    inside = details.find_element("css selector", "a.cite")
    inside.click()
    assert browser.execute_script("return location.hash") == inside.get_attribute("href")[-9:]
    summary.send_keys(Keys.SPACE)
    assert details.get_attribute("open") is None


def test_lede_opens_the_page_and_no_point_is_shown_twice(browser, aleppo_page, aleppo_briefing):
    open_page(browser, aleppo_page)
    first = browser.execute_script("return document.querySelector('main > section').className")
    assert first == "lede"
    shown = browser.execute_script(
        "return [...document.querySelectorAll('span.point')].map(e => e.textContent)"
    )
    assert len(shown) == len(aleppo_briefing.ranked_points)
    for point in aleppo_briefing.ranked_points:
        assert sum(point.point.text in text for text in shown) == 1, point.point.text


def tap(browser, element) -> None:
    """A finger's tap on `element` (touch pointer events, as a phone sends them)."""
    from selenium.webdriver.common.actions import interaction
    from selenium.webdriver.common.actions.action_builder import ActionBuilder
    from selenium.webdriver.common.actions.pointer_input import PointerInput

    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    actions = ActionBuilder(browser, mouse=PointerInput(interaction.POINTER_TOUCH, "finger"))
    actions.pointer_action.move_to(element).pointer_down().pointer_up()
    actions.perform()


def overflow(browser) -> int:
    return browser.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def screenshot(browser, name: str, width: int) -> None:
    """The whole page at `width` into the artifacts folder."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(width, min(height + 100, 6000))
    assert browser.save_screenshot(str(ARTIFACTS / f"{name}-{width}.png"))


@pytest.mark.parametrize("width", WIDTHS)
def test_a_tap_opens_a_points_evidence_in_place(browser, aleppo_page, aleppo_briefing, width):
    open_page(browser, aleppo_page, width, 800)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    try:
        item = browser.find_elements("css selector", "ul.topic > li")[0]
        details = item.find_element("css selector", "details.evidence")
        quotes = details.find_elements("tag name", "blockquote")
        assert details.get_attribute("open") is None and not quotes[0].is_displayed()
        tap(browser, details.find_element("tag name", "summary"))
        assert details.get_attribute("open") is not None
        assert all(q.is_displayed() for q in quotes)
        point = aleppo_briefing.sections[0].points[0].point
        assert [q.text for q in quotes] == [flat_text(e.text) for e in point.evidence]
        lede = browser.find_element("css selector", "div.lede details.evidence")
        tap(browser, lede.find_element("tag name", "summary"))
        assert lede.get_attribute("open") is not None
        assert overflow(browser) <= 0, f"{overflow(browser)}px of horizontal scroll at {width}px"
        screenshot(browser, "briefing", width)
    finally:
        browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def test_no_horizontal_scroll_on_a_small_phone(browser, aleppo_page):
    open_page(browser, aleppo_page, 375, 800)
    browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert overflow(browser) <= 0, f"{overflow(browser)}px of horizontal scroll at 375px"


def test_evidence_opens_from_the_keyboard_with_a_visible_focus(browser, aleppo_page):
    from selenium.webdriver.common.keys import Keys

    open_page(browser, aleppo_page)
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.TAB)
    for _ in range(60):
        if browser.switch_to.active_element.tag_name == "summary":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    summary = browser.switch_to.active_element
    assert summary.tag_name == "summary"
    style = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth]",
        summary,
    )
    assert style[0] == "solid" and float(style[1].removesuffix("px")) >= 2
    details = summary.find_element("xpath", "..")
    summary.send_keys(Keys.ENTER)
    assert details.get_attribute("open") is not None
    assert details.find_element("tag name", "blockquote").is_displayed()


def test_print_shows_every_evidence_and_the_appendix(browser, aleppo_page):
    open_page(browser, aleppo_page)
    visible = "return [...document.querySelectorAll(arguments[0])].map(e => e.checkVisibility())"
    assert not any(browser.execute_script(visible, "ul.evidence"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.execute_script(visible, "ul.evidence, #coverage")
        assert shown and all(shown)
        assert not any(browser.execute_script(visible, "details.evidence > summary"))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_evidence_names_outlet_and_date_and_links_the_article(browser, linked_page):
    path, briefing = linked_page
    open_page(browser, path)
    assert requests_made(browser) == []
    sources = {s.id: s for s in briefing.sources}
    said = browser.execute_script(
        "return [...document.querySelectorAll('p.said')].map(p => [p.textContent,"
        " [...p.querySelectorAll('a')].map(a => a.getAttribute('href'))])"
    )
    assert said
    for text, links in said:
        number = int(text[1 : text.index("]")])
        source = sources[number]
        assert links == [f"#source-{number}", source.url]
        assert source.outlet in text and source.published[:10] in text
    entries = browser.execute_script(
        "return [...document.querySelectorAll('ol.sources > li')].map(li =>"
        " [...li.querySelectorAll('a')].map(a => a.getAttribute('href')))"
    )
    assert entries == [[s.url] for s in briefing.sources]


def axe_violations(browser) -> list[list]:
    """axe-core's serious and critical violations on the page: rule, impact, where."""
    browser.set_script_timeout(60)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    found = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then("
        "  r => done(r.violations.map(v => [v.id, v.impact, v.nodes.map(n => n.target)])),"
        "  e => done([['axe failed', 'critical', String(e)]]));"
    )
    return [v for v in found if v[1] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_a_briefing(browser, aleppo_page, linked_page, scheme):
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    try:
        for page in (aleppo_page, linked_page[0]):
            open_page(browser, page)
            browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = 1)")
            assert axe_violations(browser) == [], page.name
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_a_digest(browser, digest_index, scheme):
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    try:
        for page in (digest_index, digest_index.parent / "story-001.html"):
            open_page(browser, page)
            browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = 1)")
            assert axe_violations(browser) == [], page.name
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_the_axe_check_sees_a_violation(browser, tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html><body><img src="data:,"><a href="#"></a>', "utf-8")
    open_page(browser, page)
    assert {v[0] for v in axe_violations(browser)} >= {"image-alt", "link-name"}


@pytest.mark.parametrize("width", WIDTHS)
def test_digest_index_fits_a_phone_and_screenshots(browser, digest_index, width):
    open_page(browser, digest_index, width, 800)
    assert overflow(browser) <= 0, f"{overflow(browser)}px of horizontal scroll at {width}px"
    assert requests_made(browser) == []
    marks = browser.execute_script(
        "return [...document.querySelectorAll('article.story')].map(a =>"
        " (a.querySelector('.mark') || {}).textContent || '')"
    )
    assert sorted(marks) == ["", "New", "Updated"]
    screenshot(browser, "digest", width)
    story = browser.find_element("css selector", "h2.headline a")
    tap(browser, story)
    assert browser.current_url.endswith("story-001.html")
    assert browser.find_element("css selector", "#since").text.startswith("NEW SINCE")
    back = browser.find_element("css selector", "nav.back a")
    assert back.get_attribute("href").endswith("/index.html")
    screenshot(browser, "digest-story", width)


def test_headings_are_in_order_and_landmarks_exist(browser, aleppo_page):
    open_page(browser, aleppo_page)
    levels = browser.execute_script(
        "return [...document.querySelectorAll('h1,h2,h3,h4')].map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    assert browser.execute_script("return !!document.querySelector('main header h1')")


def test_dark_theme_follows_the_system(browser, aleppo_page):
    open_page(browser, aleppo_page)
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": "dark"}]},
    )
    background = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(23, 24, 26)"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "briefing-dark-1280.png"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_injected_script_never_runs(browser, tmp_path):
    attack = (
        "Officials said </li><script>window.__injected = 1</script> and "
        '<img src="https://example.invalid/x.png" onerror="window.__injected = 2"> '
        "and [x](javascript:alert(1)) were in the text on Monday afternoon.\n"
    )
    articles = {
        "a.txt": attack + "A second sentence about the harbour is here too.\n",
        "b.txt": attack,
    }
    briefing = briefing_of_lines(articles, FakeEmbedder())  # past the cleaner, which drops markup
    assert any("<script>" in p.point.text for p in briefing.ranked_points)
    page = tmp_path / "attack.html"
    page.write_text(render(briefing, "html"), encoding="utf-8")
    open_page(browser, page)
    assert browser.execute_script("return window.__injected === undefined")
    assert browser.execute_script("return document.querySelectorAll('script, img').length") == 0
    assert requests_made(browser) == []


CONTRAST = """
function lum(c) {
  const [r, g, b] = c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const bg = lum(getComputedStyle(document.body).backgroundColor);
return [...document.querySelectorAll(arguments[0])].map(el => {
  const fg = lum(getComputedStyle(el).color);
  return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
});
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_is_at_least_4_5(browser, aleppo_page, scheme):
    open_page(browser, aleppo_page)
    browser.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )
    try:
        browser.execute_script("document.querySelectorAll('details').forEach(d => d.open = 1)")
        selectors = (
            "h1, h2, li, div.lede, summary, .meta, a.cite, .certainty, .path, th, td, "
            "blockquote, p.said, p.said a"
        )
        ratios = browser.execute_script(CONTRAST, selectors)
        assert ratios and min(ratios) >= 4.5, min(ratios)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_keyboard_focus_is_visible(browser, aleppo_page):
    from selenium.webdriver.common.keys import Keys

    open_page(browser, aleppo_page)
    browser.find_element("tag name", "body").send_keys(Keys.TAB)
    style = browser.execute_script(
        "const s = getComputedStyle(document.activeElement);"
        "return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]"
    )
    assert style[0] == "A" and style[1] != "none" and style[2] != "0px"
