"""Retired ids: never defined again, merged ones point at their replacement, and a release lists every id it drops."""

import json
import shutil
import subprocess

from conftest import MINI_FACTS, run_cli
from test_release import _repository

RETIRED = "datasets/retired-ids.csv"
HEADER = "record_type,record_id,fate,replaced_by,version,reason\n"


def _retire(root, *rows):
    (root / RETIRED).write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return run_cli("--root", root, "validate")


def _codes(root) -> set:
    findings = json.loads(run_cli("--root", root, "validate", "--format", "json").out)["findings"]
    return {f["code"] for f in findings if f["code"] != "FP902"}  # the mini dataset's records rest on one source


def test_a_retired_id_defined_again_is_refused_at_its_row(mini):
    result = _retire(mini, "actors,marat-seitkali,withdrawn,,0.2.0,Misidentified in the source")
    assert result.code == 1
    assert f"{RETIRED}:2:1: error FP309: 'marat-seitkali' was retired" in result.out
    assert "FP309" in _codes(mini)


def test_a_merged_id_must_name_an_existing_replacement(mini):
    result = _retire(mini, "actors,nurlanova,merged,nobody-here,0.2.0,Two spellings of one person")
    assert "error FP310: 'nurlanova' is merged: replaced_by must be an existing id of actors" in result.out
    assert "FP310" in _codes(mini)
    assert _retire(mini, "actors,nurlanova,merged,aigerim-nurlanova,0.2.0,Two spellings of one person").code == 0


def test_a_malformed_row_is_reported_not_dropped(mini):
    result = _retire(mini, "actors,nurlanova,forgotten,,0.2.0,Reason")
    assert "error FP308: 'fate' 'forgotten' is not one of ['merged', 'withdrawn']" in result.out
    assert "[fate]" in result.out
    assert _codes(mini) == {"FP308"}


def test_a_release_that_drops_an_unlisted_id_is_refused(built_mini, tmp_path):
    root, git = _repository(built_mini, tmp_path)
    path = root / MINI_FACTS
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("relationships:")], encoding="utf-8")
    assert run_cli("--root", root, "build").code == 0
    subprocess.run(git + ["commit", "-qam", "drop the relationship"], check=True)
    refused = run_cli("--root", root, "release", "1.0.0")
    assert refused.code == 2 and "relationships seitkali-lawyer-of-nurlanova" in refused.err
    (root / RETIRED).write_text(HEADER + "relationships,seitkali-lawyer-of-nurlanova,withdrawn,,1.0.0,"
                                "Not in the article after its correction\n", encoding="utf-8")
    assert run_cli("--root", root, "build").code == 0
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "retire it"], check=True)
    released = run_cli("--root", root, "release", "1.0.0")
    assert released.code == 0, released.err
    shutil.rmtree(root)
