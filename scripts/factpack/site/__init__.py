"""Pages of the documentation site, rendered from schema/, the rule registry and the built package.

Each module renders Markdown; `hook.py` hands them to mkdocs at build time, so no
generated page is ever edited by hand or committed.
"""
