"""`factpack explain CODE`: one rule of the registry as text for the terminal."""

import textwrap

from factpack.errors import UsageError
from factpack.rules import RULES, Rule
from factpack.suggest import did_you_mean, shown

WIDTH = 100


def _paragraph(label: str, text: str) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=f"{label}: ", subsequent_indent="  ")


def explain(code: str) -> str:
    """The rule's title, severity, explanation, an example that breaks it and the fix."""
    found = RULES.get(code.strip().upper())
    if found is None:
        near = did_you_mean(code.strip().upper(), sorted(RULES))
        raise UsageError(f"no rule has the code '{shown(code)}'",
                         (near + " " if near else "") + "codes look like FP601; the Error codes page lists them all")
    return render(found)


def render(rule: Rule) -> str:
    out = [f"{rule.code}: {rule.title} ({rule.severity})", ""]
    if rule.retired:
        out += [_paragraph("Retired", rule.retired), ""]
    out += [textwrap.fill(rule.explanation, WIDTH), "", "Example that breaks it:", ""]
    out += ["    " + line if line else "" for line in rule.example.rstrip("\n").split("\n")]
    out += ["", _paragraph("Fix", rule.fix)]
    return "\n".join(out) + "\n"
