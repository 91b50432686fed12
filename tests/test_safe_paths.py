"""Reading inside a dataset: only regular files inside the root, never over the limit, whatever the path's spelling."""

import os

import pytest

from factpack.safe_paths import RefusedPath, holds, read_inside, read_regular, refusal


@pytest.mark.parametrize("size", [0, 1, 4095, 4096])
def test_a_file_up_to_the_limit_is_read_whole(tmp_path, size):
    path = tmp_path / "f"
    path.write_bytes(b"x" * size)
    assert read_regular(path, 4096) == b"x" * size


def test_a_file_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 4097)
    with pytest.raises(RefusedPath) as refused:
        read_regular(path, 4096)
    assert refused.value.oversize


@pytest.mark.parametrize("spelling", ["a/b/f.yaml", "a//b/f.yaml", "./a/b/./f.yaml", "a/b/f.yaml/"])
def test_spellings_of_one_path_read_the_same_file(tmp_path, spelling):
    (tmp_path / "a/b").mkdir(parents=True)
    (tmp_path / "a/b/f.yaml").write_bytes(b"same")
    assert read_inside(tmp_path, spelling, 100) == (b"same", None)


@pytest.mark.parametrize("spelling", ["../outside", "a/../../outside", "/etc/passwd"])
def test_a_path_outside_the_root_is_refused(tmp_path, spelling):
    assert refusal(tmp_path, spelling) == "a path outside the root"


def test_a_link_among_the_folders_is_refused(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real/f.yaml").write_bytes(b"x")
    os.symlink(tmp_path / "real", tmp_path / "linked")
    assert refusal(tmp_path, "linked/f.yaml") == "linked is a symbolic link, not a folder"
    data, refused = read_inside(tmp_path, "linked/f.yaml", 100)
    assert data is None and refused is not None


@pytest.mark.parametrize("on_disk", [b"abcdefgh", b"abcdefgX", b"Xbcdefgh", b"abcdefg", b"abcdefghi", b""])
def test_a_file_holds_the_bytes_only_when_every_chunk_matches(tmp_path, on_disk):
    path = tmp_path / "f"
    path.write_bytes(on_disk)
    assert holds(path, b"abcdefgh", chunk=3) is (on_disk == b"abcdefgh")


def test_no_file_and_a_link_to_the_same_bytes_hold_nothing(tmp_path):
    (tmp_path / "real").write_bytes(b"same")
    os.symlink(tmp_path / "real", tmp_path / "link")
    assert holds(tmp_path / "real", b"same")
    assert not holds(tmp_path / "link", b"same")
    assert not holds(tmp_path / "missing", b"")
