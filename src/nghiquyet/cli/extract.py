"""`nghiquyet extract`: print what the extractor finds in documents."""
from __future__ import annotations

from pathlib import Path
from typing import List

import typer
from rich.table import Table

from ..extract import extract_file
from ..model import Extraction
from ..read import ReadError
from ..text import format_date, format_number
from .app import app
from .common import Format, FormatOption, listing, console, error, expand_inputs, print_json

COMPARATOR_SIGNS = {"eq": "=", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "approx": "≈",
                    "range": "–"}


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., metavar="FILE_OR_FOLDER...",
                                       help="Documents (.txt, .docx, .pdf) or folders of them."),
    format: Format = FormatOption,
) -> None:
    """Extract identity, references, targets, results and deadlines from documents.

    Example:

        nghiquyet extract samples/ --format json > out.json
    """
    files, problems = expand_inputs(paths)
    for p in problems:
        error(p)
    extractions: list[Extraction] = []
    failed = len(problems)
    for f in files:
        try:
            extractions.append(extract_file(f))
        except ReadError as e:
            error(str(e))
            failed += 1
        except Exception as e:  # a rule bug must not hide the other files' output
            error(f"{f}: lỗi khi trích xuất (extraction failed): {type(e).__name__}: {e}")
            failed += 1
    if format == Format.json:
        print_json([x.to_contract() for x in extractions])
    else:
        for x in extractions:
            print_extraction(x)
    if failed:
        raise typer.Exit(1)


def print_extraction(x: Extraction) -> None:
    """A readable summary of one document: identity, then one table per item family."""
    d = x.document
    console.rule(f"[bold]{x.source}")
    ident = Table.grid(padding=(0, 2))
    for label, value in (
        ("Loại", d.kind), ("Số hiệu", d.symbol or (f"{d.symbol_inferred} (suy ra)" if d.symbol_inferred else "")),
        ("Ngày", format_date(d.date) or (f"{format_date(d.date_inferred)} (suy ra)" if d.date_inferred else "")),
        ("Nơi ban hành", d.place or ""), ("Cơ quan", d.issuer or ""), ("Trích yếu", d.title or ""),
        ("Người ký", " / ".join(v for v in (d.signer.on_behalf_of, d.signer.position, d.signer.name) if v)),
        ("Nơi nhận", f"{len(d.recipients)} nơi"),
    ):
        ident.add_row(f"[bold]{label}", value or "—")
    console.print(ident)
    for w in x.warnings:
        console.print(f"[yellow]cảnh báo:[/yellow] {w}")

    if x.references:
        t = listing(f"Văn bản được dẫn chiếu ({len(x.references)})",
                    ("Số hiệu", "Loại", "Ngày", "Cơ quan", "Thực hiện"))
        for r in x.references:
            t.add_row(r.symbol, r.kind or "", format_date(r.date), r.issuer or "", "✓" if r.implements else "")
        console.print(t)
    for title, items in (("Chỉ tiêu", x.targets), ("Kết quả", x.results)):
        if not items:
            continue
        t = listing(f"{title} ({len(items)})",
                    ("#", "Chỉ tiêu", "So sánh", "Giá trị", "Đơn vị", "Năm", "Thuộc"), overflow="fold")
        for i, f in enumerate(items):
            value = format_number(f.value)
            if f.value_max is not None:
                value += f" – {format_number(f.value_max)}"
            year = f.period or (str(f.year) if f.year else "")
            t.add_row(str(i), f.indicator, COMPARATOR_SIGNS.get(f.comparator, f.comparator), value,
                      f.unit or "", year, "" if f.parent is None else str(f.parent))
        console.print(t)
    if x.deadlines:
        t = listing(f"Thời hạn ({len(x.deadlines)})",
                    ("Hạn", "Nhiệm vụ", "Chủ trì"), overflow="fold")
        for dl in x.deadlines:
            t.add_row(format_date(dl.due), dl.task, dl.responsible or "")
        console.print(t)
