"""`factpack draft ARTICLE.txt`: read the article, propose the draft, and write it where asked."""

import sys

from factpack import scaffold
from factpack.draft import known
from factpack.draft.compose import compose
from factpack.draft.render import render
from factpack.errors import UsageError


def source_of(text: str, args) -> dict:
    """The source block: what the command line gives, the title defaulting to the article's first line."""
    title = args.title or next((line.strip() for line in text.splitlines() if line.strip()), "")
    source = {"id": args.id or scaffold.slugify(title), "url": args.url, "title": title, "publisher": args.publisher,
              "published": args.published, "language": args.language}
    scaffold.check_source(source, url_required=False)
    return source


def draft_text(layout, text: str, source: dict) -> str:
    items = compose(text, source, known.read(layout), known.ids(layout, "events"))
    return render(source, items)


def run(layout, args) -> str:
    """Write the draft: to standard output, to -o FILE, or (--write) into the dataset with the archive copy."""
    text = scaffold.read_article(args.article)
    source = source_of(text, args)
    if args.write:
        archive, facts = scaffold.create(layout, args.article, source, render=lambda s, t: draft_text(layout, t, s))
        return f"wrote {layout.relative(archive)} and {layout.relative(facts)}"
    drafted = draft_text(layout, text, source)
    if args.output:
        if args.output.exists():
            raise UsageError(f"{args.output} already exists", "give another -o, or remove it first")
        args.output.write_text(drafted, encoding="utf-8", newline="\n")
        return f"wrote {args.output}"
    sys.stdout.write(drafted)
    return "wrote the draft to standard output"
