"""The skeleton `factpack new` writes: every key the schema accepts, with examples that fit the record they sit in."""

import re

import yaml

from conftest import UNQUOTED, run_cli
from factpack import scaffold

SOURCE = {"id": "a-report", "url": "https://example.org/a", "title": "A report", "publisher": "Example",
          "published": "2019-04-06", "language": "en"}


def _examples(text: str) -> dict:
    """The commented example of each table, read as YAML."""
    lines = [line[2:] for line in text.splitlines() if line.startswith("# ") and not line.startswith("# ", 2)]
    examples = {}
    current = None
    for line in lines:
        if not line.startswith(" ") and line.endswith(":"):
            current = line[:-1]
            examples[current] = []
        elif current:
            examples[current].append(line)
    return {name: yaml.safe_load("\n".join(body)) for name, body in examples.items()}


def test_a_nested_name_names_its_own_record():
    examples = _examples(scaffold.skeleton(dict(SOURCE)))
    for table in ("actors", "organizations", "places"):
        record = examples[table][0]
        assert record["names"][0]["name"] == record["name"], table


def test_the_source_shows_its_optional_keys_and_participants_say_exactly_one():
    text = scaffold.skeleton(dict(SOURCE))
    assert "  # published_note:" in text
    assert "exactly one of" in next(line for line in text.splitlines() if "participants:" in line)


def _uncommented(text: str) -> str:
    """The skeleton as a contributor fills it in from its own examples: every example uncommented; optional
    keys that point at records the file does not define deleted; one identity kept per participant, as its
    comment says."""
    body = [line for line in text.splitlines() if not line.endswith(": []")]
    body = [line[2:] if line.startswith("#   ") or re.match(r"# [a-z_]+:$", line) else line for line in body]
    body = [line for line in body if not line.startswith("#")]
    defined = set(re.findall(r"^  - id: (\S+)$", "\n".join(body), flags=re.M))
    kept = []
    for line in body:
        reference = re.match(r"\s+(?:- )?(parent|responds_to): (\S+)\s+# optional", line)
        identity = re.match(r"\s+(organization|description|count): .*# optional$", line)
        if (reference and reference.group(2) not in defined) or (identity and "participants" in kept[-2]):
            continue
        kept.append(line)
    return "\n".join(kept) + "\n"


def test_the_skeleton_s_own_example_builds(mini):
    for path in [*(mini / "datasets/facts").iterdir(), *(mini / "datasets/archive").iterdir()]:
        path.unlink()
    facts = _uncommented(scaffold.skeleton(dict(SOURCE)))
    data = yaml.safe_load(facts)
    assert {key for key, value in data.items() if value} == {"source", "actors", "organizations", "places", "events",
                                                            "affiliations", "relationships"}
    quotes = set(re.findall(r"evidence: (.+?)(?:   #.*)?$", facts, flags=re.M))
    (mini / "datasets/facts/a-report.yaml").write_text(facts, encoding="utf-8")
    (mini / "datasets/archive/a-report.txt").write_text("\n".join(sorted(quotes)) + "\n" + UNQUOTED, encoding="utf-8")
    result = run_cli("--root", mini, "build")
    assert result.code == 0, result.out
