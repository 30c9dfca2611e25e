"""`nghiquyet` commands for the library: db upgrade, ingest, documents, show, tree, search.

Thin shells: each parses its options, opens the database and calls one service function of
`nghiquyet.store`. Exit codes: 0 success, 1 a failure on the user's data, 2 a usage error.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.tree import Tree
from sqlalchemy.orm import Session

from ..settings import Settings
from ..store import library, search as search_service
from ..store.db import make_engine, session_factory
from ..store.migrate import SchemaOutOfDate, ensure_current, upgrade
from ..text import format_date, format_number
from .app import app
from .common import Format, FormatOption, listing, console, err_console, error, expand_inputs, print_json

db_app = typer.Typer(help="Cơ sở dữ liệu (database) commands.", no_args_is_help=True,
                     rich_markup_mode=None)
app.add_typer(db_app, name="db")

SIGNS = {"eq": "=", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "approx": "≈", "range": "–"}
FAMILIES = ("target", "result", "deadline")


@contextmanager
def open_session() -> Iterator[Session]:
    """A session on the configured database, created on first use, refused if out of date."""
    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    try:
        ensure_current(engine)
    except SchemaOutOfDate as e:
        error(str(e))
        raise typer.Exit(1) from None
    session = session_factory(engine)()
    try:
        yield session
    finally:
        session.close()
        engine.dispose()


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Bring the database to the newest schema (creates it if new).

    Example:

        NGHIQUYET_DATABASE_URL=postgresql+psycopg://app:app@127.0.0.1/app nghiquyet db upgrade
    """
    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    before, after = upgrade(engine)
    engine.dispose()
    if before == after:
        console.print(f"Cơ sở dữ liệu đã ở phiên bản mới nhất ({', '.join(sorted(after))}).")
    else:
        console.print(f"Đã nâng cấp: {', '.join(sorted(before)) or '(trống)'} → "
                      f"{', '.join(sorted(after))}")


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., metavar="FILE_OR_FOLDER...",
                                       help="Documents (.txt, .docx, .pdf) or folders (recursive)."),
    workers: int = typer.Option(0, min=0, help="Processes extracting in parallel "
                                               "(0: one per CPU core)."),
    format: Format = FormatOption,
) -> None:
    """Extract documents and store them in the library (each file all or nothing).

    Re-ingesting the same content changes nothing; a changed file becomes a new version.

    Example:

        nghiquyet ingest van-ban/ ke-hoach-62.docx
    """
    files, problems = expand_inputs(paths)
    for p in problems:
        error(p)
    workers = workers or os.cpu_count() or 1
    with open_session() as session:
        if len(files) > 1 and format == Format.table:
            progress = Progress(TextColumn("Đang nạp"), BarColumn(), MofNCompleteColumn(),
                                TimeRemainingColumn(), console=err_console, transient=True)
            with progress:
                task = progress.add_task("ingest", total=len(files))

                def advance(outcome: library.IngestOutcome) -> None:
                    if outcome.status == "error":
                        progress.console.print(f"[red]lỗi:[/red] {outcome.message}",
                                               soft_wrap=True)
                    progress.advance(task)

                summary = library.ingest_paths(session, paths=files, progress=advance,
                                               workers=workers)
        else:
            summary = library.ingest_paths(session, paths=files, workers=workers)
            if format == Format.table:
                for o in summary.errors:
                    error(o.message)
    totals = summary.totals()
    totals["errors"] += len(problems)
    if format == Format.json:
        print_json({"totals": totals, "files": [o.__dict__ for o in summary.outcomes]})
    else:
        console.print(f"Văn bản: {totals['new']} mới, {totals['updated']} cập nhật, "
                      f"{totals['unchanged']} không đổi, {totals['errors']} lỗi · "
                      f"chỉ tiêu {totals['targets']}, kết quả {totals['results']}, "
                      f"thời hạn {totals['deadlines']}")
    if totals["errors"]:
        raise typer.Exit(1)


