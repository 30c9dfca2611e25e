"""Extraction speed: documents per second on one core, beside the floor of reading the same files.

    python benchmarks/bench_extract.py                      # 200 generated docs of ~30 KB, 3 rounds
    python benchmarks/bench_extract.py --n 500 --rounds 5
    python benchmarks/bench_extract.py --dir ../shared/seeds --rounds 20

Each round runs `nghiquyet.extract.extract_file` over every file. The floor is what no extractor
can beat: `nghiquyet.read.read_file` plus `nghiquyet.text.normalise` over the same files. One
untimed warm-up round loads vocabularies and fills the page cache first; the figures are the
median round. The process is pinned to one CPU where the system allows it, and CPU time is shown
beside wall time because the machine may be shared.

Goals (issue 2): at least 200 documents/s on documents of the seeds' size (~30 KB), and
extraction within 10 times the floor. The script prints whether they are met; it never fails.

On a shared machine these figures drift by tens of percent from minute to minute; to tell
whether a change made extraction faster, use `compare_extract.py` (both versions, one process).
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from nghiquyet import compiled
from nghiquyet.extract import extract_file
from nghiquyet.read import ReadError, read_file
from nghiquyet.text import normalise

HERE = Path(__file__).resolve().parent
SUFFIXES = {".txt", ".docx", ".pdf"}
GOAL_DOCS_PER_S = 200
GOAL_RATIO = 10


def load_corpus():
    """`benchmarks/corpus.py` as a module (benchmarks/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", HERE / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


def floor_once(paths: list[Path]) -> int:
    """Read and normalise every file; returns the number of characters (so nothing is optimised away)."""
    chars = 0
    for p in paths:
        try:
            chars += len(normalise(read_file(p).text))
        except ReadError:
            pass
    return chars


def extract_once(paths: list[Path], errors: dict[str, str]) -> int:
    """Extract every file; returns the number of targets found. Failures are noted, not raised."""
    found = 0
    for p in paths:
        try:
            x = extract_file(p)
            found += len(x.targets)
        except Exception as e:                # a benchmark reports a failure and goes on
            errors[p.name] = f"{type(e).__name__}: {e}"
    return found


def timed(fn, rounds: int) -> tuple[float, float]:
    """Median wall and CPU seconds of `rounds` calls of `fn`."""
    walls, cpus = [], []
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def run(paths: list[Path], rounds: int) -> dict:
    errors: dict[str, str] = {}
    total_bytes = sum(p.stat().st_size for p in paths)
    floor_once(paths)                                       # warm-up: page cache, imports
    targets = extract_once(paths, errors)                   # warm-up: vocabularies, regex caches
    floor_wall, floor_cpu = timed(lambda: floor_once(paths), rounds)
    ext_wall, ext_cpu = timed(lambda: extract_once(paths, {}), rounds)
    n = len(paths)
    per10kb = total_bytes / 10_000
    return {
        "documents": n, "bytes": total_bytes, "rounds": rounds, "targets": targets, "errors": errors,
        "extract_wall": ext_wall, "extract_cpu": ext_cpu, "floor_wall": floor_wall, "floor_cpu": floor_cpu,
        "docs_per_s": n / ext_wall if ext_wall else float("inf"),
        "docs_per_s_cpu": n / ext_cpu if ext_cpu else float("inf"),
        "ms_per_10kb": 1000 * ext_wall / per10kb if per10kb else 0.0,
        "floor_docs_per_s": n / floor_wall if floor_wall else float("inf"),
        "floor_ms_per_10kb": 1000 * floor_wall / per10kb if per10kb else 0.0,
        "ratio": ext_wall / floor_wall if floor_wall else float("inf"),
        "ratio_cpu": ext_cpu / floor_cpu if floor_cpu else float("inf"),
    }


def report(r: dict, source: str, pinned: str) -> None:
    print(f"corpus: {source}")
    print(f"{r['documents']} documents, {r['bytes'] / 1e6:.2f} MB "
          f"(mean {r['bytes'] / max(r['documents'], 1) / 1000:.1f} KB), {r['rounds']} rounds, {pinned}")
    print(f"code: {compiled.describe()}")
    n = max(r["documents"], 1)
    print(f"{'':<24}{'docs/s':>8}{'ms/10 KB':>10}{'s/round':>9}{'CPU s/round':>13}{'docs/CPU s':>12}")
    for label, key, ms in (("extract", "extract", "ms_per_10kb"),
                           ("floor (read+normalise)", "floor", "floor_ms_per_10kb")):
        wall, cpu = r[f"{key}_wall"], r[f"{key}_cpu"]
        print(f"{label:<24}{n / wall if wall else 0:>8.0f}{r[ms]:>10.3f}{wall:>9.3f}{cpu:>13.3f}"
              f"{n / cpu if cpu else 0:>12.0f}")
    print(f"extract / floor: {r['ratio']:.1f}x wall, {r['ratio_cpu']:.1f}x CPU; "
          f"{r['targets']} targets found per round")
    ok_speed = r["docs_per_s"] >= GOAL_DOCS_PER_S
    ok_ratio = r["ratio"] <= GOAL_RATIO
    print(f"goal >= {GOAL_DOCS_PER_S} docs/s: {'met' if ok_speed else 'NOT met'}; "
          f"goal <= {GOAL_RATIO}x floor: {'met' if ok_ratio else 'NOT met'}")
    if r["errors"]:
        print(f"{len(r['errors'])} files failed to extract:")
        for name, why in sorted(r["errors"].items())[:20]:
            print(f"  {name}: {why}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, help="extract the .txt/.docx/.pdf files of this folder "
                    "instead of a generated corpus")
    ap.add_argument("--n", type=int, default=200, help="generated documents (default 200)")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--kb", type=float, nargs=2, metavar=("LOW", "HIGH"), default=(28, 31),
                    help="size range of generated documents in KB (default 28 31, the seeds' size)")
    args = ap.parse_args(argv)
    if args.rounds < 1 or args.n < 1:
        ap.error("--n and --rounds must be at least 1")
    pinned = pin_one_core()
    with tempfile.TemporaryDirectory(prefix="nghiquyet-bench-") as tmp:
        if args.dir:
            if not args.dir.is_dir():
                ap.error(f"{args.dir}: not a folder")
            paths = sorted(p for p in args.dir.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            source = str(args.dir)
        else:
            size = (int(args.kb[0] * 1000), int(args.kb[1] * 1000))
            paths = load_corpus().generate(args.n, args.seed, tmp, size)
            source = f"benchmarks/corpus.py --n {args.n} --seed {args.seed} --kb {args.kb[0]:g} {args.kb[1]:g}"
        if not paths:
            ap.error("no documents to extract")
        report(run(paths, args.rounds), source, pinned)
    return 0


if __name__ == "__main__":
    sys.exit(main())
