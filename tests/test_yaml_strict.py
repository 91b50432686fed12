"""Strict YAML: values stay the text written; anything that could hide or lose data is refused."""

import time

import pytest

from factpack.yaml_strict import MAX_BYTES, StrictYamlError, load_bytes


@pytest.mark.parametrize("written", ["NO", "on", "yes", "2019-03-10", "014", "1.10", "1:20", "1e3", "0x1F", ".inf"])
def test_plain_scalars_stay_the_string_written(written):
    # PyYAML's safe_load reads these as False, True, True, a date, 12, 1.1, 80, 1000.0, 31, inf.
    assert load_bytes(f"value: {written}\n".encode()).data == {"value": written}


@pytest.mark.parametrize("empty", ["", "~", "null", "NULL"])
def test_plain_empty_values_are_none(empty):
    assert load_bytes(f"value: {empty}\n".encode()).data == {"value": None}


def test_quoted_null_is_text():
    assert load_bytes(b'value: "null"\n').data == {"value": "null"}


def test_positions_of_values_and_keys_are_one_based():
    loaded = load_bytes(b"a:\n  - b: x\n")
    assert loaded.values[("a", 0, "b")] == (2, 8)
    assert loaded.keys[("a", 0, "b")] == (2, 5)


def _refusal(raw: bytes) -> dict:
    with pytest.raises(StrictYamlError) as caught:
        load_bytes(raw)
    return caught.value.finding_args


def test_duplicate_key_names_both_lines():
    args = _refusal(b"a: 1\nb: 2\na: 3\n")
    assert (args["code"], args["line"]) == ("FP103", 3)
    assert "first on line 1, again on line 3" in args["message"]


def test_alias_bomb_is_refused_before_anything_expands_it():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    started = time.perf_counter()
    args = _refusal("\n".join(levels).encode())
    assert args["code"] == "FP104"
    assert time.perf_counter() - started < 1


@pytest.mark.parametrize("tagged", ["!!python/object:os.system x", "!!binary aGVsbG8=", "!!set {a, b}", "!!str x", "!custom x"])
def test_tags_are_refused(tagged):
    assert _refusal(f"value: {tagged}\n".encode())["code"] == "FP105"


def test_non_utf8_bytes_are_reported_with_their_position():
    args = _refusal("a: ok\nb: caf".encode() + b"\xe9\n")
    assert (args["code"], args["line"], args["column"]) == ("FP101", 2, 7)
    assert "0xe9" in args["message"]


def test_a_lone_surrogate_escape_is_refused():
    assert _refusal(b'value: "\\ud800"\n')["code"] == "FP102"


def test_oversized_file_is_refused_without_parsing():
    args = _refusal(b"a: " + b"x" * MAX_BYTES)
    assert args["code"] == "FP108"
