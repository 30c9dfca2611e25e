"""Extraction speed of the working tree against an older commit, measured side by side.

    python benchmarks/compare_extract.py --rev e9b99e1                      # generated corpus
    python benchmarks/compare_extract.py --rev e9b99e1 --dir ../shared/seeds --rounds 20

On a shared machine the speed of one core drifts by tens of percent from minute to minute, so
two runs of `bench_extract.py` made a minute apart cannot show a 10% gain. This script loads
the package of commit REV (`git archive REV src/nghiquyet`, imported as `nghiquyet_base`) beside
the current one in the same process, pinned to one core, and times both on every document in
turn (the order alternating each round). Both see the same drift, so their ratio is stable.

It prints documents per CPU second for each and the speed-up, and says whether the two give
the same `to_contract()` on every document (a quick check; `check_same_output.py` is the full
one). The vocabulary files are the current ones for both.

The older commit always runs as pure Python. The working tree runs compiled where
`scripts/compile.py` built it from the current sources (its line says so): compare
with `--rev HEAD` to measure the build alone, or set `NGHIQUYET_PURE_PYTHON=1` to compare
pure Python with pure Python.
"""
from __future__ import annotations

import argparse
import importlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from bench_extract import SUFFIXES, load_corpus, pin_one_core

from nghiquyet import compiled
from nghiquyet.extract import extract_file

ROOT = Path(__file__).resolve().parent.parent


def load_base(rev: str, into: Path):
    """`nghiquyet.extract.extract_file` of commit `rev`, imported as package `nghiquyet_base`."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src/nghiquyet"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        # extraction filters came with 3.11.4; Debian's python3.11 (3.11.2), which
        # scripts/install.sh prefers, has none (the archive is our own git tree anyway)
        if hasattr(tarfile, "data_filter"):
            tar.extractall(into, filter="data")
        else:
            tar.extractall(into)
    (into / "src" / "nghiquyet").rename(into / "nghiquyet_base")
    sys.path.insert(0, str(into))
    return importlib.import_module("nghiquyet_base.extract").extract_file


def contract(x) -> str:
    return json.dumps(x.to_contract(with_text=True), ensure_ascii=False, sort_keys=True)


def compare(paths: list[Path], base_fn, rounds: int) -> dict:
    same = sum(contract(base_fn(p)) == contract(extract_file(p)) for p in paths)   # and warm-up
    cpu = {"base": 0.0, "current": 0.0}
    fns = [("base", base_fn), ("current", extract_file)]
    for r in range(rounds):
        for p in paths:
            for name, fn in (fns if r % 2 == 0 else fns[::-1]):
                t0 = time.process_time()
                fn(p)
                cpu[name] += time.process_time() - t0
    n = len(paths) * rounds
    return {"same": same, "documents": len(paths), "rounds": rounds,
            "base": n / cpu["base"], "current": n / cpu["current"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rev", default="HEAD", help="commit to compare with (default HEAD)")
    ap.add_argument("--dir", type=Path, help="extract the .txt/.docx/.pdf files of this folder")
    ap.add_argument("--n", type=int, default=200, help="generated documents (default 200)")
    ap.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    ap.add_argument("--kb", type=float, nargs=2, metavar=("LOW", "HIGH"), default=(28, 31))
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    args = ap.parse_args(argv)
    pinned = pin_one_core()
    with tempfile.TemporaryDirectory(prefix="nghiquyet-compare-") as tmp:
        base_fn = load_base(args.rev, Path(tmp) / "base")
        if args.dir:
            paths = sorted(p for p in args.dir.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            source = str(args.dir)
        else:
            size = (int(args.kb[0] * 1000), int(args.kb[1] * 1000))
            paths = load_corpus().generate(args.n, args.seed, Path(tmp) / "corpus", size)
            source = f"benchmarks/corpus.py --n {args.n} --seed {args.seed} --kb {args.kb[0]:g} {args.kb[1]:g}"
        r = compare(paths, base_fn, args.rounds)
    print(f"corpus: {source}; {r['documents']} documents, {r['rounds']} rounds, {pinned}")
    print(f"{args.rev:>12}: {r['base']:6.0f} docs/CPU s  (pure Python)")
    print(f"{'working tree':>12}: {r['current']:6.0f} docs/CPU s  ({r['current'] / r['base']:.2f}x; "
          f"{compiled.describe()})")
    print(f"same to_contract() on {r['same']}/{r['documents']} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
