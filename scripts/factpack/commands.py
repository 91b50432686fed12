"""What each subcommand does, in terms of the pipeline and the publisher."""

import json
import sys
from pathlib import Path

# Each command imports what it needs itself: `factpack draft` or `explain` should not pay for pyarrow or frictionless.
from factpack import lifetime
from factpack.errors import UsageError
from factpack.findings import escalate, has_errors, sort_findings
from factpack.layout import schema_dir
from factpack.render import RENDERERS, render_text
from factpack.report_blocks import Shown


def _report(findings, args) -> bool:
    """Print the findings; True when they contain errors."""
    if isinstance(findings, Shown):  # asked for as plain text (_plain_text), and kept so
        sys.stdout.write(findings.text())
        return findings.has_errors
    findings = escalate(findings, args.strict)
    renderer = RENDERERS[args.format]
    text = render_text(findings, colour=sys.stdout.isatty()) if args.format == "text" else renderer(findings)
    sys.stdout.write(text)
    return has_errors(findings)


def _plain_text(args) -> bool:
    """Whether the findings are reported as text without colour (not on a terminal) and as they are (not --strict):
    a validation after an edit can then join the report from the blocks it kept (report_blocks)."""
    return args.format == "text" and not args.strict and not sys.stdout.isatty()


def _check_published(layout, files) -> int:
    from factpack import publish

    stale = publish.stale_files(layout, files)
    for name in stale:
        print(f"factpack: stale: {name}", file=sys.stderr)
    if stale:
        print(f"factpack: {len(stale)} published file(s) do not match the fact files; "
              "run `factpack build` and commit the result", file=sys.stderr)
        return 1
    print("factpack: published files are up to date", file=sys.stderr)
    return 0


def build(layout, args) -> int:
    from factpack import pipeline, progress, publish

    # Only a build that publishes finishes a publication a killed build had committed.
    with publish.locked(layout, finish_publication=not args.check):
        with progress.shown():
            result = pipeline.run(layout, jobs=args.jobs, use_cache=not args.no_cache)
        lifetime.keep(result)
        files, tables = result.files, result.rows
        if _report(result.findings, args) or files is None or tables is None:
            print("factpack: nothing written: fix the errors above first", file=sys.stderr)
            return 1
        if args.check:
            return _check_published(layout, files)
        changed = publish.publish(layout, files)
        rows = sum(len(r) for r in tables.values())
        print(f"factpack: wrote {len(changed)} of {len(files)} files ({rows} rows); "
              "the others were already up to date" if len(changed) < len(files) else
              f"factpack: wrote {len(files)} files ({rows} rows)", file=sys.stderr)
        return 0


def _validate_package(descriptor: Path, args) -> int:
    from factpack import package_validation

    findings = package_validation.findings(descriptor, args.time_limit)
    return 1 if _report(sort_findings(findings), args) else 0


def validate(layout, args) -> int:
    missing = [p for p in args.files if not Path(p).is_file()]
    if missing:
        raise UsageError(f"no such file: {missing[0]}", "give paths to fact files, e.g. datasets/facts/x.yaml")
    if len(args.files) == 1 and Path(args.files[0]).suffix == ".json":
        return _validate_package(Path(args.files[0]), args)
    from factpack import changed_files, pipeline, progress

    wanted = sorted({Path(p).resolve() for p in args.files})
    if args.changed is not None:
        wanted = sorted(set(wanted) | set(changed_files.fact_files(layout, args.changed)))
        if not wanted:
            print(f"factpack: no fact file differs from {args.changed}; nothing to report", file=sys.stderr)
            return 0
    known = layout.fact_files()
    extra = [p for p in wanted if p not in {q.resolve() for q in known}]
    names = frozenset(layout.relative(p) for p in wanted)
    with progress.shown():
        checked = pipeline.check(layout, known + extra, jobs=args.jobs, use_cache=not args.no_cache, focus=names,
                                 incremental=True, texts=_plain_text(args))
    lifetime.keep(checked)
    findings = checked[0]
    if wanted:  # what concerns the named files: their own findings, and the cross-file ones they introduced
        findings = findings.only(names) if isinstance(findings, Shown) else [f for f in findings if f.file in names]
    return 1 if _report(findings, args) else 0


