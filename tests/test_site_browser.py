"""The site as a reader uses it, in headless Chromium (Debian's package, driven by Playwright)."""

import hashlib
import urllib.parse
import json
import shutil
import urllib.request
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from site_support import HOSTILE_NAME, HOSTILE_TEXT, build_site, make_hostile, serve

# Debian's Chromium here and in CI; a hosted runner has Google Chrome preinstalled, which drives the same way
CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "install Chromium: apt-get install chromium (make test does it when root)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def repo_url(tmp_path_factory):
    site = build_site(REPO, tmp_path_factory.mktemp("site"))
    with serve(site) as url:
        yield url


def _page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.errors, page.dialogs = [], []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def test_home_page_loads_without_console_errors(browser, repo_url):
    ARTIFACTS.mkdir(exist_ok=True)
    page = _page(browser)
    page.goto(repo_url + "/")
    assert "factpack" in page.title()
    assert page.locator("text=How to cite").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "home.png"), full_page=True)
    assert page.errors == []


def test_search_finds_bilash(browser, repo_url):
    page = _page(browser)
    page.goto(repo_url + "/")
    page.wait_for_load_state("networkidle")  # the search worker has fetched its index
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("Bilash", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=30000)
    assert page.locator(".md-search-result__item").count() >= 1
    assert "Bilash" in page.locator(".md-search-result").inner_text()


def test_a_download_link_returns_the_bytes_the_package_declares(browser, repo_url):
    page = _page(browser)
    page.goto(repo_url + "/downloads/")
    page.screenshot(path=str(ARTIFACTS / "downloads.png"), full_page=True)
    href = page.locator("a", has_text="datasets/csv/events.csv").first.get_attribute("href")
    url = urllib.parse.urljoin(page.url, href)
    data = urllib.request.urlopen(url).read()
    package = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    declared = next(r["hash"] for r in package["resources"] if r["path"] == "datasets/csv/events.csv")
    assert declared == "sha256:" + hashlib.sha256(data).hexdigest(), url


def test_actor_page_lists_the_detention_with_its_source(browser, repo_url):
    page = _page(browser)
    page.goto(repo_url + "/browse/actors/serikzhan-bilash/")
    page.screenshot(path=str(ARTIFACTS / "actor-serikzhan-bilash.png"), full_page=True)
    row = page.locator("tr", has_text="Police detained Serikzhan Bilash in Almaty.")
    assert row.count() == 1
    assert "2019-03-10" in row.inner_text()
    assert row.locator("a", has_text="Radio Free Europe/Radio Liberty").count() == 1
    page.goto(repo_url + "/reference/tables/events/")
    page.screenshot(path=str(ARTIFACTS / "table-events.png"), full_page=True)
    assert page.errors == []


