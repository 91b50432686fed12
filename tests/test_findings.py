"""The finding: what it holds, and the one order findings are reported in."""

import itertools

from factpack.findings import Finding, escalate, sort_findings
from factpack.rule_codes import Code


def test_a_finding_keeps_its_code_as_text_and_takes_its_rules_severity_unless_given():
    found = Finding(Code.UNKNOWN_REFERENCE, "x", "a.yaml", 3, 4)
    assert found.code == "FP302" and type(found.code) is str
    assert found.severity == "error" and Finding("FP902", "x").severity == "warning"
    assert Finding("FP302", "x", severity="warning").severity == "warning"
    assert Finding(**found.as_dict()) == found and hash(Finding(**found.as_dict())) == hash(found)
    assert escalate([Finding("FP902", "x")], strict=True)[0].severity == "error"


def test_findings_are_reported_once_each_in_one_order_whatever_order_they_come_in():
    """Findings at the same place with the same message can still differ (a hint, a severity, the files they
    relate): the order breaks those ties too, so that a report never depends on the order the checks ran in."""
    found = [Finding("FP905", "same", "b.yaml", 2, 1, hint="one"), Finding("FP905", "same", "b.yaml", 2, 1, hint="two"),
             Finding("FP905", "same", "b.yaml", 2, 1, hint="one", related=("c.yaml:4",)),
             Finding("FP905", "same", "b.yaml", 2, 1, hint="one", severity="error"),
             Finding("FP302", "other", "b.yaml", 2, 1), Finding("FP302", "x", "a.yaml", 9, 1), Finding("FP902", "y")]
    orders = {tuple(sort_findings(list(order) + [order[0]])) for order in itertools.permutations(found)}
    assert len(orders) == 1
    (reported,) = orders
    assert len(reported) == len(found)
    assert [(f.file, f.line) for f in reported] == sorted((f.file, f.line) for f in found)
