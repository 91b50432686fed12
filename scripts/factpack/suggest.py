"""'Did you mean' hints."""

import difflib


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
