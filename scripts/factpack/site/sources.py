"""`factpack site`: the site's sources as plain files, for any generator that reads mkdocs.yml.

The mkdocs hook adds the generated pages in memory; a generator that runs no mkdocs hook (Zensical,
mkdocs-material's successor, reads mkdocs.yml but not its hooks) needs them as files. This writes the
hand-written pages of docs/ and every generated page and download into one folder, with a copy of
mkdocs.yml that points at it and names no hook.
"""

import shutil
from pathlib import Path

from factpack.site.hook import pages

HOOK_LINES = ("hooks:", "  - scripts/factpack/site/hook.py")


def _config(root: Path) -> str:
    """mkdocs.yml without its hook, reading the pages from docs/ beside it."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if line not in HOOK_LINES]
    if len(kept) != len(lines) - len(HOOK_LINES):
        raise ValueError("mkdocs.yml does not name factpack's hook as expected")
    return "\n".join(kept) + "\n"


def write(root: Path, out: Path) -> int:
    """Write the sources into `out` (replacing what a previous run wrote); returns the number of files."""
    docs = out / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(root / "docs", docs)
    count = 0
    for path, content in pages(root).items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        count += 1
    (out / "mkdocs.yml").write_text(_config(root), encoding="utf-8")
    return count
