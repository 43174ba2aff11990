"""The HTML briefing as a reader sees it: Debian's Chromium, headless, driven by Selenium.

The page must load with no console errors and no network requests, every citation must land
on its source and show its evidence sentence on hover, a phone-width window must not scroll
sideways, and article text must never run as script. Screenshots are saved as artifacts in
`test-artifacts/` (or `SYNTH_ARTIFACTS`).

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

pytestmark = pytest.mark.slow  # a headless Chromium and the real model's briefing

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(os.environ.get("SYNTH_ARTIFACTS", ROOT / "test-artifacts"))

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
        "return [...document.querySelectorAll('ul.topic > li, p.lede')].map(e => e.textContent)"
    )
    for point in aleppo_briefing.ranked_points:
        assert sum(point.point.text in text for text in shown) == 1, point.point.text


def test_no_horizontal_scroll_on_a_phone_and_screenshots(browser, aleppo_page):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        open_page(browser, aleppo_page, width, 800)
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{overflow}px of horizontal scroll at {width}px"
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(width, min(height + 100, 6000))
        assert browser.save_screenshot(str(ARTIFACTS / f"briefing-{width}.png"))


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
        selectors = "h1, h2, li, p.lede, summary, .meta, a.cite, .certainty, .path, th, td"
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
