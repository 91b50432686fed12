"""Making contributed text safe inside generated Markdown.

Python-Markdown passes raw HTML through, turns `[x](javascript:…)` into links and cuts
table cells at `|`. Every contributed string is therefore HTML-escaped and has its
Markdown syntax characters neutralised before it reaches a page; only http(s) URLs
become links.
"""

import html
import re
from urllib.parse import urlsplit

# HTML's and Markdown's special characters, replaced by numeric entities in one pass: escaping HTML first
# and Markdown after would break the entities of the first pass (the # of &#x27;). Line-start syntax
# (lists, headings) cannot occur: line breaks become <br>.
_SPECIAL = re.compile(r"[&<>\"'\\`*_{}\[\]()#!|~]")


def text(value) -> str:
    """Contributed text as inert Markdown: shown exactly, never interpreted."""
    if value is None:
        return ""
    escaped = _SPECIAL.sub(lambda m: "&#%d;" % ord(m.group(0)), str(value))
    return escaped.replace("\r", " ").replace("\n", "<br>")


def safe_url(url) -> str | None:
    """The URL if it is http(s) (as a browser would read it), else None."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return url
    return None


def attribute(value: str) -> str:
    """A value for an HTML attribute inside Markdown: HTML-escaped, and with Markdown's syntax characters
    as character references, so that Markdown cannot re-read it (`[x](…)` in a URL would become a second
    link inside the attribute). Browsers decode the references, so the value itself is unchanged."""
    return _SPECIAL.sub(lambda m: "&#%d;" % ord(m.group(0)), value)


def link(label, url) -> str:
    target = safe_url(url)
    if not target:
        return text(label)
    return f'<a href="{attribute(target)}">{text(label)}</a>'


def table(headers, rows) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def plain(value) -> str:
    """Contributed text for an HTML fragment: escaped, line breaks kept."""
    if value is None:
        return ""
    return html.escape(str(value), quote=True).replace("\r", " ").replace("\n", "<br>")


def page_href(markdown_path: str) -> str:
    """The URL, relative to a (non-index) page, of the page whose Markdown is at `markdown_path` relative to it.

    Pages are served as directories (`x.md` → `x/`), so a page's own URL is one level deeper than its file.
    """
    return "../" + markdown_path.removesuffix(".md") + "/"


def anchor(label_html: str, markdown_path: str) -> str:
    return f'<a href="{attribute(page_href(markdown_path))}">{label_html}</a>'


def html_table(headers, rows) -> str:
    """A raw HTML table: Python-Markdown leaves it alone, so contributed text is never parsed as Markdown,
    and large tables cost no inline parsing. Cells must already be safe HTML."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead><tbody>{body}</tbody>\n</table>\n"
