"""The command line: argument parsing, output and exit codes only.

Exit codes: 0 valid, 1 the data has errors (or generated files are stale),
2 usage error (bad arguments, not a dataset folder, locked), 3 a bug in factpack.
"""

import argparse
import contextlib
import gc
import os
import sys
from pathlib import Path

from factpack import __version__, commands, lifetime
from factpack.errors import FactpackError
from factpack.layout import Layout
from factpack.render import RENDERERS


def _report_options(parser):
    parser.add_argument("--format", choices=sorted(RENDERERS), default="text",
                        help="text (default), json (a report following schema/report.schema.json) "
                             "or github (annotations for GitHub Actions)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--jobs", type=int, default=0, metavar="N",
                        help="worker processes for reading fact files (default: one per core for large datasets)")
    parser.add_argument("--no-cache", action="store_true",
                        help="ignore the cache of per-file results, kept outside the dataset in the user's cache folder "
                             "or $FACTPACK_CACHE_DIR (output is the same either way)")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="factpack", description="Build and validate the factpack data package.",
        epilog="Every finding has a code such as FP601: `factpack explain FP601` says what it means, shows an example "
               "and how to fix it.")
    top.add_argument("--version", action="version", version=f"factpack {__version__}")
    top.add_argument("--root", type=Path, default=Path("."), help="the dataset folder (default: the current one)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="validate every fact file and write the tables and datapackage.json")
    build.add_argument("--check", action="store_true",
                       help="write nothing; fail if the published files differ from what a build would write")
    _report_options(build)

    validate = sub.add_parser("validate", help="run every check and write nothing")
    validate.add_argument("files", nargs="*", type=Path,
                          help="fact files to report on (default: all), or one datapackage.json to check a built package")
    validate.add_argument("--changed", metavar="REF", nargs="?", const="HEAD",
                          help="report on the fact files that differ from a git revision (default HEAD; in a pull "
                               "request, its base, e.g. origin/main), with their cross-file effects")
    validate.add_argument("--time-limit", type=float, metavar="SECONDS",
                          help="for a datapackage.json that stock frictionless checks: stop it after this long and report "
                               "it (default: 60 s plus 1 s per MB of data)")
    _report_options(validate)

    new = sub.add_parser("new", help="start a new article: archive its text and write a fact-file skeleton")
    new.add_argument("article", type=Path, help="the article as a UTF-8 plain-text file")
    new.add_argument("--url", required=True, help="where the article was published (http/https)")
    new.add_argument("--title", required=True, help="the headline")
    new.add_argument("--publisher", required=True, help="the outlet")
    new.add_argument("--published", required=True, help="publication date (EDTF, e.g. 2019-03-14 or 2019-03-14?)")
    new.add_argument("--language", default="en", help="language of the article (BCP 47; default en)")
    new.add_argument("--id", help="the source id (default: made from the title)")

    draft = sub.add_parser("draft", help="propose a fact file from an article's text, for you to review: people, "
                                         "organizations, places, events and dates, each with its quote")
    draft.add_argument("article", type=Path, help="the article as a UTF-8 plain-text file")
    draft.add_argument("--published", required=True,
                       help="publication date (EDTF, e.g. 2019-03-14): relative dates are resolved against it")
    draft.add_argument("--url", help="where the article was published (http/https)")
    draft.add_argument("--title", help="the headline (default: the article's first line)")
    draft.add_argument("--publisher", help="the outlet")
    draft.add_argument("--language", default="en", help="language of the article (BCP 47; default en)")
    draft.add_argument("--id", help="the source id (default: made from the title)")
    where = draft.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, help="write the draft to this file (default: standard output)")
    where.add_argument("--write", action="store_true",
                       help="write the draft into the dataset as datasets/facts/<id>.yaml, with the article's copy "
                            "in datasets/archive/<id>.txt (as `factpack new` does)")

    explain = sub.add_parser("explain", help="what a finding's code means, an example that breaks the rule, and the fix")
    explain.add_argument("code", help="the code, e.g. FP601")

    synth = sub.add_parser("synth", help="write a synthetic dataset shaped like real data (for benchmarks)")
    synth.add_argument("directory", type=Path, help="where to write it (datasets/ is created inside)")
    synth.add_argument("--articles", type=int, required=True, help="how many articles")
    synth.add_argument("--seed", type=int, default=1, help="the same N and seed give the same files")

    site = sub.add_parser("site", help="write the documentation site's sources (every generated page) as files, "
                                       "with a mkdocs.yml for any generator that reads one")
    site.add_argument("--out", type=Path, default=Path("build/site-sources"),
                      help="where to write them (default: build/site-sources); then e.g. mkdocs build -f <out>/mkdocs.yml")

    release = sub.add_parser("release", help="release a version: check its number against the changes, write the "
                                             "changelog, citation and version, rebuild, commit and tag")
    release.add_argument("version", help="the new version, MAJOR.MINOR.PATCH (rules: CHANGELOG.md)")
    release.add_argument("--dry-run", action="store_true", help="check the number and print the entry; change nothing")

    sqlite = sub.add_parser("sqlite", help="write the built package as a SQLite database for Datasette, with its metadata")
    sqlite.add_argument("--output", type=Path, default=Path("datasets/factpack.sqlite"),
                        help="the database to write (default: datasets/factpack.sqlite); the Datasette metadata "
                             "goes beside it as <name>.datasette.json")

    diff = sub.add_parser("diff", help="what changed between two packages: records added, removed and changed per table")
    diff.add_argument("old", help="the earlier package: a datapackage.json, or a git revision as REV:datapackage.json")
    diff.add_argument("new", help="the later package, given the same way (e.g. datapackage.json)")
    diff.add_argument("--format", choices=["text", "json", "markdown"], default="text",
                      help="text (default), json (every id) or markdown (for the changelog)")

    schema = sub.add_parser("schema", help="regenerate schema/facts.schema.json from schema/tables/")
    schema.add_argument("--check", action="store_true", help="fail if the committed file is stale")
    return top


@contextlib.contextmanager
def _cycle_collection_paused(resume: bool):
    """A build holds millions of long-lived objects (records, rows) and frees almost nothing
    until it ends; Python's cyclic collector would rescan them all every few thousand
    allocations, which was 40% of a 20,000-article build. Reference counting still frees
    everything that is not in a cycle, and the process ends soon after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # Resuming costs a full collection over everything built (a second at 20,000 articles),
        # so the program, which ends right after, does not resume.
        if was_enabled and resume:
            gc.enable()


def main(argv=None, *, resume_collection: bool = True) -> int:
    args = parser().parse_args(argv)
    layout = Layout(args.root)
    try:
        with _cycle_collection_paused(resume_collection):
            return getattr(commands, args.command)(layout, args)
    except FactpackError as error:
        print(f"factpack: error: {error.message}", file=sys.stderr)
        if error.hint:
            print(f"    hint: {error.hint}", file=sys.stderr)
        return error.exit_code
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback for users
        if os.environ.get("FACTPACK_DEBUG"):
            raise
        print(f"factpack: internal error: {type(error).__name__}: {error}\n"
              "    hint: this is a bug in factpack; run again with FACTPACK_DEBUG=1 and report the traceback",
              file=sys.stderr)
        return 3


def run():
    """The program's entry point: main, then leave without freeing what the command built (see lifetime)."""
    lifetime.exit_now(main(resume_collection=False))
