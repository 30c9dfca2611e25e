"""Same output check: extract a fixed set of inputs and compare with a saved reference.

    python benchmarks/check_same_output.py save /tmp/nq-ref      # before a change (writes inputs too)
    python benchmarks/check_same_output.py check /tmp/nq-ref     # after it: prints every difference

Speed work must not change what the extractor finds. `save` builds the inputs once into
DIR/inputs and writes, for each case, the full `Extraction.to_contract(with_text=True)` (which
has the outline, footnotes, spans and the cleaned text) into DIR/reference.jsonl; `check`
extracts the same inputs with the current code and lists the cases whose JSON differs. It exits
1 when something differs, 0 when nothing does.

The inputs are:
- files: the shared seeds, `samples/` (.txt, .docx), `tests/docs/*.txt`, two generated corpora
  (`corpus.py --n 400 --seed 1 --kb 28 31` and `--n 400 --seed 5`), and variants of every
  seed, sample and test document written as files: lines shuffled, hard-wrapped at 60 columns,
  NFD, CRLF with a BOM, UTF-16, Windows-1258, and a .docx and a .pdf of each seed;
- texts given to `extract_text` directly (not cleaned first): line-level mangling (drop,
  duplicate, swap, cut, join, upper-case), random windows of the documents, windows with
  some lines in fullwidth or Arabic-Indic digits (which `\\d` matches too), and random
  strings over the characters and phrases the rules care about (as the property test does).

To make the reference from an older commit, run `save` with that commit's source first on
the path: `git archive COMMIT src | tar -x -C /tmp/old && PYTHONPATH=/tmp/old/src python ...`.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap
import unicodedata
from pathlib import Path

from bench_extract import load_corpus      # benchmarks/ is on sys.path when run as a script
from nghiquyet.extract import extract_file, extract_text
from nghiquyet.read import ReadError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

TOKENS = (list("aăâđeêioôơuưyAĂÂĐEÊIOÔƠUƯY ,.;:/-–()*+%¹²\n\t0123456789")
          + ["Số ", "ngày ", "tháng ", "năm ", "Quý ", "I. ", "II. ", "1. ", "2.1. ", "a) ", "- ",
             "của ", "NGHỊ QUYẾT", "KẾ HOẠCH", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
             "Nghị quyết số ", "-NQ/TW", "/QĐ-TTg", "trước ", "Thời gian: ", "hoàn thành ",
             "Điều 1. ", "QUYẾT ĐỊNH:", "\u0301", "\u00a0", "\ufeff", "**", "[bookmark: x]",
             "đạt ", "trên ", "tỷ đồng", "triệu đồng/người/năm", "giường bệnh/vạn dân", "gấp ",
             "lần", "trong đó", "ước đạt ", "giảm còn ", "tăng ", "so với năm 2020", "đến năm 2030",
             "tỷ lệ ", "%", "Kế hoạch số ", "Thực hiện ", "Quyết định số ", "/KH-UBND",
             "Ban Thường vụ Tỉnh ủy", "UBND tỉnh", "chủ trì", "phối hợp", "Quý I năm 2025",
             "giai đoạn 2021-2025", "(1) ", "(12) ", "17.900", "7,3", "2,5-3", "0,6-1%/năm",
             "8 - 10%", "45.799/36.875", "26/28 chỉ tiêu", "nhóm 20 tỉnh", "Hà Tĩnh, ",
             "30/01/2022", "tháng 02/2022", "\n\n", "\n- ", "\n+ ", "\n* ", "Chỉ tiêu", "|"])


def source_texts() -> list[tuple[str, str]]:
    """(name, text) of the seeds, the .txt samples and the test documents."""
    files = sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "samples").glob("*.txt"))
    files += sorted((ROOT / "tests" / "docs").glob("*.txt"))
    return [(f"{p.parent.name}/{p.name}", p.read_text(encoding="utf-8-sig")) for p in files]


def file_variants(name: str, text: str, rng: random.Random) -> dict[str, bytes]:
    """Mangled copies of one document as file contents, keyed by a file-name suffix."""
    lines = text.split("\n")
    shuffled = lines[:]
    rng.shuffle(shuffled)
    wrapped = "\n".join(textwrap.fill(line, 60) if line.strip() else line for line in lines)
    return {
        "shuffled.txt": "\n".join(shuffled).encode(),
        "wrap60.txt": wrapped.encode(),
        "nfd.txt": unicodedata.normalize("NFD", text).encode(),
        "crlf_bom.txt": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(),
        "utf16.txt": text.encode("utf-16"),
        "cp1258.txt": unicodedata.normalize("NFD", text).encode("cp1258", errors="replace"),
    }


def write_docx(text: str, path: Path) -> None:
    from docx import Document
    document = Document()
    lines = text.split("\n")
    body, table_rows = lines, []
    for line in lines:
        if "%" in line and len(table_rows) < 12:        # a few figure lines also go in a table
            table_rows.append(line)
    for line in body:
        document.add_paragraph(line)
    if table_rows:
        table = document.add_table(rows=len(table_rows), cols=2)
        for i, line in enumerate(table_rows):
            table.cell(i, 0).text = str(i + 1)
            table.cell(i, 1).text = line
    document.save(path)


def write_pdf(text: str, path: Path) -> None:
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def mangle(text: str, rng: random.Random) -> str:
    """Line-level damage, as in the property test: drop, duplicate, swap, cut, join, upper."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 12)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.choice(["drop", "dup", "swap", "cut", "join", "upper"])
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "cut":
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
        elif op == "upper":
            lines[i] = lines[i].upper()
    return "\n".join(lines)


