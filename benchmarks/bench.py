"""Benchmark factpack against stock frictionless on synthetic packages, in one run, on this machine.

    python benchmarks/bench.py                  # 2,000 and 20,000 articles, 3 runs each
    python benchmarks/bench.py --large          # adds 200,000 articles (slow: tens of minutes)
    python benchmarks/bench.py --sizes 500 --runs 1 --no-write   # a quick look

Every step runs as a whole process (so imports and start-up count), the steps of
one size alternate within each round, and each reports the median wall time, CPU
time and peak RSS over the runs. The table goes to docs/performance.md unless
--no-write.
"""

import argparse
import compileall
import csv
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from factpack import local_state

REPO = Path(__file__).resolve().parent.parent
FACTPACK = [sys.executable, "-m", "factpack"]
FRICTIONLESS = [sys.executable, "-m", "frictionless"]


def measure(argv, cwd=None) -> dict:
    """Wall seconds, CPU seconds, the peak RSS (MiB) of the largest process, and the peak of all the step's
    processes together (its worker processes included), sampled."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeMemory(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    sampler.stop()
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(map(str, argv))} exited {code}:\n{stderr[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024,
            "tree": max(sampler.peak, usage.ru_maxrss * 1024) / 2**20}


class TreeMemory(threading.Thread):
    """The peak of the summed RSS of a process and its descendants, sampled every SAMPLE_EVERY seconds.

    wait4's ru_maxrss is exact but is the largest single process's: a build's worker processes are not in it.
    The sum counts a page that processes share (what a worker inherited) once per process, so it is an upper
    bound; a peak shorter than the interval can be missed, so the step's figure is at least ru_maxrss."""

    SAMPLE_EVERY = 0.05

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.root, self.peak, self._done = psutil.Process(pid), 0, threading.Event()

    def run(self):
        while not self._done.wait(self.SAMPLE_EVERY):
            self.peak = max(self.peak, self._sample())

    def _sample(self) -> int:
        total = 0
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return 0  # the step has ended: wait4 has its figures
        for process in processes:
            try:
                total += process.memory_info().rss
            except psutil.Error:
                pass  # a worker that ended between listing and reading
        return total

    def stop(self):
        self._done.set()
        self.join()


def touch_one_file(root: Path, round_number: int):
    path = root / "datasets/facts/synthetic-0000000.yaml"
    text = path.read_text(encoding="utf-8")
    marker = 'summary: "Synthetic event 0 of article 0'
    path.write_text(
        text.replace(marker + f" (edit {round_number - 1})", marker).replace(
            marker, marker + f" (edit {round_number})", 1
        ),
        encoding="utf-8",
    )


def steps(root: Path) -> dict:
    """name → (prepare, argv). Each prepare puts the dataset in the state the step needs."""
    cache = local_state.folder(root) / "results"  # the cache is kept outside the dataset
    cold = lambda r: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
    return {
        "cold build": (cold, FACTPACK + ["--root", str(root), "build"]),
        "warm build, one file edited": (lambda r: touch_one_file(root, r), FACTPACK + ["--root", str(root), "build"]),
        "cold validate (fact files)": (cold, FACTPACK + ["--root", str(root), "validate"]),
        "warm validate, one file edited": (lambda r: touch_one_file(root, r + 100), FACTPACK + ["--root", str(root), "validate"]),
        "factpack validate datapackage.json": (None, FACTPACK + ["validate", str(root / "datapackage.json")]),
        "frictionless validate datapackage.json": (None, FRICTIONLESS + ["validate", str(root / "datapackage.json")]),
    }


def bench_size(articles: int, runs: int, workdir: Path) -> dict:
    root = workdir / f"synthetic-{articles}"
    synth = measure(FACTPACK + ["synth", "--articles", str(articles), str(root)])
    measure(FACTPACK + ["--root", str(root), "build"])  # the package the validators read
    results = {name: [] for name in steps(root)}
    for round_number in range(1, runs + 1):
        for name, (prepare, argv) in steps(root).items():
            if prepare:
                prepare(round_number)
                if name.startswith("warm"):
                    measure(FACTPACK + ["--root", str(root), "validate"])  # fill the cache before the edit counts
                    touch_one_file(root, round_number + 200)
            results[name].append(measure(argv))
    total_rows = 0
    for path in (root / "datasets/csv").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            total_rows += sum(1 for _ in csv.reader(handle)) - 1
    size = sum(p.stat().st_size for p in (root / "datasets/csv").glob("*.csv"))
    shutil.rmtree(root)
    return {"articles": articles, "synth": synth, "rows": total_rows, "csv_mb": size / 1e6,
            "steps": {name: {k: statistics.median(r[k] for r in runs_) for k in ("wall", "cpu", "rss", "tree")}
                      for name, runs_ in results.items()}}


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown CPU")
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)
    return (f"{os.cpu_count()} cores ({model}), {memory / 1024:.0f} GiB memory, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}")


