"""The DuckDB screen of a built package may doubt a clean package, but must never pass a broken one.

Whatever it passes is reported clean without the exact pass, so soundness is the property:
every mutation the exact pass (and so frictionless) finds broken, the screen doubts.
"""

import csv
import hashlib
import io
import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factpack import package_screen
from factpack.package_validation import errors as validate_package
from package_mutations import BREAKING


def doubts(root):
    return package_screen.doubts(json.loads((root / "datapackage.json").read_text(encoding="utf-8")), root)


def exact_errors(root):
    return validate_package(root / "datapackage.json", screen=False)


def copy_of(built, tmp_path, name="package"):
    root = tmp_path / name
    shutil.copytree(built, root)
    return root


def restamp(root):
    """Recompute every resource's bytes and hash, as someone editing a package by hand would."""
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        data = (root / resource["path"]).read_bytes()
        if "bytes" in resource:
            resource["bytes"] = len(data)
        if "hash" in resource:
            resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


def test_a_clean_package_passes_the_screen(built_mini):
    assert doubts(built_mini) == [] == exact_errors(built_mini)


@pytest.mark.parametrize("name", sorted(BREAKING))
def test_every_broken_package_is_doubted(built_mini, tmp_path, name):
    root = copy_of(built_mini, tmp_path)
    BREAKING[name](root)
    assert exact_errors(root), name
    assert doubts(root), name


@pytest.mark.parametrize("name", sorted(set(BREAKING) - {"missing-file"}))  # no bytes to restamp
def test_broken_content_is_doubted_even_when_bytes_and_hash_are_restamped(built_mini, tmp_path, name):
    root = copy_of(built_mini, tmp_path)
    BREAKING[name](root)
    restamp(root)
    if exact_errors(root):
        assert doubts(root), name


DOUBTFUL_BYTES = {
    # DuckDB skips an empty line, which the csv module (and frictionless) read as a blank row
    "empty-line": lambda data: data.replace(b"\n", b"\n\n", 2),
    "carriage-return": lambda data: data.replace(b"\n", b"\r\n"),
    "byte-order-mark": lambda data: b"\xef\xbb\xbf" + data,
}


@pytest.mark.parametrize("name", sorted(DOUBTFUL_BYTES))
def test_bytes_read_differently_are_doubted(built_mini, tmp_path, name):
    root = copy_of(built_mini, tmp_path)
    path = root / "datasets/csv/events.csv"
    path.write_bytes(DOUBTFUL_BYTES[name](path.read_bytes()))
    restamp(root)
    assert any("events" in d for d in doubts(root))


def quote_first_cell(data: bytes, added: bytes) -> bytes:
    """The first cell of the first row quoted, with `added` at its end."""
    header, first, rest = data.split(b"\n", 2)
    cell, others = first.split(b",", 1)
    return b"\n".join([header, b'"' + cell + added + b'",' + others, rest])


NOT_UTF8 = {
    # the screen leaves every byte but the header's to DuckDB, which must reject these wherever they are
    "in-the-header": ("csv/events.csv", lambda data: data.replace(b"event_id", b"event_id\xff", 1)),
    "in-an-unquoted-cell": ("csv/events.csv", lambda data: data.replace(b"\n", b"\n\xc3", 1)),
    "in-a-quoted-cell": ("csv/events.csv", lambda data: quote_first_cell(data, b"\xed\xa0\x80")),  # a surrogate
    "after-the-last-row": ("csv/events.csv", lambda data: data + b"\xff"),
    "in-a-json-value": ("json/events.json", lambda data: data.replace(b'": "', b'": "\xc0\xaf', 1)),
    "in-a-json-key-not-in-the-schema": ("json/events.json", lambda data: data.replace(b"{", b'{"\xff": 1, ', 1)),
}


@pytest.mark.parametrize("name", sorted(NOT_UTF8))
def test_bytes_that_are_not_utf8_are_doubted_wherever_they_are(built_mini, tmp_path, name):
    root = copy_of(built_mini, tmp_path)
    table, change = NOT_UTF8[name]
    path = root / "datasets" / table
    path.write_bytes(change(path.read_bytes()))
    restamp(root)
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    assert exact_errors(root)
    assert any("events" in d for d in doubts(root))


def edit_json(root, table, change):
    path = root / f"datasets/json/{table}.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    change(rows)
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("value", [1, 1.5, True, ["a"], {"a": 1}])
def test_a_json_value_that_is_not_text_in_a_text_field_is_doubted(built_mini, tmp_path, value):
    root = copy_of(built_mini, tmp_path)
    edit_json(root, "events", lambda rows: rows[0].__setitem__("summary", value))
    assert any("events-json" in d for d in doubts(root))


def test_a_json_duplicate_primary_key_is_doubted(built_mini, tmp_path):
    root = copy_of(built_mini, tmp_path)
    edit_json(root, "actors", lambda rows: rows.append(dict(rows[0])))
    assert exact_errors(root)
    assert any("actors-json: primary key" in d for d in doubts(root))