def schema(layout, args) -> int:
    from factpack import schema_outputs

    path = schema_dir() / schema_outputs.FACTS_SCHEMA_NAME
    text = schema_outputs.dumps(schema_outputs.facts_schema())
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if args.check:
        if current != text:
            print(f"factpack: {path.name} is stale; run `factpack schema` and commit it", file=sys.stderr)
            return 1
        return 0
    if current != text:
        path.write_text(text, encoding="utf-8", newline="\n")
    print(f"factpack: {path.name} is up to date", file=sys.stderr)
    return 0


def new(layout, args) -> int:
    from factpack import scaffold

    source = {"id": args.id or scaffold.slugify(args.title), "url": args.url, "title": args.title,
              "publisher": args.publisher, "published": args.published, "language": args.language}
    archive, facts = scaffold.create(layout, args.article, source)
    print(f"factpack: wrote {layout.relative(archive)} and {layout.relative(facts)}", file=sys.stderr)
    print(f"factpack: next: fill in {layout.relative(facts)}, then run `factpack validate` "
          "(`factpack draft` proposes the facts from the article's text instead)", file=sys.stderr)
    return 0


def draft(layout, args) -> int:
    from factpack.draft import article

    print(f"factpack: {article.run(layout, args)}; review every item, then run `factpack validate`", file=sys.stderr)
    return 0


def explain(layout, args) -> int:
    from factpack.explain import explain as explained

    sys.stdout.write(explained(args.code))
    return 0


def synth(layout, args) -> int:
    from factpack import synth as synthetic

    if args.articles < 1:
        raise UsageError("--articles must be at least 1")
    if (args.directory / "datasets/facts").exists() and any((args.directory / "datasets/facts").iterdir()):
        raise UsageError(f"{args.directory}/datasets/facts already has files", "give an empty or new directory")
    synthetic.write(args.directory, args.articles, args.seed)
    print(f"factpack: wrote {args.articles} synthetic articles to {args.directory}", file=sys.stderr)
    return 0


def diff(layout, args) -> int:
    from factpack import diff_render, package_diff

    result = package_diff.compare(args.old, args.new, Path.cwd())
    sys.stdout.write(diff_render.RENDERERS[args.format](result))
    return 0


def sqlite(layout, args) -> int:
    from factpack import schema_outputs, sqlite_export

    package = json.loads((layout.root / "datapackage.json").read_text(encoding="utf-8"))
    database = args.output if args.output.is_absolute() else layout.root / args.output
    sqlite_export.write(layout.root, database)
    described = database.with_name(database.stem + ".datasette.json")
    described.write_text(schema_outputs.dumps(sqlite_export.metadata(package, database.stem)), encoding="utf-8")
    print(f"factpack: wrote {database} and {described.name}; browse with: datasette {database} -m {described}",
          file=sys.stderr)
    return 0


def release(layout, args) -> int:
    import datetime

    from factpack import diff_render, pipeline, publish
    from factpack import release as releasing

    previous, diff, level = releasing.prepare(layout.root, args.version)
    with publish.locked(layout):
        built = pipeline.run(layout)
        if built.files is None:
            raise UsageError("the fact files have errors", "run `factpack validate` and fix them first")
        if publish.stale_files(layout, built.files):
            raise UsageError("the published files do not match the fact files", "run `factpack build` and commit first")
    print(f"factpack: {previous} → {args.version} is a {level} release", file=sys.stderr)
    if args.dry_run:
        sys.stdout.write(diff_render.markdown(diff))
        return 0
    releasing.write_files(layout.root, args.version, diff, datetime.date.today())
    with publish.locked(layout, finish_publication=True):
        result = pipeline.run(layout)
        if result.files is None:
            raise UsageError("the release's rebuild failed", "run `factpack validate`; nothing was committed")
        publish.publish(layout, result.files)
    releasing.commit_and_tag(layout.root, args.version)
    print(f"factpack: released {args.version}: committed and tagged v{args.version}; push with git push --follow-tags",
          file=sys.stderr)
    return 0


def site(layout, args) -> int:
    from factpack.site import sources

    out = args.out if args.out.is_absolute() else layout.root / args.out
    count = sources.write(layout.root, out)
    print(f"factpack: wrote {count} generated pages and downloads, docs/ and mkdocs.yml to {out}; "
          f"build with: mkdocs build -f {out / 'mkdocs.yml'}", file=sys.stderr)
    return 0
