"""The GitHub Actions workflows do what the README says: the site is built strictly and published from main."""

import yaml

from conftest import REPO


def _workflow(name: str) -> dict:
    return yaml.safe_load((REPO / ".github/workflows" / name).read_text(encoding="utf-8"))


def test_the_site_is_built_strictly_and_published_to_pages_from_main():
    workflow = _workflow("pages.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(step.get("run") == "mkdocs build --strict" for step in steps)
    assert any(step.get("run") == "factpack build --check" for step in steps)
    assert any(str(step.get("uses", "")).startswith("actions/deploy-pages@") for step in steps)
    assert workflow["permissions"]["pages"] == "write"
