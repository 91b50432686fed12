"""The events chart: drawn from event_counts, every label inside the picture."""

import re

from factpack.site.browse import chart


def test_every_label_of_the_chart_is_inside_the_picture():
    counts = [{"period": "2017", "events": 1}, {"period": "2019-03", "events": 40}, {"period": "2019-04", "events": 2}]
    svg = chart(counts)
    height = float(re.search(r'height="([0-9.]+)" viewBox', svg).group(1))
    labels = [
        (float(y), size, text)
        for y, size, text in re.findall(r'<text [^>]*y="([0-9.]+)" font-size="([0-9]+)"[^>]*>([^<]*)<', svg)
    ]
    assert {text for *_, text in labels} >= {"2017", "2018", "2019", "42", "0", "1"}
    for y, size, text in labels:
        assert float(size) <= y <= height, (text, y)  # the baseline leaves room for the glyphs above it


def test_the_chart_sums_months_into_years():
    svg = chart([{"period": "2019-03", "events": 3}, {"period": "2019-04", "events": 2}, {"period": "2019", "events": 1}])
    assert "<title>2019: 6 events</title>" in svg
