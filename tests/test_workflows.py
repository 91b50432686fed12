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


def test_a_pull_request_restores_main_s_results_but_never_saves_its_own():
    workflow = _workflow("validate.yml")
    steps = workflow["jobs"]["data"]["steps"]
    restore = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache/restore@"))
    save = next(s for s in steps if str(s.get("uses", "")).startswith("actions/cache/save@"))
    assert restore["if"] == "github.event_name == 'pull_request'" and save["if"] == "github.event_name == 'push'"
    assert workflow[True]["push"]["branches"] == ["main"]
    assert not any(str(s.get("uses", "")).startswith("actions/cache@") for s in steps)  # that one saves too
    assert restore["with"]["path"] == save["with"]["path"] == "${{ env.FACTPACK_CACHE_DIR }}"
    assert "/../" in workflow["env"]["FACTPACK_CACHE_DIR"]  # outside the checkout


def test_a_pull_request_is_annotated_on_its_own_files_and_the_tests_get_chromium():
    workflow = _workflow("validate.yml")
    runs = [s.get("run", "") for job in workflow["jobs"].values() for s in job["steps"]]
    assert any("factpack validate --changed" in r and "--format github" in r for r in runs)
    checkout = workflow["jobs"]["data"]["steps"][0]
    assert checkout["with"]["fetch-depth"] == 0
    tests = [s.get("run", "") for s in workflow["jobs"]["tests"]["steps"]]
    assert any("apt-get install" in r and "chromium" in r for r in tests) and "make test" in tests
