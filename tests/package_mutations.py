"""Broken and tricky data packages, made from a valid one: the corpus on which `factpack validate datapackage.json`
must give stock frictionless's verdict."""

import csv
import hashlib
import io
import json
import re


def edit_csv(root, table, change):
    path = root / f"datasets/csv/{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    change(rows)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def set_cell(table, row, column, value):
    def change(rows):
        rows[row][rows[0].index(column)] = value
    return lambda root: edit_csv(root, table, change)


def raw(table, transform):
    def mutate(root):
        path = root / f"datasets/csv/{table}.csv"
        path.write_bytes(transform(path.read_bytes()))
    return mutate


def raw_json(table, text):
    def mutate(root):
        (root / f"datasets/json/{table}.json").write_text(text, encoding="utf-8")
    return mutate


def describe(change, *data_changes):
    """Change the descriptor (and optionally data first), keeping bytes and hashes true to the files."""
    def mutate(root):
        for data_change in data_changes:
            data_change(root)
        path = root / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        change(descriptor, root)
        for resource in descriptor["resources"]:
            file = root / str(resource.get("path"))
            if "bytes" in resource and file.is_file():
                data = file.read_bytes()
                resource["bytes"], resource["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
        path.write_text(json.dumps(descriptor), encoding="utf-8")
    return mutate


def resource(d, name):
    return next(r for r in d["resources"] if r["name"] == name)


def field(name, column, **changes):
    def change(d, root):
        f = next(f for f in resource(d, name)["schema"]["fields"] if f["name"] == column)
        for key, value in changes.items():
            if key == "constraints":
                f["constraints"].update(value)
            else:
                f[key] = value
    return change


def schema(name, **changes):
    return lambda d, root: resource(d, name)["schema"].update(changes)


def replace_constraints(name, column, value):
    def change(d, root):
        next(f for f in resource(d, name)["schema"]["fields"] if f["name"] == column)["constraints"] = value
    return change


def dup_row(table):
    return lambda root: edit_csv(root, table, lambda rows: rows.append(list(rows[1])))


def string_foreign_keys(name):
    def change(d, root):
        for fk in resource(d, name)["schema"]["foreignKeys"]:
            fk["fields"], fk["reference"]["fields"] = fk["fields"][0], fk["reference"]["fields"][0]
    return change


def header_space(root):
    edit_csv(root, "actors", lambda rows: rows[0].__setitem__(0, rows[0][0] + " "))


def bom(root):
    path = root / "datasets/csv/actors.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def glob_path(d, root):
    r = resource(d, "organizations")
    original = root / r["path"]
    (root / "datasets/csv/orgs1.csv").write_bytes(original.read_bytes())
    lines = original.read_text(encoding="utf-8").split("\n")
    lines[1] = "Bad Id" + lines[1][lines[1].index(","):]
    (root / "datasets/csv/orgs[1].csv").write_text("\n".join(lines), encoding="utf-8")
    original.unlink()
    r["path"] = "datasets/csv/orgs[1].csv"


def nested_json_cell(depth):
    def mutate(root):
        path = root / "datasets/json/actors.json"
        nested = "[" * depth + "]" * depth
        path.write_text(re.sub(r'"name": "[^"]*"', f'"name": {nested}', path.read_text(encoding="utf-8"), count=1),
                        encoding="utf-8")
    return mutate


SECRET = "secret-outside-the-package"


def outside_path(d, root):
    (root.parent / "outside.csv").write_text(f"actor_id,name\n{SECRET},x\n", encoding="utf-8")
    resource(d, "actors")["path"] = "../outside.csv"

# Data broken in one way each, in a package whose descriptor factpack models.
BREAKING = {
    "broken-foreign-key": set_cell("participants", 1, "organization_id", "almaty-polic"),
    "broken-self-reference": set_cell("events", 2, "responds_to", "no-such-event"),
    "duplicate-primary-key": lambda root: edit_csv(root, "events", lambda rows: rows.append(list(rows[1]))),
    "wrong-type-integer": set_cell("events", 1, "source_count", "abc"),
    "wrong-type-date": set_cell("events", 1, "date_start", "2019-13-01"),
    "enum-violation": set_cell("events", 1, "type", "arest"),
    "pattern-violation": set_cell("actors", 1, "actor_id", "Bad Id"),
    "missing-required-value": set_cell("events", 1, "summary", ""),
    "missing-primary-key-value": set_cell("actors", 2, "actor_id", ""),
    "same-size-other-hash": raw("actors", lambda data: data.replace(b"Activist", b"Activism", 1)),
    "truncated-file": raw("citations", lambda data: data[: len(data) // 2].rsplit(b"\n", 1)[0] + b"\n"),
    "missing-column": lambda root: edit_csv(root, "relationships", lambda rows: [r.pop() for r in rows]),
    "extra-column": lambda root: edit_csv(root, "names", lambda rows: [r.append("x") for r in rows[:2]]),
    "renamed-column": lambda root: edit_csv(root, "sources", lambda rows: rows[0].__setitem__(1, "link")),
    "extra-cell": lambda root: edit_csv(root, "affiliations", lambda rows: rows[1].append("surplus")),
    "blank-row": lambda root: edit_csv(root, "organizations", lambda rows: rows.insert(2, [""] * len(rows[0]))),
    "missing-file": lambda root: (root / "datasets/csv/relationships.csv").unlink(),
    "json-not-valid": raw_json("events", '[{"event_id": "x"'),
    "json-not-an-array-of-objects": raw_json("actors", "[1, 2]"),
    "json-an-object": raw_json("names", '{"name_id": "x"}'),
    "cell-over-128-kib": set_cell("citations", 1, "quote", "x" * 200_000),
}


# Descriptors outside the subset factpack models, and data frictionless reads more leniently than factpack
# writes it: each is checked against stock frictionless, whose verdict may be "valid" or an exception.
TRICKS = {
    "string-primary-key": describe(schema("actors", primaryKey="actor_id"), dup_row("actors")),
    "string-foreign-key-fields": describe(string_foreign_keys("participants"),
                                         set_cell("participants", 1, "organization_id", "almaty-polic")),
    "posix-class-pattern": describe(field("actors", "actor_id", constraints={"pattern": "[[:alpha:]-]+"})),
    "empty-lower-bound-repeat": describe(field("actors", "actor_id", constraints={"pattern": "a{,3}"})),
    "repeat-over-1000": describe(field("actors", "actor_id", constraints={"pattern": "[a-z-]{1,1001}"})),
    "double-star-pattern": describe(field("actors", "actor_id", constraints={"pattern": "a**"})),
    "infinite-minimum": describe(field("events", "source_count", constraints={"minimum": float("inf")})),
    "constraints-a-list": describe(replace_constraints("events", "source_count", [])),
    "number-type": describe(field("events", "source_count", type="number"), set_cell("events", 1, "source_count", "1.5x")),
    "boolean-type": describe(field("actors", "description", type="boolean")),
    "maximum": describe(field("events", "source_count", constraints={"maximum": 0})),
    "unique": describe(field("events", "source_count", constraints={"unique": True})),
    "missing-values": describe(schema("events", missingValues=["", "-"]), set_cell("events", 1, "summary", "-")),
    "non-string-enum": describe(field("events", "source_count", constraints={"enum": [7, 8]})),
    "glob-characters-in-path": describe(glob_path),
    "byte-order-mark": describe(lambda d, r: None, bom),
    "header-label-with-space": describe(lambda d, r: None, header_space),
    "absolute-path": describe(lambda d, r: resource(d, "actors").__setitem__("path", "/etc/passwd")),
    "parent-path": describe(outside_path),
    # deep enough for frictionless to report a source-error; far deeper is a memory bomb (test_package_stock)
    "empty-json-table": describe(lambda d, r: None, raw_json("relationships", "[]\n")),
    "deeply-nested-json-cell": describe(lambda d, r: None, nested_json_cell(3_000)),
}