def test_a_dialect_the_screen_does_not_model_is_left_to_the_exact_pass(built_mini, tmp_path):
    root = copy_of(built_mini, tmp_path)
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    descriptor["resources"][0]["dialect"]["skipInitialSpace"] = True
    path.write_text(json.dumps(descriptor), encoding="utf-8")
    assert doubts(root) == ["sources: dialect"]
    assert exact_errors(root) == []


# Values chosen where DuckDB and Python could disagree: whitespace, signs, digits of other
# scripts, impossible dates, year zero, trailing newlines, lengths in code points, ids of other rows.
TRICKY_TEXT = st.sampled_from([
    "", " ", " x", "x ", "x\n", "\n", "-0", "+5", "05", "1e2", "٣", "2019-02-29", "0000-01-01", "2019-3-5",
    "2019-03-05", "Q0", "Q12", "KZ", "kz", "e\u0301", "x" * 80, "x" * 81, "a-b", "a--b", "https://x", "http://x\n",
    "arrest", "Arrest", "actors", ";", '"', '""', "a,b", "null", "NULL", "bilash", "omarova",
])
JSON_VALUES = st.one_of(TRICKY_TEXT, st.integers(-3, 3), st.sampled_from([None, True, 1.0, [], [""], ["x"], {}]))


@st.composite
def cell_edits(draw):
    """(format, table, row, column, value): one cell of the built mini package changed."""
    table = draw(st.sampled_from(["sources", "actors", "organizations", "events", "participants", "names",
                                  "affiliations", "relationships", "citations"]))
    return draw(st.sampled_from(["csv", "json"])), table, draw(st.integers(0, 5)), draw(st.integers(0, 12)), \
        draw(JSON_VALUES)


def apply_cell_edit(root, edit):
    form, table, row, column, value = edit
    if form == "json":
        def change(rows):
            target = rows[row % len(rows)]
            target[list(target)[column % len(target)]] = value
        edit_json(root, table, change)
        return
    path = root / f"datasets/csv/{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    target = rows[1 + row % (len(rows) - 1)]
    target[column % len(target)] = value if isinstance(value, str) else json.dumps(value)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(cell_edits(), min_size=1, max_size=3))
def test_whatever_the_screen_passes_the_exact_pass_finds_clean(built_mini, tmp_path_factory, edits):
    root = copy_of(built_mini, tmp_path_factory.mktemp("fuzz"))
    for edit in edits:
        apply_cell_edit(root, edit)
    restamp(root)
    if not doubts(root):
        assert exact_errors(root) == [], edits


BYTE_EDITS = st.sampled_from([b"", b",", b'"', b"\n", b"\r", b" ", b"x", b"\xc3", b"\xc3\xa9", b"\x00", b";", b"-"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(["events", "actors", "citations"]), form=st.sampled_from(["csv", "json"]),
       where=st.floats(0, 1), cut=st.integers(0, 3), insert=BYTE_EDITS)
def test_whatever_the_screen_passes_in_mangled_bytes_the_exact_pass_finds_clean(built_mini, tmp_path_factory,
                                                                               table, form, where, cut, insert):
    root = copy_of(built_mini, tmp_path_factory.mktemp("bytes"))
    path = root / f"datasets/{form}/{table}.{form}"
    data = path.read_bytes()
    at = int(where * len(data))
    path.write_bytes(data[:at] + insert + data[at + cut:])
    restamp(root)
    if not doubts(root):
        assert exact_errors(root) == []


@pytest.mark.parametrize("ending", [b",", b',""', b",,"])
def test_empty_cells_after_the_last_column_are_doubted(built_mini, tmp_path, ending):
    """DuckDB drops them without a word; the csv module (and frictionless) report extra cells."""
    root = copy_of(built_mini, tmp_path)
    path = root / "datasets/csv/events.csv"
    lines = path.read_bytes().split(b"\n")
    lines[2] += ending
    path.write_bytes(b"\n".join(lines))
    restamp(root)
    assert exact_errors(root)
    assert any("events: empty cells after the last column" in d for d in doubts(root))


def described_with_size_and_hash(root, name):
    """The JSON copies are published without them (SHA256SUMS covers every file); a package may declare them."""
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == name)
    data = (root / resource["path"]).read_bytes()
    resource["bytes"], resource["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return root / resource["path"]


@pytest.mark.parametrize("name", ["events", "events-json"])
def test_a_file_that_is_not_the_one_described_is_doubted_by_its_size_and_hash(built_mini, tmp_path, name):
    """A JSON file is hashed as it streams by, a CSV file whole: both must tell a changed byte and a length."""
    root = copy_of(built_mini, tmp_path)
    path = described_with_size_and_hash(root, name)
    assert doubts(root) == []
    data = path.read_bytes()
    path.write_bytes(data.replace(b"arrest", b"arresT", 1))
    assert f"{name}: hash-count" in doubts(root)
    assert f"{name}: byte-count" not in doubts(root)
    path.write_bytes(data + b" ")
    assert {f"{name}: hash-count", f"{name}: byte-count"} <= set(doubts(root))