def test_hostile_text_fires_nothing_and_shows_whole(browser, tmp_path, mini):
    make_hostile(mini)
    site = build_site(mini, tmp_path / "site")
    with serve(site) as url:
        page = _page(browser)
        for path in ("/", "/browse/timeline/", "/browse/timeline/2019/", "/browse/actors/marat-seitkali/",
                     "/browse/sources/mini-article/"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            assert page.evaluate("document.querySelectorAll('img[src=\"x\"], a[href^=\"javascript\"]').length") == 0
            scripts = page.evaluate("[...document.scripts].map(s => s.textContent).join(' ')")
            assert 'alert("' not in scripts
        page.goto(url + "/browse/actors/marat-seitkali/")
        assert page.title() == HOSTILE_NAME + " - factpack"
        body = page.inner_text("body")
        assert HOSTILE_NAME in body
        page.goto(url + "/browse/timeline/2019/")
        assert HOSTILE_TEXT in page.inner_text("body")
        page.screenshot(path=str(ARTIFACTS / "hostile-timeline.png"), full_page=True)
        assert page.dialogs == []


def _edit_json(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def test_hostile_dataset_description_fires_nothing(browser, tmp_path, mini):
    """Text in datasets/package.json is valid as text, and shown as text on the home and downloads pages."""
    def hostile(data):
        data["title"] = HOSTILE_NAME
        data["description"] = HOSTILE_TEXT
        data["licenses"][0]["title"] = HOSTILE_TEXT
    _edit_json(mini / "datasets/package.json", hostile)
    assert run_cli("--root", mini, "build").code == 0
    # a link URL edited into the built descriptor by hand, past the schema: Markdown must not re-read it
    _edit_json(mini / "datapackage.json",
               lambda d: d["licenses"][0].__setitem__("path", "https://example.org/[x](onmouseover=alert(1)//)"))
    site = build_site(mini, tmp_path / "site")
    with serve(site) as url:
        page = _page(browser)
        for path in ("/", "/downloads/"):
            page.goto(url + path)
            page.wait_for_load_state("load")
            for link in page.locator("a[href*='example.org']").all():
                link.hover()
            assert page.evaluate("document.querySelectorAll('[onmouseover], img[src=\"x\"]').length") == 0
        page.goto(url + "/")
        assert HOSTILE_TEXT in page.inner_text("body")
        assert page.locator("a[href*='example.org']").count() == 1
        assert page.locator("a[href*='example.org']").get_attribute("href") == "https://example.org/[x](onmouseover=alert(1)//)"
        assert page.dialogs == []


def test_a_descriptor_version_carrying_markup_stops_the_site_build(tmp_path, mini):
    assert run_cli("--root", mini, "build").code == 0
    _edit_json(mini / "datapackage.json", lambda d: d.__setitem__("version", "0.1.0<img src=x onerror=alert(1)>"))
    with pytest.raises(AssertionError, match="cannot be a download's file name"):
        build_site(mini, tmp_path / "site")


def _rows(page) -> list:
    return page.locator("#fp-table tbody tr").all_inner_texts()


def test_the_events_browser_filters_and_sorts(browser, repo_url):
    page = _page(browser)
    page.goto(repo_url + "/browse/events/")
    page.wait_for_function("document.getElementById('fp-count').textContent.indexOf(' of ') > 0")
    events = json.loads((REPO / "datasets/json/events_flat.json").read_text(encoding="utf-8"))
    assert len(_rows(page)) == len(events)
    page.select_option("select[name=type]", "arrest")
    assert len(_rows(page)) == sum(1 for e in events if e["type"] == "arrest") > 0
    page.select_option("select[name=type]", "")
    page.fill("input[name=person]", "Kelley Currie")
    currie = [e for e in events if any("Kelley Currie" in (e[c] or []) for c in e if c.endswith("_names"))]
    assert len(_rows(page)) == len(currie) > 0
    page.fill("input[name=person]", "")
    page.fill("input[name=from]", "2019-08-01")
    assert len(_rows(page)) == sum(1 for e in events if e["date_end"] >= "2019-08-01") > 0
    page.fill("input[name=from]", "")
    page.click("th[data-key=date_start] button")  # already ascending: now descending
    dates = [row.split("\t")[0] for row in _rows(page)]
    first = max(events, key=lambda e: (e["date_start"] or e["date_end"], e["event_id"]))
    assert dates[0] == first["date"]
    assert page.errors == []


def test_the_events_browser_shows_hostile_text_as_text(browser, tmp_path, mini):
    make_hostile(mini)
    site = build_site(mini, tmp_path / "site")
    page = _page(browser)
    with serve(site) as url:
        page.goto(url + "/browse/events/")
        page.wait_for_function("document.getElementById('fp-count').textContent.indexOf(' of ') > 0")
        assert any(HOSTILE_TEXT in row for row in _rows(page))
    assert page.dialogs == [] and page.errors == []


def test_data_dictionary_tables_fit_the_page(browser, repo_url):
    from factpack import model

    page = _page(browser)
    for table in model.tables():
        page.goto(repo_url + f"/reference/tables/{table.name}/")
        overflow = page.evaluate("""() => Array.from(document.querySelectorAll('.md-typeset table')).map(t =>
            t.scrollWidth - t.closest('.md-typeset__scrollwrap').clientWidth)""")
        assert overflow and max(overflow) <= 0, (table.name, overflow)
