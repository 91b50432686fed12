"""Where things live in a dataset folder, and where the toolkit's schema lives."""

import os
from dataclasses import dataclass
from pathlib import Path

from factpack.errors import UsageError
from factpack.safe_paths import real_folder


ARCHIVE = "datasets/archive"  # relative to the dataset root, with forward slashes


def schema_dir() -> Path:
    """The schema/ folder: packaged beside the code in a wheel, at the repository top in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "schema", here.parent.parent / "schema"):
        if (candidate / "tables").is_dir():
            return candidate
    raise UsageError("factpack's schema/ folder is missing", "reinstall factpack: pip install -e .")


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def facts(self) -> Path:
        return self.root / "datasets" / "facts"

    @property
    def archive(self) -> Path:
        return self.root / ARCHIVE

    @property
    def csv(self) -> Path:
        return self.root / "datasets" / "csv"

    @property
    def json(self) -> Path:
        return self.root / "datasets" / "json"

    @property
    def metadata(self) -> Path:
        return self.root / "datasets" / "package.json"

    @property
    def descriptor(self) -> Path:
        return self.root / "datapackage.json"

    @property
    def lock(self) -> Path:
        return self.root / ".factpack.lock"

    def relative(self, path: Path) -> str:
        """A path as the contributor sees it: relative to the dataset root, with forward slashes."""
        text, root = os.fspath(path), os.fspath(self.root)
        if os.sep == "/" and "/.." not in "/" + text:  # every fact file of a run (20,000 at 20,000 articles): no Path
            if root == "." and not text.startswith("/"):
                return text
            if text.startswith(root + "/"):
                return text[len(root) + 1:]
        if path.is_relative_to(self.root) and ".." not in path.parts:
            return path.relative_to(self.root).as_posix()  # the usual case, without asking the file system
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def fact_files(self) -> list:
        real_folder(self.root, "datasets/facts")  # a linked folder would bring in files from anywhere
        if not self.facts.is_dir():
            raise UsageError(
                f"no datasets/facts/ folder in {self.root}",
                "run factpack in a dataset folder, or point at one with --root DIR",
            )
        return sorted(self.facts.glob("*.yaml"), key=lambda p: p.name)

    def archive_for(self, source_id: str) -> Path:
        return self.archive / f"{source_id}.txt"

    @staticmethod
    def archive_name(source_id: str) -> str:
        """archive_for, relative to the root."""
        return f"{ARCHIVE}/{source_id}.txt"


def table_path(table_name: str, fmt: str) -> str:
    """Where a table is published in one format (csv, json or parquet), relative to the dataset."""
    return f"datasets/{fmt}/{table_name}.{fmt}"
