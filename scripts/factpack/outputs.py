"""Rows → the bytes of every published file: CSV and JSON tables and datapackage.json.

Deterministic by construction: rows arrive sorted, columns come from the model,
JSON is written in one style, line ends are LF, text is UTF-8, and no clock is read.
"""

import csv
import hashlib
import io
import json
import operator
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field

from factpack import codelist_outputs, model, parquet_outputs, row_spool, schema_outputs
from factpack.layout import table_path

CHECKSUMS = "datasets/SHA256SUMS"
DESCRIPTOR = "datapackage.json"
# One folder per format; a build owns the files of its format in it (and removes those it no longer writes).
PUBLISHED_FOLDERS = {"datasets/csv": ".csv", "datasets/json": ".json", parquet_outputs.FOLDER: ".parquet",
                     codelist_outputs.FOLDER: ".csv"}
CSV_DIALECT = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True, "lineTerminator": "\n"}


def _cells(table: model.Table):
    """Row → its CSV cells in column order. The csv writer itself writes None as an empty
    cell and a number as its digits; only list columns need joining."""
    names = [c.name for c in table.columns]
    take = operator.itemgetter(*names) if len(names) > 1 else (lambda row: (row[names[0]],))
    lists = [(i, c.delimiter) for i, c in enumerate(table.columns) if c.delimiter]
    if not lists:
        return take

    def cells(row):
        values = list(take(row))
        for index, delimiter in lists:
            if isinstance(values[index], list):
                values[index] = delimiter.join(values[index])
        return values
    return cells


def _writer(buffer: io.StringIO):
    """The published CSV dialect (CSV_DIALECT): comma, minimal quoting, LF line ends."""
    return csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)


def csv_rows(table: model.Table, rows: list, header: bool = False) -> str:
    buffer = io.StringIO()
    writer = _writer(buffer)
    if header:
        writer.writerow([c.name for c in table.columns])
    writer.writerows(map(_cells(table), rows))
    return buffer.getvalue()


def csv_lines(table: model.Table, rows: list) -> list:
    """Each row's CSV text, line end included: what csv_rows writes, cut at the rows' ends (a quoted cell may
    hold a line break, so the text cannot be split at line ends)."""
    buffer = io.StringIO()
    writer = _writer(buffer)
    ends, end = [], 0
    for length in map(writer.writerow, map(_cells(table), rows)):  # writerow returns what was written
        end += length
        ends.append(end)
    text = buffer.getvalue()
    return [text[start:stop] for start, stop in zip([0] + ends, ends)]


# One encoder for every row: json.dumps with options would build a new one per call.
_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def _row_writer():
    """What _ROW_ENCODER.encode does to a row, with the C encoder made once: `encode` makes a new one per call,
    which was 40 % of the time for the small rows of a fact file's statements. Rows hold no cycles, so the
    check for them (`markers`) is left out; the text is the same. None where Python has no C encoder."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None

    def refuse(value):
        return _ROW_ENCODER.default(value)  # the TypeError json.dumps raises for a value it cannot write

    return make(None, refuse, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)


_ROW_WRITER = _row_writer()


def json_rows(rows: list) -> str:
    """Row objects, one per line, separated by commas (the inside of a JSON array)."""
    return ",\n".join(json_texts(rows))


def json_texts(rows: list) -> list:
    """Each row's JSON object, as json_rows writes it."""
    if _ROW_WRITER is None:
        return list(map(_ROW_ENCODER.encode, rows))
    write = _ROW_WRITER
    return ["".join(write(row, 0)) for row in rows]


@dataclass
class Rendered:
    """A table whose rows were rendered in parts (one per fact file, in primary-key order), to be joined.
    Parts are UTF-8 bytes, or row_spool pieces of them, so that the whole table is never held as text as well."""
    csv: list = field(default_factory=list)  # CSV bytes of each part's rows
    json: list = field(default_factory=list)  # json_rows() of each part, encoded
    count: int = 0

    def add(self, csv_part: "bytes | row_spool.Piece", json_part: "bytes | row_spool.Piece", count: int) -> None:
        if count:
            self.csv.append(csv_part)
            self.json.append(json_part)
            self.count += count

    def __len__(self) -> int:
        return self.count


