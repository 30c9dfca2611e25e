"""Score the extractor on the shipped samples against their hand-made labels.

    python benchmarks/eval_samples.py                 # samples/ against samples/gold/, with misses
    python benchmarks/eval_samples.py --quiet         # figures only
    python benchmarks/eval_samples.py --seeds         # ../shared/seeds against ../shared/gold
    python benchmarks/eval_samples.py --out out.json  # keep the extraction

It does what a user would type:

    nghiquyet extract --format json samples/ > OUT
    python3 ../shared/tools/score.py samples/gold OUT --misses

(the extraction runs through the library call behind that command, in this process) and prints
the scorer's table: precision, recall and F1 per family, strict target F1, document fields, and
every miss. This is an evaluation that prints figures, not a pass/fail test: it exits 0 whatever
the scores, 1 only when a document could not be extracted, 2 when its inputs are missing.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from nghiquyet.extract import extract_file
from nghiquyet.read import ReadError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SUFFIXES = {".txt", ".docx", ".pdf"}


def extract_folder(folder: Path) -> tuple[list[dict], list[str]]:
    """The contract objects of every document directly in `folder`, and one line per failure."""
    out, failures = [], []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file()):
        try:
            out.append(extract_file(path).to_contract())
        except ReadError as e:
            failures.append(str(e))
        except Exception as e:               # report a rule bug and score the other files
            failures.append(f"{path}: {type(e).__name__}: {e}")
    return out, failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=Path, default=ROOT / "samples", help="folder of documents (default samples/)")
    ap.add_argument("--gold", type=Path, default=None, help="folder of labels (default DOCS/gold)")
    ap.add_argument("--seeds", action="store_true", help="score ../shared/seeds against ../shared/gold instead")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score.py", help="the shared scorer")
    ap.add_argument("--out", type=Path, help="also write the extraction JSON here")
    ap.add_argument("--quiet", action="store_true", help="figures only, without the list of misses")
    args = ap.parse_args(argv)
    docs, gold = (SHARED / "seeds", SHARED / "gold") if args.seeds else (args.docs, args.gold or args.docs / "gold")
    for needed in (docs, gold):
        if not needed.is_dir():
            print(f"error: {needed}: folder not found", file=sys.stderr)
            return 2
    if not args.scorer.is_file():
        print(f"error: {args.scorer}: scorer not found (../shared sits beside the checkout)", file=sys.stderr)
        return 2

    extractions, failures = extract_folder(docs)
    for line in failures:
        print(f"error: {line}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="nghiquyet-eval-") as tmp:
        out = args.out or Path(tmp) / "extraction.json"
        out.write_text(json.dumps(extractions, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(extractions)} documents extracted from {docs}, scored against {gold}")
        cmd = [sys.executable, str(args.scorer), str(gold), str(out)] + ([] if args.quiet else ["--misses"])
        subprocess.run(cmd, check=False)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
