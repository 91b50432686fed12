"""'Did you mean' hints."""

import difflib

# A hint compares the value with every candidate: a file with thousands of unknown values would
# cost minutes, so a check computes hints for this many values per file and says when it stops.
HINTS_PER_FILE = 20


def closest(value, candidates, limit: int = 3) -> list:
    if not isinstance(value, str):
        return []
    pool = {str(c).lower(): str(c) for c in candidates}
    return [pool[m] for m in difflib.get_close_matches(value.lower(), list(pool), n=limit, cutoff=0.6)]


def did_you_mean(value, candidates, show_all_under: int = 0) -> str:
    candidates = list(candidates)
    near = closest(value, candidates)
    parts = []
    if near:
        parts.append("did you mean " + " or ".join(f"'{n}'" for n in near) + "?")
    if show_all_under and len(candidates) <= show_all_under:
        parts.append("allowed: " + ", ".join(candidates))
    return " ".join(parts)


def shown(value) -> str:
    """A value as it can be shown in a message: invisible and control characters escaped."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