def render_csv(table: model.Table, rows) -> bytes | bytearray:
    if isinstance(rows, Rendered):  # one buffer: at 20,000 articles a table is hundreds of megabytes
        return row_spool.joined(rows.csv, head=csv_rows(table, [], header=True).encode("utf-8"))
    return csv_rows(table, rows, header=True).encode("utf-8")


def render_json(rows) -> bytes | bytearray:
    """A JSON array with one row object per line: readable, diffable and streamable."""
    if not len(rows):
        return b"[]\n"
    if isinstance(rows, Rendered):  # one buffer, as for CSV
        return row_spool.joined(rows.json, separator=b",\n", head=b"[\n", tail=b"\n]\n")
    return b"[\n" + json_rows(rows).encode("utf-8") + b"\n]\n"


def _resource(table, path, digest: "Digest", fmt: str, schema: dict) -> dict:
    resource = {
        "name": table.name if fmt == "csv" else f"{table.name}-json",
        "type": "table",
        "path": path,
        "title": f"{table.title} ({fmt.upper()})",
        "description": table.description,
        "format": fmt,
        "mediatype": "text/csv" if fmt == "csv" else "application/json",
        "encoding": "utf-8",
    }
    if fmt == "csv":
        # frictionless-py cannot count the bytes of a JSON resource ("actual is None"), so
        # declared sizes are given for CSV only; SHA256SUMS covers every published file.
        resource["bytes"] = digest.size
        resource["hash"] = "sha256:" + digest.sha256
        resource["dialect"] = CSV_DIALECT
    resource["schema"] = schema
    return resource


# Every resource states the data's licence (the package's first). The quotes in citations are the publishers' words,
# which the project cannot license: they are published as short, attributed quotations, so that anyone can check
# each fact against its source (docs/quotes.md).
QUOTATIONS = {"title": "The quote column: the publishers' words, quoted briefly and with attribution so that each fact "
                       "can be checked; not licensed by factpack", "path": "https://factpack.github.io/factpack/quotes/"}


def _sources(rows: list) -> list:
    return [
        {"title": f"{r['publisher']}: {r['title']}", **({"path": r["url"]} if r.get("url") else {})}
        for r in rows
    ]


def descriptor(metadata: dict, rows: dict, digests: dict, codelists: dict, sources: list | None = None) -> dict:
    """digests: path → Digest of every table file; codelists: path → bytes of each codelist; sources: the rows of
    the sources table, when `rows` holds it rendered."""
    resources = []
    for fmt in ("csv", "json"):
        for table in model.tables():
            if fmt == "json" and not rows[table.name]:
                # frictionless cannot read a table from an empty JSON array (source-error: it takes the
                # header from the first row). The file `[]` is still published for JSON readers; the CSV
                # resource declares the empty table with its header.
                continue
            path = table_path(table.name, fmt)
            # The JSON copies repeat the CSV tables; their keys are checked once, on the CSV side.
            schema = schema_outputs.table_schema(table, with_foreign_keys=(fmt == "csv"))
            quoting = any(c.name == "quote" for c in table.columns)
            resources.append({**_resource(table, path, digests[path], fmt, schema),
                              "licenses": [metadata["licenses"][0]] + ([QUOTATIONS] if quoting else [])})
    resources += [{**codelist_outputs.resource(name, codelists[codelist_outputs.path(name)], CSV_DIALECT),
                   "licenses": [metadata["licenses"][0]]} for name in model.codelist_names()]
    package: dict = {"$schema": "https://datapackage.org/profiles/2.0/datapackage.json"}
    package.update({k: metadata[k] for k in ("name", "title", "description", "version") if k in metadata})
    for key in ("homepage", "keywords", "licenses", "contributors"):
        if key in metadata:
            package[key] = metadata[key]
    package["sources"] = _sources(rows["sources"] if sources is None else sources)
    package["resources"] = resources
    return package


def published_names() -> set:
    """Every file name a build can publish: the only names a pending publication may move into place."""
    names = {table_path(table.name, fmt) for fmt in ("csv", "json") for table in model.tables()}
    names |= {parquet_outputs.path(table.name) for table in model.tables()}
    return names | set(codelist_outputs.files()) | {DESCRIPTOR, CHECKSUMS}


