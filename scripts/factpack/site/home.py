"""The home page and the downloads page (with the whole package as one deterministic zip)."""

import hashlib
import io
import re
import tempfile
import zipfile
from pathlib import Path

from factpack import schema_outputs, sqlite_export
from factpack.outputs import CHECKSUMS, listed_name, table_path
from factpack.site.markdown import link, table, text
from factpack.site.pages import Page

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the zip is the same bytes on every build


def published_files(ds) -> dict:
    """Site path → bytes of every file a user can download: the package, and its SQLite database for Datasette."""
    listed = (ds.root / CHECKSUMS).read_text(encoding="utf-8").splitlines()
    names = [listed_name(line.split("  ", 1)[1]) for line in listed] + [CHECKSUMS]
    files = {_plain_name(name): (ds.root / name).read_bytes() for name in sorted(names)}
    return files | _database(ds)


def _database(ds) -> dict:
    """The SQLite export, made here rather than committed (its bytes depend on the SQLite library)."""
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "factpack.sqlite"
        sqlite_export.write(ds.root, database)
        described = schema_outputs.dumps(sqlite_export.metadata(ds.descriptor, database.stem)).encode("utf-8")
        return {"datasets/factpack.sqlite": database.read_bytes(), "datasets/factpack.datasette.json": described}


def package_zip(files: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(f"factpack/{name}", date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


# A file name placed in a Markdown link must not carry Markdown or HTML: the version is a Semantic
# Version (schema/package.schema.json) and resource paths are made by the build, so this only
# guards against a descriptor edited by hand after the build.
_PLAIN_NAME = re.compile(r"[0-9A-Za-z._/+-]+")


def _plain_name(name: str) -> str:
    if not _PLAIN_NAME.fullmatch(name):
        raise ValueError(f"{name!r} cannot be a download's file name; rebuild the package with `factpack build`")
    return name


def zip_name(ds) -> str:
    return _plain_name(f"factpack-{ds.descriptor['version']}.zip")


def downloads(ds, files: dict) -> Page:
    rows_per_path = {table_path(name, fmt): len(rows) for name, rows in ds.rows.items() for fmt in ("csv", "json")}
    bundle = package_zip(files)
    rows = [[f"[{zip_name(ds)}]({zip_name(ds)})", "zip", "", f"{len(bundle):,}", f"`{hashlib.sha256(bundle).hexdigest()}`"]]
    for name, data in files.items():
        fmt = name.rsplit(".", 1)[-1] if "." in name else "text"
        rows.append(
            [
                f"[{_plain_name(name)}]({_plain_name(name)})",
                fmt,
                f"{rows_per_path[name]:,}" if name in rows_per_path else "",
                f"{len(data):,}",
                f"`{hashlib.sha256(data).hexdigest()}`",
            ]
        )
    body = ("The whole package as one zip, or each table as CSV, JSON or Parquet, and the package as a SQLite database "
            "with its [Datasette](https://datasette.io/) metadata (`datasette factpack.sqlite -m factpack.datasette.json`). "
            "Verify a download with `cd datasets && sha256sum -c SHA256SUMS` (the database is made when the site is "
            "built, so its hash is the one on this page) or `frictionless validate datapackage.json`.\n\n"
            + table(["file", "format", "rows", "bytes", "sha256"], rows))
    return Page("downloads.md", "Downloads", body)


def home(ds) -> Page:
    d = ds.descriptor
    counts = table(["table", "rows"], [[f"[{name}](reference/tables/{name}.md)", f"{len(rows):,}"]
                                       for name, rows in ds.rows.items()])
    licences = "; ".join(link(lic.get("title", lic["name"]), lic.get("path")) for lic in d.get("licenses", []))
    body = (f"{text(d['description'])}\n\n**Data version:** {text(d['version'])}\n\n"
            f"**Licences:** {licences}. Archived article texts are not part of the package and remain under "
            "their publishers' terms.\n\n## What is in it\n\n" + counts +
            "\nStart with the [timeline](browse/timeline.md), the [downloads](downloads.md) or the "
            "[data dictionary](reference/tables/events.md).\n\n## How to cite\n\n"
            f"> The factpack contributors. *{text(d['title'])}*, version {text(d['version'])}. "
            "Data licensed CC BY 4.0.\n")
    return Page("index.md", "factpack", body)
