"""mkdocs hook: every generated page and download is added at build time (nothing generated is committed).

The site's content comes from factpack's own renderers; this file is only the
thin glue to mkdocs, so that another generator reading mkdocs.yml could replace it.
"""

import os
from pathlib import Path

from mkdocs.structure.files import File

from factpack import model
from factpack.site import browse, home, reference
from factpack.site.dataset import Dataset


def _root(config) -> Path:
    return Path(os.environ.get("FACTPACK_ROOT") or Path(config.config_file_path).parent)


def pages(root: Path) -> dict:
    """Site path → content (str for pages, bytes for downloads)."""
    ds = Dataset.load(root)
    files = home.published_files(ds)
    out = dict(files)
    out[home.zip_name(ds)] = home.package_zip(files)
    for page in [home.home(ds), home.downloads(ds, files)]:
        out[page.path] = page.render()
    for page in browse.pages(ds):
        out["browse/" + page.path] = page.render()
    for table_model in model.tables():
        out[f"reference/tables/{table_model.name}.md"] = reference.data_dictionary(table_model)
    out["reference/codelists.md"] = reference.codelists()
    out["reference/overview.md"] = reference.overview()
    out["reference/error-codes.md"] = reference.error_codes()
    out["reference/fact-file.md"] = reference.fact_file()
    # CONTRIBUTING.md links the docs from the repository's top (docs/x.md); on the site it sits beside them
    out["contributing.md"] = (
        (root / "CONTRIBUTING.md").read_text(encoding="utf-8").replace("](docs/", "](")
        if (root / "CONTRIBUTING.md").is_file()
        else "# Contributing\n"
    )
    return out


def on_files(files, config):
    for path, content in pages(_root(config)).items():
        files.append(File.generated(config, path, content=content))
    return files
