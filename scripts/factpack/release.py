"""`factpack release VERSION`: check the number against what changed, write the changelog entry, the citation
and the package's version, rebuild, commit and tag.

The rules (CHANGELOG.md): major when a table or field is removed, minor when one is added (or a code is
added to a codelist), patch for data only. The changes are `factpack diff` against the previous release's
tag (`v<version>`). A field that keeps its name but changes meaning cannot be seen in a diff: the person
releasing gives a major version, which is always allowed.
"""

import csv
import datetime
import re
import subprocess

from factpack import diff_render, model, package_diff
from factpack.errors import UsageError

LEVELS = ("patch", "minor", "major")
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
UNRELEASED = re.compile(r"^## Unreleased.*$", re.MULTILINE)


def required_level(diff) -> str:
    if diff.tables_removed or any(t.fields_removed for t in diff.tables.values()):
        return "major"
    codes_added = any(name.startswith("codelist-") and t.added for name, t in diff.tables.items())
    if diff.tables_added or codes_added or any(t.fields_added for t in diff.tables.values()):
        return "minor"
    return "patch"


def bumped(version: str, level: str) -> str:
    major, minor, patch = (int(part) for part in _parse(version))
    return {"major": f"{major + 1}.0.0", "minor": f"{major}.{minor + 1}.0", "patch": f"{major}.{minor}.{patch + 1}"}[level]


def _parse(version: str) -> tuple:
    match = _SEMVER.fullmatch(version or "")
    if not match:
        raise UsageError(f"'{version}' is not a version MAJOR.MINOR.PATCH", "for example: factpack release 0.3.0")
    return match.groups()


def check(version: str, previous: str, diff) -> str:
    """The level of the release; UsageError if `version` does not follow the rules from `previous`."""
    _parse(version)
    needed = required_level(diff)
    allowed = {level: bumped(previous, level) for level in LEVELS[LEVELS.index(needed):]}
    for level, number in allowed.items():
        if version == number:
            return level
    raise UsageError(f"version {version} does not follow the rules: since {previous} the package has had a {needed} "
                     f"change, so the next version is {' or '.join(allowed.values())}",
                     "see the numbering rules at the top of CHANGELOG.md; `factpack diff` shows what changed")


def _git(root, *args) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise UsageError(f"git {' '.join(args)} failed: {done.stderr.strip()}", "")
    return done.stdout.strip()


def previous_release(root) -> str:
    tags = [t for t in _git(root, "tag", "--list", "v*", "--sort=-v:refname").splitlines() if _SEMVER.fullmatch(t[1:])]
    if not tags:
        raise UsageError("there is no earlier release tag (v<version>) to compare with",
                         "tag the previous release first, e.g. git tag -a v0.1.0 <commit> -m 'factpack 0.1.0'")
    return tags[0][1:]


def _replace_version(text: str, pattern: str, version: str) -> str:
    changed, count = re.subn(pattern, lambda m: m.group(1) + version + m.group(3), text, count=1, flags=re.MULTILINE)
    if count != 1:
        raise UsageError(f"cannot find the version to change ({pattern})", "")
    return changed


def write_files(root, version: str, diff, today: datetime.date) -> None:
    """The package's version, CITATION.cff and the changelog entry (the Unreleased section, dated, with the diff)."""
    metadata = root / "datasets/package.json"
    metadata.write_text(_replace_version(metadata.read_text(encoding="utf-8"), r'^(\s*"version": ")([^"]*)(")', version),
                        encoding="utf-8")
    citation = root / "CITATION.cff"
    text = _replace_version(citation.read_text(encoding="utf-8"), r'^(version: ")([^"]*)(")$', version)
    text = re.sub(r'^date-released: .*\n', "", text, flags=re.MULTILINE)
    citation.write_text(text.rstrip("\n") + f'\ndate-released: "{today.isoformat()}"\n', encoding="utf-8")
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8")
    heading = UNRELEASED.search(text)
    if not heading:
        raise UsageError("CHANGELOG.md has no '## Unreleased' section to release",
                         "write what this release changes under '## Unreleased' first")
    end = text.find("\n## ", heading.end())
    end = len(text) if end < 0 else end + 1
    section = text[heading.end():end].rstrip("\n")
    entry = f"## {version} — {today.isoformat()}{section}\n\n{diff_render.markdown(diff)}\n"
    changelog.write_text(text[:heading.start()] + entry + text[end:], encoding="utf-8")


def commit_and_tag(root, version: str) -> None:
    _git(root, "add", "datasets", "datapackage.json", "CITATION.cff", "CHANGELOG.md")
    _git(root, "commit", "-q", "-m", f"Release {version}")
    _git(root, "tag", "-a", f"v{version}", "-m", f"factpack {version}")


def prepare(root, version: str) -> tuple:
    """(previous version, diff, level): refuses a dirty work tree or a version that breaks the rules."""
    if _git(root, "status", "--porcelain", "--untracked-files=no"):
        raise UsageError("the work tree has uncommitted changes", "commit or stash them, then release")
    previous = previous_release(root)
    diff = package_diff.compare(f"v{previous}:datapackage.json", str(root / "datapackage.json"), root)
    unlisted = dropped_ids(root, diff)
    if unlisted:
        raise UsageError(f"ids published in {previous} are gone without a word on what became of them: "
                         + ", ".join(f"{table} {record_id}" for table, record_id in unlisted[:20]),
                         "list each in datasets/retired-ids.csv (merged into which id, or withdrawn, and why), then build")
    return previous, diff, check(version, previous, diff)


def dropped_ids(root, diff) -> list:
    """(table, id) of records the previous release published, this one does not, and retired_ids does not list."""
    with open(root / "datasets/csv/retired_ids.csv", encoding="utf-8", newline="") as handle:
        listed = {(row["record_type"], row["record_id"]) for row in csv.DictReader(handle)}
    record_tables = {t.name for t in model.record_tables()}
    return [(table, record_id) for table, changes in diff.tables.items() if table in record_tables
            for record_id in changes.removed if (table, record_id) not in listed]
