"""`nghiquyet indicators` and `nghiquyet orgs`: the indicator catalogue (with the proposals
made from unmatched targets) and the organisations with their hierarchy and mergers.

Thin shells over `nghiquyet.track.linking` and `nghiquyet.track.orgs`; writes are committed
only when the whole command succeeded. Exit codes: 0 success, 1 a failure on the user's data,
2 a usage error.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..text import format_date
from ..track import linking, orgs as org_service
from .app import app
from .common import Format, FormatOption, console, date_option, error, listing, print_json
from .library import open_session


@app.command()
def indicators(
    query: Optional[str] = typer.Argument(None, help="Only indicators whose name, code or alias contains this."),
    group: Optional[str] = typer.Option(None, help="Only this group (kinh_te, xa_hoi, moi_truong...)."),
    proposed: bool = typer.Option(False, "--proposed", help="Only indicators proposed from unmatched targets."),
    accept: Optional[str] = typer.Option(None, metavar="CODE", help="Accept a proposed indicator."),
    merge: Optional[List[str]] = typer.Option(None, metavar="CODE INTO", help="Merge a proposal into an indicator."),
    format: Format = FormatOption,
) -> None:
    """List the indicator catalogue with how many targets each carries.

    Example:

        nghiquyet indicators "ho ngheo" --format json
    """
    with open_session() as session:
        try:
            if accept:
                linking.review_indicator(session, code=accept)
            if merge:
                if len(merge) != 2:
                    error("--merge cần hai mã: PROPOSAL INTO")
                    raise typer.Exit(2)
                linking.review_indicator(session, code=merge[0], merge_into=merge[1])
        except LookupError as e:
            error(str(e))
            raise typer.Exit(1) from None
        rows = linking.indicator_usage(session, query=query, group=group, proposed=True if proposed else None)
        data = [{"code": i.code, "name": i.name, "unit": i.unit, "direction": i.direction, "nature": i.nature,
                 "group": i.group, "origin": i.origin, "reviewed": i.reviewed, "targets": n} for i, n in rows]
        session.commit()
    if format == Format.json:
        print_json(data)
        return
    t = listing(f"Danh mục chỉ tiêu ({len(data)})",
                ("Mã", "Tên chỉ tiêu", "Đơn vị", "Chiều", "Loại", "Số chỉ tiêu"), overflow="fold")
    for d in data:
        name = d["name"] + ("" if d["reviewed"] else " [yellow](đề xuất)[/yellow]")
        t.add_row(d["code"], name, d["unit"], "↑" if d["direction"] == "higher" else "↓", d["nature"],
                  str(d["targets"]))
    console.print(t)


@app.command("orgs")
def orgs_command(
    query: Optional[str] = typer.Argument(None, help="Name contains this (accents optional)."),
    level: Optional[str] = typer.Option(None, help="province, district or commune."),
    parent: Optional[str] = typer.Option(None, help="Only units directly under this one (code or name)."),
    on: Optional[str] = typer.Option(None, help="Only units in force on this date (YYYY-MM-DD)."),
    load: Optional[Path] = typer.Option(None, help="First add units from a CSV in the shipped columns."),
    format: Format = FormatOption,
) -> None:
    """List organisations (provinces, districts, communes) with their validity and successors.

    Example:

        nghiquyet orgs "thach ha" --format json
    """
    day = date_option(on, "--on")
    with open_session() as session:
        if load is not None:
            try:
                org_service.ensure_units(session)
                r = org_service.load_units(session, path=load)
            except org_service.OrgDataError as e:
                for line in e.errors:
                    error(line)
                session.rollback()
                raise typer.Exit(1) from None
            session.commit()
            console.print(f"Đã nạp {load}: {r.added} mới, {r.updated} cập nhật.")
        units = org_service.list_units(session, level=level, parent=parent, on=day, query=query)
        data = [org_service.org_dict(session, u) for u in units]
        session.commit()
    if format == Format.json:
        print_json(data)
        return
    t = listing(f"Đơn vị ({len(data)})",
                ("Mã", "Tên", "Cấp", "Thuộc", "Hiệu lực", "Kế thừa bởi"), overflow="fold")
    for d in data:
        valid = f"{format_date(d['valid_from']) or '…'} – {format_date(d['valid_to']) or '…'}"
        t.add_row(d["code"], d["name"], d["level"], d["parent"] or "", valid, ", ".join(d["successors"]))
    console.print(t)
