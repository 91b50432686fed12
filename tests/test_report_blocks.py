"""The text report joined from each file's kept block is the report rendered from the findings themselves."""

from hypothesis import given
from hypothesis import strategies as st

from factpack import report_blocks
from factpack.findings import Finding, has_errors, sort_findings
from factpack.render import render_text

FACT_FILES = ("datasets/facts/a.yaml", "datasets/facts/b.yaml", "datasets/facts/c.yaml")
OTHER_FILES = ("", "datasets/retired-ids.csv")  # findings about the dataset, and a curated table's
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)  # control characters too


def _findings(files) -> st.SearchStrategy:
    return st.lists(st.tuples(
        st.sampled_from(["FP101", "FP302", "FP905"]), TEXT, st.sampled_from(files), st.integers(0, 3),
        st.integers(0, 2), TEXT, TEXT, st.sampled_from(["error", "warning"]),
        st.lists(st.sampled_from([f"{name}:{line}" for name in FACT_FILES for line in (1, 2)]), max_size=2).map(tuple),
    ), max_size=12)


def _grouped(fields: list) -> dict:
    grouped: dict = {}
    for values in fields:
        grouped.setdefault(values[2], []).append(values)
    return grouped


def _kept(own_fields: list, across_fields: list) -> report_blocks.Shown:
    own = {name: [] for name in FACT_FILES} | _grouped(own_fields)
    assert report_blocks.owned(own)
    return report_blocks.Shown(report_blocks.blocks(own, _grouped(across_fields)))


@given(_findings(FACT_FILES), _findings(FACT_FILES + OTHER_FILES), _findings(OTHER_FILES),
       st.sets(st.sampled_from(FACT_FILES + OTHER_FILES)))
def test_the_joined_report_is_the_rendered_one(own, across, more, named):
    """Repeats included (a cross-file finding may be found twice), and with findings made outside the state."""
    findings = sort_findings(Finding(*values) for values in own + across + more)
    shown = _kept(own, across).with_more([Finding(*values) for values in more])
    assert shown is not None
    assert shown.text() == render_text(findings)
    assert shown.has_errors == has_errors(findings)
    assert shown.only(named).text() == render_text([finding for finding in findings if finding.file in named])


def test_a_finding_made_outside_the_state_about_a_fact_file_with_a_block_is_not_joined():
    """A fact file's block keeps its lines, not its findings: they could not be sorted together."""
    own = [("FP101", "unknown key", FACT_FILES[0], 2, 1, "source.x", "", "error", ())]
    about_it = Finding("FP101", "another", FACT_FILES[0], 1, 1, severity="error")
    assert _kept(own, []).with_more([about_it]) is None
    assert _kept([], []).with_more([about_it]).text() == render_text([about_it])


def test_own_findings_about_another_file_are_not_kept_as_blocks():
    assert not report_blocks.owned({FACT_FILES[0]: [("FP101", "x", FACT_FILES[1], 1, 1, "", "", "error", ())]})