@app.command("documents")
def documents(
    kind: Optional[str] = typer.Option(None, help="Only this kind (nghi_quyet, ke_hoach, ...)."),
    issuer: Optional[str] = typer.Option(None, help="Issuer contains this (accents optional)."),
    year: Optional[int] = typer.Option(None, help="Only documents of this year."),
    placeholders: bool = typer.Option(False, help="Also cited documents not in the library."),
    format: Format = FormatOption,
) -> None:
    """List the documents of the library.

    Example:

        nghiquyet documents --kind ke_hoach --issuer "huyen uy"
    """
    with open_session() as session:
        docs = library.list_documents(session, kind=kind, issuer=issuer, year=year,
                                      include_placeholders=placeholders)
        rows = [library.document_dict(session, d, with_items=False) for d in docs]
    if format == Format.json:
        print_json(rows)
        return
    t = listing(f"Văn bản ({len(rows)})",
                ("#", "Số hiệu", "Loại", "Ngày", "Cơ quan", "Trích yếu"), overflow="fold")
    for r in rows:
        day = format_date(r["date"]) or (f"{format_date(r['date_inferred'])} (suy ra)"
                                         if r["date_inferred"] else "")
        _row(t, str(r["id"]), r["label"] + (" (chưa có)" if r["placeholder"] else ""),
                  r["kind"], day, r["issuer"] or "", (r["title"] or "")[:90])
    console.print(t)


def _row(table: Table, *values: str) -> None:
    """A table row of plain text (document text may hold `[...]`, which rich would eat)."""
    table.add_row(*(escape(v) for v in values))


def _get(session: Session, ref: str):  # noqa: ANN202
    try:
        return library.get_document(session, ref=ref)
    except library.DocumentNotFound as e:
        error(str(e))
        raise typer.Exit(1) from None


@app.command()
def show(
    doc: str = typer.Argument(..., metavar="DOC", help="Document id, symbol or file name."),
    format: Format = FormatOption,
) -> None:
    """Print one document with its targets, results, deadlines and links.

    Example:

        nghiquyet show 28-CTr/TU
    """
    with open_session() as session:
        data = library.document_dict(session, _get(session, doc))
    if format == Format.json:
        print_json(data)
        return
    print_document(data)


def print_document(d: dict) -> None:
    heading = escape(f"#{d['id']} {d['label']}")
    console.rule(f"[bold]{heading}")
    grid = Table.grid(padding=(0, 2))
    symbol = d["symbol"] or (f"{d['symbol_inferred']} (suy ra"
                             f"{', đã xác nhận' if d['inference_confirmed'] else ''}: "
                             f"{d['inference_note'] or ''})" if d["symbol_inferred"] else "")
    day = format_date(d["date"]) or (f"{format_date(d['date_inferred'])} (suy ra)"
                                     if d["date_inferred"] else "")
    for label, value in (("Loại", d["kind"]), ("Số hiệu", symbol), ("Ngày", day),
                         ("Cơ quan", d["issuer"]), ("Trích yếu", d["title"]),
                         ("Trạng thái", d["status"] + (" · chưa có trong thư viện"
                                                        if d["placeholder"] else "")),
                         ("Tệp", ", ".join(f"v{v['number']} {v['source']}"
                                           for v in d.get("versions", [])))):
        grid.add_row(f"[bold]{label}", escape(value or "—"))
    console.print(grid)
    for title, key in (("Chỉ tiêu", "targets"), ("Kết quả", "results")):
        if d.get(key):
            t = listing(f"{title} ({len(d[key])})",
                        ("id", "Chỉ tiêu", "", "Giá trị", "Đơn vị", "Năm", "Trạng thái"), overflow="fold")
            for i in d[key]:
                value = format_number(i["value"]) + (f" – {format_number(i['value_max'])}"
                                                     if i["value_max"] is not None else "")
                _row(t, str(i["id"]), i["indicator"], SIGNS.get(i["comparator"], ""), value,
                          i["unit"] or "", i["period"] or str(i["year"] or ""), _status(i))
            console.print(t)
    if d.get("deadlines"):
        t = listing(f"Thời hạn ({len(d['deadlines'])})",
                    ("id", "Hạn", "Nhiệm vụ", "Chủ trì", "Trạng thái"), overflow="fold")
        for i in d["deadlines"]:
            _row(t, str(i["id"]), format_date(i["due"]), i["task"], i["responsible"] or "",
                      _status(i))
        console.print(t)
    for title, key in (("Dẫn chiếu", "cites"), ("Được dẫn chiếu bởi", "cited_by")):
        if d.get(key):
            t = listing(f"{title} ({len(d[key])})",
                        ("Số hiệu", "Loại", "Ngày", "Thực hiện", "Trong thư viện"), overflow="fold")
            for c in d[key]:
                where = (f"#{c['document_id']} {c['document']}" if c["document_id"] else "")
                _row(t, c["symbol"], c["kind"] or "", format_date(c["date"]),
                          "✓" if c["implements"] else "",
                          "chưa có" if c["placeholder"] else where)
            console.print(t)


