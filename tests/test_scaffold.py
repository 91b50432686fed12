"""The skeleton `factpack new` writes: every key the schema accepts, with examples that fit the record they sit in."""

import yaml

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
