"""The checks, one module per family of rules. Each exposes `check(context)` yielding findings."""