def is_published_name(name: str) -> bool:
    """Whether a file in an output folder belongs to the build (a table of that folder's format)."""
    folder, _, file_name = name.rpartition("/")
    return folder in PUBLISHED_FOLDERS and file_name.endswith(PUBLISHED_FOLDERS[folder]) and not file_name.startswith(".")


@dataclass(frozen=True)
class Digest:
    size: int
    sha256: str

    @classmethod
    def of(cls, data: bytes | bytearray) -> "Digest":
        return cls(len(data), hashlib.sha256(data).hexdigest())


class Published:
    """Every file a build publishes (relative path → bytes), each rendered when it is read and then let go.

    At 20,000 articles the tables are over a gigabyte; holding every file at once was a fifth of a build's
    peak memory. Reading `items()` renders the tables one after the other, then datapackage.json (which
    declares each CSV file's size and hash) and SHA256SUMS (every file's hash) from their digests."""

    def __init__(self, metadata: dict, rows: dict, parquet: Callable[[model.Table, bytes | bytearray], bytes] | None = None,
                 sources: list | None = None):
        self._metadata, self._rows, self._sources = metadata, rows, sources  # sources: see descriptor()
        self._parquet = parquet or parquet_outputs.render  # parquet_reuse.renderer: the same bytes, often sooner
        tables = [name for table in model.tables() for name in
                  (table_path(table.name, "csv"), table_path(table.name, "json"), parquet_outputs.path(table.name))]
        codelists = sorted(codelist_outputs.path(name) for name in model.codelist_names())
        self._names = tables + codelists + [DESCRIPTOR, CHECKSUMS]

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __contains__(self, name) -> bool:
        return name in self._names

    def items(self):
        """(path, bytes) of every file, one at a time, in a fixed order."""
        digests: dict = {}
        for name, data in self._tables():
            digests[name] = Digest.of(data)
            yield name, data
            del data  # let go before the next file is rendered (see _tables)
        codelists = codelist_outputs.files()
        for name in sorted(codelists):
            digests[name] = Digest.of(codelists[name])
            yield name, codelists[name]
        package = schema_outputs.dumps(descriptor(self._metadata, self._rows, digests, codelists, self._sources)).encode("utf-8")
        digests[DESCRIPTOR] = Digest.of(package)
        yield DESCRIPTOR, package
        yield CHECKSUMS, render_checksums(digests)

    def _tables(self):
        """Each table's CSV, its Parquet (made from the CSV), then its JSON. A file is let go as soon as the next
        no longer needs it, and the reader lets go of each before asking for the next: of the largest table's
        CSV (269 MB at 20,000 articles) and JSON (497 MB), only one is held at a time."""
        for table in model.tables():
            rows = self._rows[table.name]
            csv_bytes = render_csv(table, rows)
            yield table_path(table.name, "csv"), csv_bytes
            parquet = self._parquet(table, csv_bytes)
            del csv_bytes
            yield parquet_outputs.path(table.name), parquet
            del parquet
            yield table_path(table.name, "json"), render_json(rows)


def render_all(metadata: dict, rows: dict) -> dict:
    """relative path → bytes, for every file the build publishes, all in memory (for tests and small packages)."""
    return dict(Published(metadata, rows).items())


def checksum_name(name: str) -> str:
    """How SHA256SUMS names a published file: relative to its own folder, so that `sha256sum -c SHA256SUMS`
    works from there, in the repository as in an unpacked download."""
    return posixpath.relpath(name, posixpath.dirname(CHECKSUMS))


def listed_name(entry: str) -> str:
    """The published file (relative to the dataset) that a SHA256SUMS entry names."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(CHECKSUMS), entry))


def render_checksums(digests: dict) -> bytes:
    """`sha256sum -c` format, so anyone can verify a download without factpack. digests: path → Digest."""
    lines = [f"{digest.sha256}  {checksum_name(name)}\n" for name, digest in sorted(digests.items())]
    return "".join(lines).encode("utf-8")