def table(results: list, runs: int) -> str:
    lines = [f"Machine: {machine()}. Median of {runs} run(s) per step; steps alternate within each round.", "",
             "| articles | step | wall (s) | CPU (s) | peak RSS, largest process (MiB) | peak, all processes (MiB) "
             "| vs frictionless |",
             "|---|---|---|---|---|---|---|"]
    for result in results:
        stock = result["steps"]["frictionless validate datapackage.json"]["wall"]
        for name, m in result["steps"].items():
            ratio = f"{stock / m['wall']:.1f}× faster" if name == "factpack validate datapackage.json" else ""
            lines.append(f"| {result['articles']:,} | {name} | {m['wall']:.2f} | {m['cpu']:.2f} | {m['rss']:.0f} "
                         f"| {m['tree']:.0f} | {ratio} |")
        per = result["steps"]["cold build"]["wall"] / result["articles"] * 1000
        rss = result["steps"]["cold build"]["tree"] / result["articles"] * 1024
        lines.append(f"| {result['articles']:,} | (package: {result['rows']:,} rows, {result['csv_mb']:.0f} MB of CSV; "
                     f"cold build {per:.2f} ms and {rss:.0f} KiB peak per article) | | | | | |")
    return "\n".join(lines) + "\n\n" + targets(results)


# The project's targets (2 cores): (step, target, the sizes it is set for, test of the median).
TARGETS = [
    ("factpack validate datapackage.json", "at least 20× faster than frictionless", (20_000, 200_000),
     lambda m, stock: stock / m["wall"] >= 20),
    ("cold build", "≤ 20 s", (20_000,), lambda m, stock: m["wall"] <= 20),
    ("warm build, one file edited", "≤ 1 s", (20_000,), lambda m, stock: m["wall"] <= 1),
    ("warm validate, one file edited", "≤ 1 s", (20_000,), lambda m, stock: m["wall"] <= 1),
    ("cold build", "peak memory ≤ 1 GiB", (20_000, 200_000), lambda m, stock: m["tree"] <= 1024),
]


def _measured(target: str, m: dict, stock: float) -> str:
    if "faster" in target:
        return f"{stock / m['wall']:.1f}×"
    return f"{m['tree']:.0f} MiB" if "memory" in target else f"{m['wall']:.2f} s"


def targets(results: list) -> str:
    lines = ["| articles | step | target | measured | met |", "|---|---|---|---|---|"]
    for result in results:
        stock = result["steps"]["frictionless validate datapackage.json"]["wall"]
        for step, target, sizes, met in TARGETS:
            if result["articles"] in sizes:
                m = result["steps"][step]
                lines.append(f"| {result['articles']:,} | {step} | {target} | {_measured(target, m, stock)} | "
                             f"{'yes' if met(m, stock) else 'no'} |")
    if len(lines) == 2:
        lines.append("| | (the targets are set for 20,000 and 200,000 articles) | | | |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="2000,20000", help="comma-separated article counts")
    parser.add_argument("--large", action="store_true", help="also 200,000 articles")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")] + ([200_000] if args.large else [])
    # A user's first run writes factpack's bytecode, as pip did frictionless's at install; where
    # PYTHONDONTWRITEBYTECODE is set, every step would compile factpack's modules again (about 0.1 s).
    compileall.compile_dir(REPO / "scripts" / "factpack", quiet=1)
    with tempfile.TemporaryDirectory(prefix="factpack-bench-") as workdir:
        results = [bench_size(n, args.runs, Path(workdir)) for n in sizes]
    text = table(results, args.runs)
    print(text)
    if not args.no_write:
        write_page(REPO / "docs/performance.md", text)


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_page(page: Path, text: str):
    """Put the tables between the page's markers, keeping the prose around them (or write a new page)."""
    current = page.read_text(encoding="utf-8") if page.exists() else ""
    if START in current and END in current:
        before, rest = current.split(START, 1)
        after = rest.split(END, 1)[1]
        page.write_text(f"{before}{START}\n{text}{END}{after}", encoding="utf-8")
    else:
        page.write_text("# Performance\n\nMeasured by `python benchmarks/bench.py` on synthetic packages made by "
                        f"`factpack synth`.\n\n{START}\n{text}{END}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
