"""A file's result keeps few positions in memory; whatever a finding asks for is where the full positions say."""

from pathlib import Path

from factpack import file_stage
from factpack.yaml_strict import load_bytes

FACTS = Path(__file__).resolve().parent.parent / "datasets" / "facts"


def test_every_position_asked_of_a_lean_result_is_the_full_one():
    for path in sorted(FACTS.glob("*.yaml")):
        full = load_bytes(path.read_bytes())
        result = file_stage.run(path.read_bytes(), path.name, with_rows=False)
        lean_result, positions = file_stage.split_positions(result)
        for key in (False, True):
            for node in list(full.keys if key else full.values) + [("events", 0, "no-such-key")]:
                lean = file_stage.loaded_of(lean_result)
                assert lean is not None
                lean.reload = lambda positions=positions: positions
                assert lean.where(node, key=key) == full.where(node, key=key), (path.name, node, key)


def test_ids_and_names_are_kept_and_the_rest_is_reloaded():
    path = sorted(FACTS.glob("*.yaml"))[0]
    lean_result, _ = file_stage.split_positions(file_stage.run(path.read_bytes(), path.name, with_rows=False))
    lean = file_stage.loaded_of(lean_result)
    assert lean is not None
    kept = set(lean.values)
    assert ("source", "id") in kept and any(node[-1] == "name" for node in kept)
    assert all(node[-1] in file_stage.KEPT_KEYS or node in file_stage.KEPT_POSITIONS for node in kept)
    reloaded = []
    lean.reload = lambda: reloaded.append(True) or ({}, {})
    lean.where(("source", "id"))
    assert not reloaded
    lean.where(("source", "title"))
    assert reloaded