def _status(item: dict) -> str:
    marks = {"draft": "nháp", "confirmed": "đã xác nhận", "deleted": "đã xóa"}
    text = marks.get(item["status"], item["status"])
    if item["origin"] == "human":
        text += " · thêm tay"
    elif item.get("corrected"):
        text += " · đã sửa"
    return text


@app.command()
def tree(
    symbol: str = typer.Argument(..., metavar="SYMBOL", help="Symbol, id or file name."),
    depth: int = typer.Option(10, help="How many levels to follow."),
    format: Format = FormatOption,
) -> None:
    """Print the cascade of a document: who implements it (down) and what it implements (up).

    Example:

        nghiquyet tree 26-NQ/TW
    """
    with open_session() as session:
        doc = _get(session, symbol)
        down = library.tree_dict(library.cascade_down(session, document_id=doc.id, depth=depth))
        up = library.tree_dict(library.cascade_up(session, document_id=doc.id, depth=depth))
    if format == Format.json:
        print_json({"down": down, "up": up})
        return
    for title, node in (("Thực hiện văn bản này (xuống)", down), ("Văn bản này thực hiện (lên)", up)):
        root = Tree(f"[bold]{title}:[/bold] {_node_label(node)}")
        _add_children(root, node)
        console.print(root)


def _node_label(n: dict) -> str:
    text = escape(f"#{n['id']} {n['label']} [{n['kind']}]")
    if n["placeholder"]:
        text += " (chưa có trong thư viện)"
    if n["repeated"]:
        text += " ↺"
    return text


def _add_children(branch: Tree, node: dict) -> None:
    for child in node["children"]:
        _add_children(branch.add(_node_label(child)), child)


@app.command("search")
def search_cmd(
    query: str = typer.Argument(..., help="Words to find; accents optional."),
    kind: Optional[str] = typer.Option(None, help="Only documents of this kind."),
    issuer: Optional[str] = typer.Option(None, help="Issuer contains this (accents optional)."),
    year: Optional[int] = typer.Option(None, help="Only this year."),
    type_: Optional[str] = typer.Option(None, "--type",
                                        help="Only document, target, result or deadline."),
    limit: int = typer.Option(20, min=1, max=500, help="How many hits."),
    format: Format = FormatOption,
) -> None:
    """Search documents, targets, results and deadlines (accent-insensitive).

    Example:

        nghiquyet search "nong thon moi" --kind ke_hoach --year 2023
    """
    if type_ and type_ not in search_service.ENTITIES:
        raise typer.BadParameter(f"--type {type_!r}: dùng {', '.join(search_service.ENTITIES)}")
    with open_session() as session:
        hits = search_service.search(session, query, kind=kind, issuer=issuer, year=year,
                                     entity=type_, limit=limit)
        labels = {h.document_id: library.get_document(session, ref=h.document_id).label
                  for h in hits}
    if format == Format.json:
        print_json([{**h.to_dict(), "document": labels[h.document_id]} for h in hits])
        return
    if not hits:
        console.print("Không tìm thấy kết quả.")
        return
    t = listing(f"Kết quả tìm kiếm ({len(hits)})",
                ("Loại", "Văn bản", "Năm", "Đoạn trích"), overflow="fold")
    names = {"document": "văn bản", "target": "chỉ tiêu", "result": "kết quả",
             "deadline": "thời hạn"}
    for h in hits:
        snippet = h.marked("\x00", "\x01").replace("[", "\\[")
        snippet = snippet.replace("\x00", "[bold yellow]").replace("\x01", "[/bold yellow]")
        t.add_row(escape(f"{names[h.entity]} #{h.entity_id}"), escape(labels[h.document_id]),
                  str(h.year or ""), snippet)
    console.print(t)
