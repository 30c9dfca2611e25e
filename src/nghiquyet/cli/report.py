"""`nghiquyet report ...`: reporting rounds (open, move a unit's submission, completeness) and
requests for explanation (yêu cầu giải trình).

Thin shells over `nghiquyet.track.workflow`; writes are committed only when the whole command
succeeded. Exit codes: 0 success, 1 a failure on the user's data, 2 a usage error.
"""
from __future__ import annotations

from typing import Optional

import typer

from ..text import format_date
from ..track import observations, workflow
from .app import app
from .common import Format, FormatOption, listing, console, date_option, error, print_json
from .library import open_session
from .tracking import _unit


report_app = typer.Typer(help="Đợt báo cáo (reporting rounds): submit, approve, return, reopen, completeness; "
                              "yêu cầu giải trình.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(report_app, name="report")


@report_app.command("open")
def report_open(
    period: str = typer.Argument(..., help="2025, Quý I/2025 or 03/2025."),
    due: str = typer.Option(..., "--due", help="Due date (YYYY-MM-DD)."),
    name: str = typer.Option("", help="Name of the round."),
) -> None:
    """Open a reporting round for a period with a due date.

    Example:

        nghiquyet report open 2025 --due 2026-01-15
    """
    day = date_option(due, "--due")
    with open_session() as session:
        try:
            r = workflow.open_round(session, name=name, period=period, due=day)
        except (workflow.WorkflowError, observations.ObservationError) as e:
            error(str(e))
            raise typer.Exit(1) from None
        session.commit()
        console.print(f"Đợt báo cáo #{r.id}: {r.name} (hạn {format_date(r.due.isoformat())}).")


@report_app.command("move")
def report_move(
    round_id: int = typer.Argument(..., metavar="ROUND"),
    unit: str = typer.Argument(..., metavar="ORG"),
    action: str = typer.Argument(..., help="submit, approve, return or reopen."),
    reason: Optional[str] = typer.Option(None, help="Why (needed to return or reopen)."),
    who: Optional[str] = typer.Option(None, help="Who does it."),
) -> None:
    """Move a unit's submission: submit, approve (locks the period), return, reopen.

    Example:

        nghiquyet report move 1 T42 return --reason "Thiếu số liệu hộ nghèo"
    """
    moves = {"submit": workflow.submit, "approve": workflow.approve,
             "return": workflow.return_for_revision, "reopen": workflow.reopen}
    if action not in moves:
        error(f"hành động không hợp lệ: {action!r} ({', '.join(moves)})")
        raise typer.Exit(2)
    with open_session() as session:
        org = _unit(session, unit)
        kwargs = {"reason": reason or ""} if action in ("return", "reopen") else {}
        try:
            s = moves[action](session, round_id=round_id, organisation=org, who=who, **kwargs)
        except workflow.WorkflowError as e:
            session.rollback()
            error(str(e))
            raise typer.Exit(1) from None
        session.commit()
        console.print(f"{org.name}: {workflow.STATE_LABELS[s.state]}.")


@report_app.command("completeness")
def report_completeness(
    round_id: int = typer.Argument(..., metavar="ROUND"),
    format: Format = FormatOption,
) -> None:
    """Per unit: expected figures, how many arrived, how many on time, submission state.

    Example:

        nghiquyet report completeness 1 --format json
    """
    with open_session() as session:
        try:
            rows = workflow.completeness(session, round_id=round_id)
        except workflow.WorkflowError as e:
            error(str(e))
            raise typer.Exit(1) from None
    if format == Format.json:
        print_json([{**r.__dict__, "share": r.share} for r in rows])
        return
    t = listing(f"Đợt báo cáo #{round_id}",
                ("Đơn vị", "Trạng thái", "Cần", "Đã có", "Đúng hạn", "Gửi đúng hạn"))
    for r in rows:
        t.add_row(r.name, workflow.STATE_LABELS[r.state], str(r.expected), str(r.arrived), str(r.on_time),
                  {True: "có", False: "không", None: "—"}[r.submitted_on_time])
    console.print(t)


@report_app.command("explain")
def report_explain(
    question: Optional[str] = typer.Option(None, help="Ask: the question."),
    observation: Optional[int] = typer.Option(None, help="Ask about this figure (id)."),
    target: Optional[int] = typer.Option(None, help="Ask about this target (id)."),
    request: Optional[int] = typer.Option(None, help="Answer or close this request (id)."),
    answer: Optional[str] = typer.Option(None, help="The answer to --request."),
    close: bool = typer.Option(False, help="Close --request."),
    who: Optional[str] = typer.Option(None, help="Who asks or answers."),
) -> None:
    """Ask a unit to explain a figure or a target (yêu cầu giải trình), answer, or close.

    Example:

        nghiquyet report explain --observation 12 --question "Vì sao giảm?"
    """
    with open_session() as session:
        try:
            if request is not None:
                req = (workflow.answer(session, request_id=request, text=answer or "", who=who)
                       if answer is not None else None)
                if close:
                    req = workflow.close(session, request_id=request)
                if req is None:
                    error("--request cần --answer hoặc --close")
                    raise typer.Exit(2)
            else:
                req = workflow.ask(session, question=question or "", observation_id=observation,
                                   target_id=target, who=who)
        except workflow.WorkflowError as e:
            session.rollback()
            error(str(e))
            raise typer.Exit(1) from None
        session.commit()
        console.print(f"Yêu cầu giải trình #{req.id}: {req.question}"
                      + (f" — trả lời: {req.answer}" if req.answer else "") + (" (đã đóng)" if req.closed else ""),
                      soft_wrap=True)
