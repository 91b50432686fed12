"""Reference pages rendered from the registry and schema/ cannot go stale: they are generated."""

import html
from factpack import model
from factpack.rules import RULES
from factpack.site import markdown, reference


def test_every_code_is_documented_with_its_title_and_explanation():
    page = reference.error_codes()
    for code, rule in RULES.items():
        assert f"## {code}: {rule.title}" in page
        assert rule.explanation in page


def test_every_codelist_code_appears_on_the_codelists_page():
    page = reference.codelists()
    for name in model.codelist_names():
        for code in model.codes(name):
            assert f"| {code} |" in page, (name, code)


def test_every_field_appears_in_its_data_dictionary_page():
    for table in model.tables():
        page = reference.data_dictionary(table)
        for column in table.columns:
            # a field name may break after an underscore only
            assert "| <code>" + column.name.replace("_", "_<wbr>") + "</code> |" in page


def test_contributed_text_is_inert_markdown():
    hostile = '<script>alert(1)</script> [x](javascript:alert(1)) a | b **bold** {: onclick=x}'
    rendered = markdown.text(hostile)
    for dangerous in ("<script", "](", "|", "**", "{:"):
        assert dangerous not in rendered
    assert markdown.link("x", "javascript:alert(1)") == "x"
    assert markdown.link("x", " javascript:alert(1)") == "x"
    linked = markdown.link("x", "https://example.org/a?b=1&c=2")
    assert linked.startswith('<a href="') and linked.endswith('">x</a>') and "&c" not in linked
    assert html.unescape(linked[len('<a href="'):-len('">x</a>')]) == "https://example.org/a?b=1&c=2"
    # entities are written in one pass: an apostrophe is not escaped twice (it once showed as &#x27; on pages)
    assert html.unescape(markdown.text("it's R&D #1")) == "it's R&D #1"


def test_the_diagram_has_a_box_per_table_and_a_line_per_reference():
    from factpack.site.diagram import er_diagram, relations_table

    svg = er_diagram()
    for table in model.tables():
        assert f'font-weight="bold">{table.name}</text>' in svg
    foreign_keys = sum(len(t.foreign_keys) for t in model.tables())
    self_references = sum(1 for t in model.tables() for fk in t.foreign_keys if fk["reference"]["resource"] == t.name)
    # record_type + record_id: a dashed line to every table the column's codes name, a row per such table
    polymorphic = {t.name: t.column("record_type").spec["enum"] for t in model.tables()
                   if any(c.name == "record_type" for c in t.columns)}
    assert svg.count("<line ") == foreign_keys - self_references + sum(len(targets) for targets in polymorphic.values())
    assert len(relations_table()) - foreign_keys == len(polymorphic)
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
