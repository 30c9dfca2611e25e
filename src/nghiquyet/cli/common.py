"""What every command shares: the output format option, JSON printing, error lines."""
from __future__ import annotations

import enum
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any, Iterable

import typer
from rich.console import Console
from rich.table import Table

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf")


class Format(str, enum.Enum):
    table = "table"
    json = "json"


FormatOption = typer.Option(Format.table, "--format", "-f", help="Output: a readable table or JSON.")


def date_option(value: str | None, option: str) -> date | None:
    """An ISO date given to `option`, or exit 2 with a message naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        error(f"{option}: ngày không hợp lệ {value!r} (viết YYYY-MM-DD)")
        raise typer.Exit(2) from None


def listing(title: str, columns: Iterable[str], overflow: str | None = None) -> Table:
    """The table every listing command prints: a left-aligned title over named columns."""
    table = Table(title=title, title_justify="left")
    for col in columns:
        table.add_column(col, **({"overflow": overflow} if overflow else {}))
    return table


def print_json(data: Any) -> None:
    """JSON on stdout, UTF-8, not through rich (so it stays valid when piped)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def error(message: str) -> None:
    """One clear line on stderr."""
    err_console.print(f"[red]lỗi:[/red] {message}", soft_wrap=True, markup=True)


def expand_inputs(paths: Iterable[Path]) -> tuple[list[Path], list[str]]:
    """Files named directly, plus the supported files inside folders (recursively, sorted).

    Returns (files, problems): a path that does not exist is a problem, not an exception.
    """
    files: list[Path] = []
    problems: list[str] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*")
                                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                                and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        elif p.is_file():
            files.append(p)
        else:
            problems.append(f"{p}: không tìm thấy tệp hoặc thư mục (no such file or folder)")
    return files, problems
