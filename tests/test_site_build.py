"""The documentation site builds strictly, works offline, and renders contributed text as text."""

import html
import json
import re

import pytest

from conftest import REPO
from site_support import HOSTILE_NAME, HOSTILE_TEXT, build_site, make_hostile


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory):
    return build_site(REPO, tmp_path_factory.mktemp("site"))


def test_pages_exist_for_tables_browser_and_reference(repo_site):
    for page in ("index.html", "downloads/index.html", "browse/timeline/index.html", "browse/timeline/2019/index.html",
                 "reference/overview/index.html",
                 "browse/actors/serikzhan-bilash/index.html", "browse/organizations/atazhurt-eriktileri/index.html",
                 "browse/sources/rferl-2019-03-bilash-lawyer-pressure/index.html", "reference/tables/events/index.html",
                 "reference/codelists/index.html", "reference/error-codes/index.html", "reference/fact-file/index.html",
                 "contributing/index.html", "datasets/csv/events.csv"):
        assert (repo_site / page).is_file(), page
    version = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["version"]
    assert (repo_site / f"factpack-{version}.zip").is_file()


def test_no_page_needs_an_asset_from_another_host(repo_site):
    for page_path in repo_site.rglob("*.html"):
        page = page_path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in page and "fonts.gstatic" not in page, page_path
        for attribute in ('src="http', "src='http", 'href="http://fonts', 'rel="stylesheet" href="http'):
            assert attribute not in page, (page_path, attribute)


def test_actor_page_lists_the_detention_with_its_source(repo_site):
    page = (repo_site / "browse/actors/serikzhan-bilash/index.html").read_text(encoding="utf-8")
    assert "Police detained Serikzhan Bilash in Almaty." in page
    assert "../../sources/rferl-2019-03-bilash-lawyer-pressure/" in page


def test_hostile_text_is_escaped_everywhere(tmp_path, mini):
    make_hostile(mini)
    site = build_site(mini, tmp_path / "site")
    for page_path in site.rglob("*.html"):
        page = page_path.read_text(encoding="utf-8")
        assert '<script>alert(' not in page, page_path
        assert "<img src=x" not in page, page_path
        assert 'href="javascript:' not in page, page_path
    actor = (site / "browse/actors/marat-seitkali/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", actor, flags=re.S).group(1)
    assert html.unescape(title) == HOSTILE_NAME + " - factpack"  # whole, visible, inert
    assert HOSTILE_TEXT in html.unescape(re.sub(r"<[^>]+>", "", actor))
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert not any("<script>alert" in doc["title"] + doc["text"] for doc in index["docs"])


def test_every_internal_link_of_the_browser_resolves(repo_site):
    from urllib.parse import urljoin, urlsplit

    checked = 0
    for page in (repo_site / "browse").rglob("*.html"):
        url = "http://site/" + page.relative_to(repo_site).as_posix()
        for href in re.findall(r'href="([^"#]+)', page.read_text(encoding="utf-8")):
            if href.startswith(("http://", "https://")) and not href.startswith("http://site"):
                continue
            target = urlsplit(urljoin(url, html.unescape(href))).path.lstrip("/")
            path = repo_site / target
            assert path.is_file() or (path / "index.html").is_file(), f"{page}: {href}"
            checked += 1
    assert checked > 100


def test_the_data_dictionary_of_every_table_is_in_the_navigation():
    """mkdocs.yml lists the pages; a new table must not leave its dictionary page out of the menu."""
    from factpack import model

    navigation = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    missing = [t.name for t in model.tables() if f"reference/tables/{t.name}.md" not in navigation]
    assert not missing, f"add these tables' pages to the nav of mkdocs.yml: {missing}"
