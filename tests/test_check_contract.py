"""The check contract (factpack/checks/contract.py): one signature per stage, registered once, codes declared."""

import inspect
from pathlib import Path

import pytest

from factpack.checks import contract, registry
from factpack.checks.contract import Check, ContractError, Stage
from factpack.findings import Finding
from factpack.rule_codes import Code
from factpack.rules import RULES

CHECKS_FOLDER = Path(contract.__file__).parent
ARITY = {Stage.DOCUMENT: 1, Stage.FILE: 2, Stage.DATASET: 1, Stage.MERGED: 2}


def test_every_check_module_is_registered_once():
    modules = {p.stem for p in CHECKS_FOLDER.glob("*.py")} - {"__init__", "contract", "registry"}
    registered = [check.name for check in registry.CHECKS]
    assert sorted(registered) == sorted(modules)


def test_every_check_has_its_stage_signature_and_emits_live_codes():
    for check in registry.CHECKS:
        required = [p for p in inspect.signature(check.run).parameters.values() if p.default is p.empty]
        parameters = list(inspect.signature(check.run).parameters)
        assert len(required) <= ARITY[check.stage] <= len(parameters), check.name
        assert all(not RULES[code].retired for code in check.emits), check.name


def test_no_code_is_emitted_by_two_checks():
    owners: dict = {}
    for check in registry.CHECKS:
        for code in check.emits:
            owners.setdefault(code, []).append(check.name)
    shared = {code: names for code, names in owners.items() if len(names) > 1}
    assert shared == {Code.LISTED_TWICE: ["schema", "identifiers"]}  # a list the schema sees, a participant it cannot


def test_a_finding_with_an_undeclared_code_is_a_bug_in_factpack():
    check = Check("example", Stage.DATASET, frozenset({Code.UNKNOWN_REFERENCE}),
                  lambda context: [Finding(Code.DUPLICATE_ID, "declared elsewhere")])
    with pytest.raises(ContractError, match="example reported FP301, which it does not declare"):
        check(None)


def test_codes_are_declared_by_name_not_spelt():
    with pytest.raises(ContractError):
        Check("example", Stage.DATASET, frozenset({"FP302"}), lambda context: [])  # type: ignore[arg-type]
