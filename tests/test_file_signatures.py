"""Telling an unchanged fact file and archive from their signatures alone (file_signatures.py)."""

import os

from factpack.file_signatures import ABSENT, SETTLE_NS, Signatures, judged_unchanged


def test_a_file_is_judged_unchanged_only_with_the_recorded_signature_long_enough_after_its_last_change(tmp_path):
    (tmp_path / "datasets/facts").mkdir(parents=True)
    (tmp_path / "datasets/facts/a.yaml").write_text("source: {}\n", encoding="utf-8")
    (tmp_path / "datasets/facts/link.yaml").symlink_to(tmp_path / "datasets/facts/a.yaml")
    signatures = Signatures(tmp_path)
    seen = (signatures.of("datasets/facts/a.yaml"), signatures.of("datasets/archive/a.txt"))
    assert seen[1] == ABSENT and seen[0][2] == len("source: {}\n")
    later = max(seen[0][3], seen[0][4]) + SETTLE_NS + 1
    assert judged_unchanged(seen, seen, later)
    assert not judged_unchanged(seen, seen, later - 2)  # changed too shortly before the recording run started
    assert not judged_unchanged(seen, None, later)  # never recorded

    os.utime(tmp_path / "datasets/facts/a.yaml", ns=(0, 0))
    assert not judged_unchanged((Signatures(tmp_path).of("datasets/facts/a.yaml"), ABSENT), seen, later)
    linked = (signatures.of("datasets/facts/link.yaml"), ABSENT)
    assert linked[0] is None and not judged_unchanged(linked, linked, later)  # a link is always read
    assert signatures.of("/etc/passwd") is None and signatures.of("datasets/../x.yaml") is None
