"""`factpack site`: the site's sources as files render to the same site without factpack's mkdocs hook,
so a generator that reads mkdocs.yml but runs no hook can build it."""

import os
import subprocess
import sys

from conftest import REPO, run_cli
from site_support import build_site


def _files(folder) -> set:
    """The site's pages and downloads (search index and sitemap aside: generators build their own)."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
            and not p.name.startswith(("search_index", "sitemap"))}


def test_the_sources_render_the_same_pages_without_the_hook(tmp_path):
    sources = tmp_path / "sources"
    assert run_cli("--root", REPO, "site", "--out", str(sources)).code == 0
    assert "hook" not in (sources / "mkdocs.yml").read_text(encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(sources / "mkdocs.yml"),
                           "-d", str(tmp_path / "from-files")], capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    with_hook = build_site(REPO, tmp_path / "with-hook")
    assert _files(tmp_path / "from-files") == _files(with_hook)
    assert (tmp_path / "from-files/reference/tables/events/index.html").is_file()
