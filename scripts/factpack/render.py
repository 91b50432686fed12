"""Findings rendered as compiler-style text, a JSON report or GitHub annotations.

All three read the same Finding objects, so they can never disagree.
"""

import json
from collections import Counter
from operator import attrgetter

from factpack.rules import ERROR, RULES, WARNING
from factpack.suggest import shown

REPORT_VERSION = 1
_COLOURS = {ERROR: "\033[31m", WARNING: "\033[33m"}
_RESET = "\033[0m"
_SEVERITY, _FILE = attrgetter("severity"), attrgetter("file")


def summary(findings) -> dict:
    severities = Counter(map(_SEVERITY, findings))
    files = set(map(_FILE, findings)) - {""}
    return counted(severities[ERROR], severities[WARNING], files, involved(findings))


def involved(findings) -> set:
    """The other files that cross-file findings name ("path:line")."""
    return {other.rsplit(":", 1)[0] for f in findings if f.related for other in f.related}


def counted(errors: int, warnings: int, files: set, others: set) -> dict:
    return {"errors": errors, "warnings": warnings, "files": len(files), "files_involved": len(files | others)}


def render_text(findings, colour: bool = False) -> str:
    """Every contributed string (file names included) is shown with control and invisible characters
    escaped, so that a file name cannot move the cursor, hide lines or print a fake summary. `shown` escapes
    character by character, so the parts of a line are escaped together: a validation at 20,000 articles
    renders about 57,000 findings, and escaping each part on its own took about a quarter longer."""
    return "\n".join(finding_lines(findings, colour) + closing_lines(summary(findings), bool(findings))) + "\n"


def finding_lines(findings, colour: bool = False) -> list:
    """Each finding's lines (with its hint's), in the order given."""
    lines = []
    for code, message, file, line, column, path, hint, severity, _ in findings:
        said = f"{code}: {message} [{path}]" if path else f"{code}: {message}"
        where = f"{file or '<dataset>'}:{line}:{column or 1}" if line else file or "<dataset>"
        if colour:
            lines.append(f"{shown(where)}: {_COLOURS[severity]}{severity}{_RESET} {shown(said)}")
        else:
            lines.append(shown(f"{where}: {severity} {said}"))
        if hint:
            lines.append(f"    hint: {shown(hint)}")
    return lines


def closing_lines(counts: dict, any_findings: bool) -> list:
    """What the text report ends with: where codes are explained, and the counts (summary)."""
    lines = ["`factpack explain CODE` says what a code means, with an example and the fix."] if any_findings else []
    involved = counts["files_involved"]
    lines.append(
        f"{counts['errors']} error(s), {counts['warnings']} warning(s)"
        + (f" in {counts['files']} file(s)" if counts["files"] else "")
        + (f", involving {involved} file(s)" if involved > counts["files"] else "")
    )
    return lines


def render_json(findings) -> str:
    counts = summary(findings)
    report = {
        "report_version": REPORT_VERSION,
        "valid": counts["errors"] == 0,
        "summary": counts,
        "findings": [
            {**f.as_dict(), "title": RULES[f.code].title} for f in findings
        ],
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    # line breaks as the workflow-command syntax wants them; any other control character shown escaped
    return shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings) -> str:
    """GitHub Actions workflow commands: each finding annotates its line in the pull request."""
    lines = []
    for f in findings:
        command = "error" if f.severity == ERROR else "warning"
        props = []
        if f.file:
            props.append(f"file={_escape_property(f.file)}")
        if f.line:
            props.append(f"line={f.line}")
            props.append(f"col={f.column or 1}")
        props.append(f"title={_escape_property(f.code + ' ' + RULES[f.code].title)}")
        body = f.message + (f" [{f.path}]" if f.path else "") + (f" Hint: {f.hint}" if f.hint else "")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(body)}")
    counts = summary(findings)
    lines.append(f"{counts['errors']} error(s), {counts['warnings']} warning(s)")
    return "\n".join(lines) + "\n"


RENDERERS = {"text": render_text, "json": render_json, "github": render_github}