def build_inputs(out: Path) -> None:
    """Write every file input under `out/inputs` (deterministic: fixed seeds)."""
    inputs = out / "inputs"
    rng = random.Random(20261122)
    for sub in ("seeds", "samples", "docs", "variants", "corpus-a", "corpus-b"):
        (inputs / sub).mkdir(parents=True, exist_ok=True)
    for p in sorted(SEEDS.glob("*")):
        (inputs / "seeds" / p.name).write_bytes(p.read_bytes())
    for p in sorted((ROOT / "samples").glob("*")):
        if p.is_file() and p.suffix in (".txt", ".docx"):
            (inputs / "samples" / p.name).write_bytes(p.read_bytes())
    for p in sorted((ROOT / "tests" / "docs").glob("*.txt")):
        (inputs / "docs" / p.name).write_bytes(p.read_bytes())
    for name, text in source_texts():
        stem = name.replace("/", "__").removesuffix(".txt")
        for suffix, data in file_variants(name, text, rng).items():
            (inputs / "variants" / f"{stem}.{suffix}").write_bytes(data)
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8-sig")
        write_docx(text, inputs / "variants" / f"seed__{p.stem}.docx")
        write_pdf(text, inputs / "variants" / f"seed__{p.stem}.pdf")
    corpus = load_corpus()
    corpus.generate(400, 1, inputs / "corpus-a", (28_000, 31_000))
    corpus.generate(400, 5, inputs / "corpus-b")


def text_cases() -> list[tuple[str, str]]:
    """(case id, raw text) for `extract_text`: mangled documents, windows, random strings."""
    rng = random.Random(7)
    sources = source_texts()
    cases = []
    for k in range(300):
        name, text = rng.choice(sources)
        cases.append((f"mangle/{k}/{name}", mangle(text, rng)))
    for k in range(300):
        name, text = rng.choice(sources)
        a = rng.randrange(len(text))
        cases.append((f"window/{k}/{name}", text[a:a + rng.randint(20, 3000)]))
    foreign = [str.maketrans("0123456789", "０１２３４５６７８９"),     # fullwidth digits
               str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),              # Arabic-Indic digits
               str.maketrans("(),", "（），")]                           # fullwidth punctuation
    for k in range(150):
        name, text = rng.choice(sources)
        a = rng.randrange(len(text))
        window = text[a:a + rng.randint(200, 6000)]
        lines = window.split("\n")
        for i in rng.sample(range(len(lines)), k=min(len(lines), 3)):
            lines[i] = lines[i].translate(rng.choice(foreign)) + rng.choice(["", " 🙂", " 𝟚𝟘𝟚𝟝"])
        cases.append((f"foreign/{k}/{name}", "\n".join(lines)))
    for k in range(1500):
        cases.append((f"random/{k}", "".join(rng.choice(TOKENS) for _ in range(rng.randint(0, 400)))))
    return cases


def run_cases(out: Path):
    """Yield (case id, JSON-ready output) for every input, files first."""
    for p in sorted((out / "inputs").rglob("*")):
        if not p.is_file():
            continue
        key = "file/" + str(p.relative_to(out / "inputs"))
        try:
            yield key, extract_file(p).to_contract(with_text=True)
        except ReadError as e:
            yield key, {"read_error": e.reason}
    for key, text in text_cases():
        yield key, extract_text(text).to_contract(with_text=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("dir", type=Path)
    ap.add_argument("--show", type=int, default=5, help="differences to print in full (default 5)")
    args = ap.parse_args(argv)
    ref_path = args.dir / "reference.jsonl"
    if args.action == "save":
        build_inputs(args.dir)
        with ref_path.open("w", encoding="utf-8") as f:
            n = 0
            for key, result in run_cases(args.dir):
                f.write(json.dumps({"case": key, "out": result}, ensure_ascii=False, sort_keys=True) + "\n")
                n += 1
        print(f"saved {n} cases to {ref_path}")
        return 0
    reference = {}
    with ref_path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            reference[row["case"]] = json.dumps(row["out"], ensure_ascii=False, sort_keys=True)
    seen, differ = set(), []
    for key, result in run_cases(args.dir):
        seen.add(key)
        now = json.dumps(json.loads(json.dumps(result, ensure_ascii=False)), ensure_ascii=False,
                         sort_keys=True)
        if reference.get(key) != now:
            differ.append((key, reference.get(key), now))
    missing = sorted(set(reference) - seen)
    for key, before, now in differ[: args.show]:
        print(f"DIFFERS {key}")
        print(f"  before: {before[:2000] if before else None}")
        print(f"  now:    {now[:2000]}")
    for key, *_ in differ[args.show:]:
        print(f"DIFFERS {key}")
    for key in missing:
        print(f"MISSING {key}")
    print(f"{len(seen)} cases compared, {len(differ)} differ, {len(missing)} missing")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
