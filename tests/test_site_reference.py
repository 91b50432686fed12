"""Reference pages rendered from the registry and schema/ cannot go stale: they are generated."""

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
            assert f"| `{column.name}` |" in page


def test_contributed_text_is_inert_markdown():
    hostile = '<script>alert(1)</script> [x](javascript:alert(1)) a | b **bold** {: onclick=x}'
    rendered = markdown.text(hostile)
    for dangerous in ("<script", "](", "|", "**", "{:"):
        assert dangerous not in rendered
    assert markdown.link("x", "javascript:alert(1)") == "x"
    assert markdown.link("x", " javascript:alert(1)") == "x"
    assert markdown.link("x", "https://example.org/a?b=1&c=2") == '<a href="https://example.org/a?b=1&amp;c=2">x</a>'
