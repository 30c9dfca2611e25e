"""`nghiquyet` commands for tracking: track, observe, import, template, status, scorecard,
align, tasks. The `report` group (rounds, submissions, explanations) is in `report.py`; the
indicator catalogue and organisations (`indicators`, `orgs`) in `catalogue.py`.

Thin shells over `nghiquyet.track`: each parses its options, opens the database and calls the
service functions; writes are committed only when the whole command succeeded. Exit codes:
0 success, 1 a failure on the user's data, 2 a usage error.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..store import library
from ..store.library import DocumentNotFound
from ..text import format_date, format_number
from ..track import align as align_service, imports, linking, observations, orgs as org_service
from ..track import scorecard as sc_service, tasks as task_service
from ..track.status import LABELS
from .app import app
from .common import Format, FormatOption, listing, console, date_option, error, print_json
from .library import open_session

STATUS_STYLE = {"exceeded": "green", "met": "green", "on_track": "cyan", "at_risk": "yellow",
                "off_track": "red", "missed": "red", "no_data": "dim"}


def _document(session, ref: str):  # noqa: ANN001, ANN202
    try:
        return library.get_document(session, ref=ref)
    except (DocumentNotFound, LookupError) as e:
        error(str(e) or f"không tìm thấy văn bản {ref!r}")
        raise typer.Exit(1) from None


def _unit(session, ref: str, on: Optional[date] = None):  # noqa: ANN001, ANN202
    org_service.ensure_units(session)
    unit = org_service.find_unit(session, ref, on=on)
    if unit is None:
        error(f"không tìm thấy đơn vị {ref!r} (xem `nghiquyet orgs`)")
        raise typer.Exit(1)
    return unit


def _num(v: Optional[float]) -> str:
    return "" if v is None else format_number(round(v, 2))


@app.command()
def track(
    documents: Optional[List[str]] = typer.Argument(None, metavar="[DOC]...", help="Documents (id, symbol, file); all if none."),
    format: Format = FormatOption,
) -> None:
    """Link documents' targets to indicators and units, and their results to reported figures.

    Example:

        nghiquyet track 62-KH/TU
    """
    with open_session() as session:
        ids = [_document(session, d).id for d in documents] if documents else None
        try:
            if ids is None:
                reports = linking.ensure_tracked(session)
            else:
                reports = [linking.track_document(session, document_id=i) for i in ids]
        except LookupError as e:
            session.rollback()
            error(str(e))
            raise typer.Exit(1) from None
        session.commit()
    data = [r.__dict__ for r in reports]
    if format == Format.json:
        print_json(data)
        return
    for r in reports:
        console.print(f"#{r.document_id}: đơn vị {r.organisation or '(chưa rõ)'} · {r.linked} chỉ tiêu đã gắn, "
                      f"{len(r.proposed)} đề xuất chỉ tiêu mới, {r.observations} số liệu từ kết quả")
    if not reports:
        console.print("Không có văn bản nào cần gắn chỉ tiêu.")


@app.command()
def observe(
    indicator: str = typer.Argument(..., help="Indicator code (see `nghiquyet indicators`)."),
    unit: str = typer.Argument(..., metavar="ORG", help="Unit code or name."),
    period: str = typer.Argument(..., help="2025, Quý I/2025 or 03/2025."),
    value: str = typer.Argument(..., help="The figure, Vietnamese style allowed (17.900 or 7,3)."),
    kind: str = typer.Option("actual", help="actual, estimate or planned."),
    who: Optional[str] = typer.Option(None, help="Who reports it."),
) -> None:
    """Record one figure of an indicator for a unit and a period.

    Example:

        nghiquyet observe FOREST_COVER "Hà Tĩnh" 2024 52,3
    """
    from ..text import parse_number
    from ..track.models import Indicator
    from sqlalchemy import select
    number = parse_number(value.replace(" ", ""))
    if number is None:
        error(f"giá trị không phải số: {value!r}")
        raise typer.Exit(2)
    with open_session() as session:
        linking.sync_catalogue(session)
        ind = session.scalar(select(Indicator).where(Indicator.code == indicator))
        if ind is None:
            error(f"không có chỉ tiêu {indicator!r} (xem `nghiquyet indicators`)")
            raise typer.Exit(1)
        org = _unit(session, unit)
        try:
            o = observations.record(session, indicator=ind, organisation=org, period=period, value=number,
                                    kind=kind, who=who)
        except observations.ObservationError as e:
            session.rollback()
            error(str(e))
            raise typer.Exit(1) from None
        session.commit()
        console.print(f"Đã ghi {ind.code} {org.name} kỳ {observations.period_label(o.period_type, o.period_start)}: "
                      f"{format_number(o.value)} {ind.unit} ({o.kind}).")


@app.command("import")
def import_command(
    files: List[Path] = typer.Argument(..., metavar="FILE...", help=".xlsx or .csv files of figures."),
    who: Optional[str] = typer.Option(None, help="Who reports them."),
    format: Format = FormatOption,
) -> None:
    """Import figures from spreadsheets: all or nothing, every error listed by file, row and column.

    Example:

        nghiquyet import so-lieu-2025.xlsx
    """
    results, failed = [], False
    with open_session() as session:
        for f in files:
            try:
                s = imports.import_file(session, path=f, who=who)
            except imports.ImportFailed as e:
                failed = True
                for p in e.problems:
                    error(str(p))
                results.append({"file": str(f), "recorded": 0, "errors": [str(p) for p in e.problems]})
                continue
            results.append({"file": str(f), "recorded": s.recorded, "rows": s.rows, "empty": s.skipped_empty,
                            "errors": []})
        if failed:
            session.rollback()
        else:
            session.commit()
    if format == Format.json:
        print_json(results)
    elif not failed:
        for r in results:
            console.print(f"{r['file']}: đã nhập {r['recorded']} số liệu ({r['empty']} dòng để trống).")
    else:
        console.print("Không nhập gì: sửa các lỗi trên rồi nhập lại (nothing was imported).")
    if failed:
        raise typer.Exit(1)


@app.command()
def template(
    unit: str = typer.Argument(..., metavar="ORG", help="Unit code or name."),
    year: int = typer.Option(..., "--year", help="The reporting year."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default bieu-ORG-YEAR.xlsx)."),
    all_indicators: bool = typer.Option(False, "--all", help="Every catalogue indicator, not only those with targets."),
) -> None:
    """Write the Excel sheet a unit fills in: its indicators, targets beside the empty cells.

    Example:

        nghiquyet template T42 --year 2025 -o ha-tinh-2025.xlsx
    """
    with open_session() as session:
        linking.ensure_tracked(session)
        org = _unit(session, unit, on=date(year, 12, 31))
        path = output or Path(f"bieu-{org.code}-{year}.xlsx")
        n = imports.write_template(session, organisation=org, year=year, path=path, all_indicators=all_indicators)
        session.commit()
    if n == 0:
        error(f"{org.name} chưa có chỉ tiêu nào đến năm {year}: dùng --all để lấy cả danh mục")
        raise typer.Exit(1)
    console.print(f"Đã ghi {path} ({n} chỉ tiêu).")


def _status_table(title: str, rows: list) -> Table:  # noqa: ANN001
    t = listing(title,
                ("Chỉ tiêu", "Mục tiêu", "Năm", "Số liệu", "Tình trạng", "Ghi chú"), overflow="fold")
    for r in rows:
        goal = align_service.describe_figure(r.comparator, r.value, r.value_max, r.unit)
        seen = f"{_num(r.observed)} ({r.observed_year})" if r.observed is not None else "—"
        style = STATUS_STYLE[r.status]
        note = r.note
        f = r.forecast
        if f and f.get("required_change") is not None and (f.get("linear") is not None):
            note += (f" Dự báo {r.year}: {_num(f['linear'])} (tuyến tính)"
                     + (f", {_num(f['compound'])} (tăng trưởng kép)" if f.get("compound") is not None else "")
                     + f"; cần {_num(f['required_change'])}/năm, thực tế {_num(f['observed_change'])}/năm.")
        t.add_row(r.indicator, goal, str(r.year or ""), seen, f"[{style}]{r.label}[/{style}]", note)
    return t


@app.command()
def status(
    document: Optional[str] = typer.Argument(None, metavar="[DOC]", help="One document; every tracked target if none."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Judge at this date (YYYY-MM-DD), default today."),
    format: Format = FormatOption,
) -> None:
    """Status of targets at a date: met/exceeded, on track, at risk, off track, missed, no data.

    Example:

        nghiquyet status 62-KH/TU --as-of 2025-12-31
    """
    day = date_option(as_of, "--as-of") or date.today()
    with open_session() as session:
        doc = _document(session, document) if document else None
        linking.ensure_tracked(session, document_id=doc.id if doc else None)
        session.commit()
        rows = sc_service.target_statuses(session, document_id=doc.id if doc else None, as_of=day,
                                          with_forecast=doc is not None)
    if format == Format.json:
        print_json([r.as_dict() for r in rows])
        return
    console.print(_status_table(f"Tình trạng chỉ tiêu đến {format_date(day.isoformat())} ({len(rows)})", rows))


@app.command()
def scorecard(
    document: Optional[str] = typer.Argument(None, metavar="[DOC]", help="The document to score."),
    year: Optional[int] = typer.Option(None, help="Judge at the end of this year."),
    unit: Optional[str] = typer.Option(None, "--org", help="Score a unit's targets due in --year instead."),
    format: Format = FormatOption,
) -> None:
    """Scorecard of a document or a unit: "26/28 chỉ tiêu đạt và vượt".

    Example:

        nghiquyet scorecard 62-KH/TU --year 2025
    """
    if (document is None) == (unit is None):
        error("cần đúng một trong DOC hoặc --org")
        raise typer.Exit(2)
    if unit is not None and year is None:
        error("--org cần --year")
        raise typer.Exit(2)
    with open_session() as session:
        if document is not None:
            doc = _document(session, document)
            linking.ensure_tracked(session, document_id=doc.id)
            session.commit()
            card = sc_service.document_scorecard(session, doc.id, year)
        else:
            linking.ensure_tracked(session)
            session.commit()
            card = sc_service.organisation_scorecard(session, _unit(session, unit, on=date(year, 12, 31)), year)
    if format == Format.json:
        print_json(card.as_dict())
        return
    console.print(_status_table(card.title, card.rows))
    console.print(f"[bold]{card.summary}[/bold]")


@app.command()
def align(
    child: str = typer.Argument(..., metavar="CHILD", help="The lower-level plan."),
    parent: str = typer.Argument(..., metavar="PARENT", help="The plan it carries out."),
    format: Format = FormatOption,
) -> None:
    """Compare a lower plan's targets with its parent's: adopted, strengthened, weakened, dropped, added.

    Example:

        nghiquyet align "KH huyện Thạch Hà" 28-CTr/TU
    """
    with open_session() as session:
        c, p = _document(session, child), _document(session, parent)
        for d in (c, p):
            linking.ensure_tracked(session, document_id=d.id)
        session.commit()
        result = align_service.align(session, child_id=c.id, parent_id=p.id)
        conflicts = [x for x in align_service.conflicting_figures(session)
                     if {f["document"] for f in x["figures"]} & {c.label, p.label}]
    if format == Format.json:
        print_json({**result.as_dict(), "conflicts": conflicts})
        return
    t = listing(f"{result.child} so với {result.parent}",
                ("Chỉ tiêu", "Cấp dưới", "Cấp trên", "Quan hệ"), overflow="fold")
    for r in result.rows:
        t.add_row(r.indicator_name, r.child or "—", r.parent or "—", r.label)
    console.print(t)
    for w in result.warnings:
        console.print(f"[yellow]cảnh báo:[/yellow] {w}")
    for x in conflicts:
        figs = "; ".join(f"{f['document']}: {f['target']}" for f in x["figures"])
        console.print(f"[yellow]số liệu khác nhau:[/yellow] {x['indicator']} {x['organisation']} {x['year']}: {figs}")


@app.command()
def tasks(
    document: Optional[str] = typer.Argument(None, metavar="[DOC]", help="Only this document's tasks."),
    owner: Optional[str] = typer.Option(None, help="Only tasks whose owner contains this."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Categorise at this date, default today."),
    done: Optional[int] = typer.Option(None, metavar="TASK_ID", help="Mark this task done (on --on)."),
    on: Optional[str] = typer.Option(None, help="Completion date for --done (default today)."),
    assign: Optional[str] = typer.Option(None, metavar="OWNER", help="With --task: give the task to OWNER."),
    task_id: Optional[int] = typer.Option(None, "--task", help="The task --assign acts on."),
    format: Format = FormatOption,
) -> None:
    """Deadlines as tasks, by owner, in the four office categories (đúng hạn, quá hạn...).

    Example:

        nghiquyet tasks --as-of 2025-06-30 --owner "Ban Tuyên giáo"
    """
    day = date_option(as_of, "--as-of") or date.today()
    with open_session() as session:
        doc = _document(session, document) if document else None
        task_service.sync_tasks(session, document_id=doc.id if doc else None)
        try:
            if done is not None:
                task_service.complete(session, task_id=done, on=date_option(on, "--on") or date.today())
            if assign is not None:
                if task_id is None:
                    error("--assign cần --task TASK_ID")
                    raise typer.Exit(2)
                task_service.assign(session, task_id=task_id, owner=assign)
        except task_service.TaskError as e:
            session.rollback()
            error(str(e))
            raise typer.Exit(1) from None
        session.commit()
        rows = task_service.task_rows(session, today=day, document_id=doc.id if doc else None, owner=owner)
    counts = task_service.counts_by_owner(rows)
    if format == Format.json:
        print_json({"as_of": day.isoformat(), "tasks": [r.as_dict() for r in rows], "by_owner": counts})
        return
    t = listing(f"Nhiệm vụ đến {format_date(day.isoformat())} ({len(rows)})",
                ("#", "Nhiệm vụ", "Hạn", "Chủ trì", "Hoàn thành", "Tình trạng"), overflow="fold")
    for r in rows:
        t.add_row(str(r.task_id), r.task, format_date(r.due.isoformat() if r.due else None), r.owner,
                  format_date(r.done_on.isoformat() if r.done_on else None), r.label)
    console.print(t)
    c = Table(title="Theo đơn vị chủ trì", title_justify="left")
    c.add_column("Chủ trì", overflow="fold")
    for label in task_service.CATEGORIES.values():
        c.add_column(label)
    for who, by in counts.items():
        c.add_row(who, *(str(by[k]) for k in task_service.CATEGORIES))
    console.print(c)


__all__ = ["LABELS"]
