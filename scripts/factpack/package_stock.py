"""Stock frictionless, run in a child process under a time limit, for what factpack's fast route does not model.

frictionless checks a descriptor's patterns with Python's re, which can backtrack for ever on a
hostile pattern, and it raises on some descriptors instead of reporting them. In a child process
both become findings: a run over the time limit is stopped and reported, and an exception is
reported with its message. The child's address space is capped (MEMORY_LIMIT): a 200 KB JSON file
nesting lists 100,000 deep made frictionless grow to 24 GB before the kernel killed it.
Its errors are returned as they are, so that the verdict is frictionless's.

Run as `python -m factpack.package_stock descriptor|package DATAPACKAGE.json`: prints a JSON list of errors.
"""

import json
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DESCRIPTOR, PACKAGE = "descriptor", "package"
MEMORY_LIMIT = 4 * 1024 ** 3


@dataclass
class Running:
    """A started child: `errors()` waits for it (at most the time limit) and returns its errors as dicts."""
    process: subprocess.Popen
    time_limit: float
    memory_limit: int

    def errors(self) -> list:
        try:
            out, err = self.process.communicate(timeout=self.time_limit)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            return [{"resource": "", "type": "time-limit",
                     "note": f"frictionless did not finish within {self.time_limit:g} s (a pattern that backtracks, "
                             "such as (a|a)+b, can run for ever); the package was not checked"}]
        try:
            return json.loads(out)
        except ValueError:
            tail = err.decode("utf-8", errors="replace").strip().splitlines()[-1:] or ["no output"]
            return [{"resource": "", "type": "exception", "note": f"frictionless stopped: {tail[0]} (it may have "
                                                                  f"reached its memory limit of {self.memory_limit >> 20} MiB)"}]


def start(descriptor_path: Path, mode: str, time_limit: float, memory_limit: int = MEMORY_LIMIT) -> Running:
    command = [sys.executable, "-m", "factpack.package_stock", mode, str(descriptor_path)]

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               preexec_fn=cap_memory)
    return Running(process, time_limit, memory_limit)


def _as_dicts(report) -> list:
    errors = [{"resource": "", "type": e.type, "note": e.note} for e in report.errors]
    for task in report.tasks:
        errors += [{"resource": task.name, "type": e.type, "note": e.note, "row": getattr(e, "row_number", None),
                    "field_number": getattr(e, "field_number", None), "field_name": getattr(e, "field_name", None)}
                   for e in task.errors]
    return errors


def _validate(mode: str, path: Path):
    import frictionless  # imported only in the child

    if mode == DESCRIPTOR:
        return frictionless.Package.validate_descriptor(json.loads(path.read_text(encoding="utf-8")),
                                                        basepath=str(path.parent))
    return frictionless.validate(str(path))


def main(argv) -> int:
    import warnings

    warnings.simplefilter("ignore")  # frictionless's FutureWarnings on odd patterns are not findings
    mode, path = argv
    try:
        errors = _as_dicts(_validate(mode, Path(path)))
    except Exception as error:  # noqa: BLE001 - stock frictionless raising is its verdict: the package cannot be checked
        errors = [{"resource": "", "type": "exception", "note": f"frictionless raised {type(error).__name__}: {error}"}]
    sys.stdout.write(json.dumps(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
