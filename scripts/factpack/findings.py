"""The finding: one problem in the data, located as precisely as we can."""

from dataclasses import asdict, dataclass

from factpack.rules import ERROR, RULES, WARNING


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    path: str = ""
    hint: str = ""
    severity: str = ""
    related: tuple = ()  # the other files a cross-file finding concerns ("path:line"), named in its message too

    def __post_init__(self):
        # a Code is stored as its plain text, so that findings compare, cache and serialise as text
        object.__setattr__(self, "code", str(self.code))
        if not self.severity:
            object.__setattr__(self, "severity", RULES[self.code].severity)

    def as_dict(self) -> dict:
        return asdict(self)

    def sort_key(self):
        return (self.file, self.line, self.column, self.code, self.path, self.message)


def format_path(path) -> str:
    """`("events", 2, "participants", 0, "actor")` → `events[2].participants[0].actor`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def escalate(findings, strict: bool):
    """With --strict, warnings count as errors."""
    if not strict:
        return list(findings)
    return [
        Finding(**{**f.as_dict(), "severity": ERROR}) if f.severity == WARNING else f
        for f in findings
    ]


def sort_findings(findings):
    return sorted(set(findings), key=Finding.sort_key)


def has_errors(findings) -> bool:
    return any(f.severity == ERROR for f in findings)
