"""Reporting as offices run it: rounds with a due date, each unit's submission going
draft → submitted → approved (or returned with a reason), approved periods locked until the
approver reopens them; completeness and timeliness per unit; requests for explanation
("yêu cầu giải trình") on a figure or a target, with the answer and who/when kept.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Target, utcnow
from .models import ExplanationRequest, Observation, Organisation, ReportingRound, Submission, TargetIndicator
from .observations import parse_period, period_label

# state → states it may move to (the action names the move)
TRANSITIONS = {
    "submit": ({"draft", "returned"}, "submitted"),
    "approve": ({"submitted"}, "approved"),
    "return": ({"submitted"}, "returned"),
    "reopen": ({"approved"}, "draft"),
}
STATE_LABELS = {"draft": "đang soạn", "submitted": "đã gửi", "approved": "đã duyệt", "returned": "trả lại"}


class WorkflowError(ValueError):
    """A move the workflow does not allow (names the state and the move)."""


def open_round(session: Session, *, name: str, period: str | int, due: date) -> ReportingRound:
    """A reporting round for a period (`2025`, `Quý I/2025`, `03/2025`) due on a date."""
    ptype, start, end = parse_period(period)
    if due < end:
        raise WorkflowError(f"hạn nộp {due.isoformat()} trước khi kỳ {period_label(ptype, start)} kết thúc")
    r = ReportingRound(name=name.strip() or f"Báo cáo kỳ {period_label(ptype, start)}", period_type=ptype,
                       period_start=start, period_end=end, due=due)
    session.add(r)
    session.flush()
    return r


def _round(session: Session, round_id: int) -> ReportingRound:
    r = session.get(ReportingRound, round_id)
    if r is None:
        raise WorkflowError(f"không có đợt báo cáo #{round_id}")
    return r


def submission(session: Session, *, round_id: int, organisation: Organisation) -> Submission:
    """The unit's submission for the round (a new draft if it has none)."""
    _round(session, round_id)
    s = session.scalar(select(Submission).where(Submission.round_id == round_id,
                                                Submission.organisation_id == organisation.id))
    if s is None:
        s = Submission(round_id=round_id, organisation_id=organisation.id, state="draft")
        session.add(s)
        session.flush()
    return s


def _move(session: Session, action: str, *, round_id: int, organisation: Organisation, who: str | None,
          reason: str | None = None) -> Submission:
    s = submission(session, round_id=round_id, organisation=organisation)
    allowed, to = TRANSITIONS[action]
    if s.state not in allowed:
        raise WorkflowError(f"không thể {action} báo cáo của {organisation.name}: đang ở trạng thái "
                            f"{STATE_LABELS[s.state]} ({s.state})")
    if action in ("return", "reopen") and not (reason and reason.strip()):
        raise WorkflowError(f"{action}: cần ghi lý do (a reason is required)")
    now = utcnow()
    if action == "submit":
        s.submitted_at, s.submitted_by = now, who
    else:
        s.decided_at, s.decided_by = now, who
    s.state, s.reason = to, (reason.strip() if reason else s.reason if action == "approve" else None)
    session.flush()
    return s


def submit(session: Session, *, round_id: int, organisation: Organisation, who: str | None = None) -> Submission:
    return _move(session, "submit", round_id=round_id, organisation=organisation, who=who)


def approve(session: Session, *, round_id: int, organisation: Organisation, who: str | None = None) -> Submission:
    """Approve: the unit's figures for the period are locked from now on."""
    return _move(session, "approve", round_id=round_id, organisation=organisation, who=who)


def return_for_revision(session: Session, *, round_id: int, organisation: Organisation, reason: str,
                        who: str | None = None) -> Submission:
    return _move(session, "return", round_id=round_id, organisation=organisation, who=who, reason=reason)


def reopen(session: Session, *, round_id: int, organisation: Organisation, reason: str,
           who: str | None = None) -> Submission:
    """The approver unlocks an approved submission (back to draft), saying why."""
    return _move(session, "reopen", round_id=round_id, organisation=organisation, who=who, reason=reason)


@dataclass
class Completeness:
    organisation: str
    name: str
    state: str
    expected: int          # indicators its targets need figures of
    arrived: int           # of those, with a figure for the period
    on_time: int           # of those, recorded by the due date
    submitted_on_time: bool | None

    @property
    def share(self) -> float:
        return self.arrived / self.expected if self.expected else 1.0


def completeness(session: Session, *, round_id: int) -> list[Completeness]:
    """Per unit with targets running in the round's year: expected figures, how many arrived,
    how many on time, and whether the submission itself was on time."""
    r = _round(session, round_id)
    year = r.period_end.year
    expected: dict[int, set[int]] = {}
    for org_id, ind_id in session.execute(
            select(TargetIndicator.organisation_id, TargetIndicator.indicator_id)
            .join(Target, Target.id == TargetIndicator.target_id)
            .where(TargetIndicator.organisation_id.is_not(None), Target.superseded.is_(False),
                   Target.status != "deleted", (Target.year >= year) | Target.year.is_(None))).all():
        expected.setdefault(org_id, set()).add(ind_id)
    out = []
    for org_id, inds in sorted(expected.items()):
        org = session.get(Organisation, org_id)
        figures = session.execute(select(Observation.indicator_id, Observation.created_at).where(
            Observation.organisation_id == org_id, Observation.indicator_id.in_(inds),
            Observation.kind != "planned", Observation.period_end >= r.period_start,
            Observation.period_end <= r.period_end)).all()
        first: dict[int, object] = {}
        for ind_id, created in figures:
            if ind_id not in first or created < first[ind_id]:
                first[ind_id] = created
        on_time = sum(1 for c in first.values() if c.date() <= r.due)
        sub = session.scalar(select(Submission).where(Submission.round_id == r.id,
                                                      Submission.organisation_id == org_id))
        sub_on_time = None if sub is None or sub.submitted_at is None else sub.submitted_at.date() <= r.due
        out.append(Completeness(org.code, org.name, sub.state if sub else "draft", len(inds), len(first),
                                on_time, sub_on_time))
    return out


# --------------------------------------------------------------------------- explanation requests

def ask(session: Session, *, question: str, observation_id: int | None = None, target_id: int | None = None,
        organisation: Organisation | None = None, who: str | None = None) -> ExplanationRequest:
    """Ask a unit to explain a figure or a target's status."""
    if not question or not question.strip():
        raise WorkflowError("yêu cầu giải trình cần nội dung câu hỏi")
    if observation_id is None and target_id is None:
        raise WorkflowError("yêu cầu giải trình phải gắn với một số liệu hoặc một chỉ tiêu")
    org_id = organisation.id if organisation else None
    if observation_id is not None:
        o = session.get(Observation, observation_id)
        if o is None:
            raise WorkflowError(f"không có số liệu #{observation_id}")
        org_id = org_id or o.organisation_id
    if target_id is not None:
        if session.get(Target, target_id) is None:
            raise WorkflowError(f"không có chỉ tiêu #{target_id}")
        if org_id is None:
            org_id = session.scalar(select(TargetIndicator.organisation_id).where(
                TargetIndicator.target_id == target_id))
    req = ExplanationRequest(observation_id=observation_id, target_id=target_id, organisation_id=org_id,
                             question=question.strip(), asked_by=who)
    session.add(req)
    session.flush()
    return req


def answer(session: Session, *, request_id: int, text: str, who: str | None = None) -> ExplanationRequest:
    req = session.get(ExplanationRequest, request_id)
    if req is None:
        raise WorkflowError(f"không có yêu cầu giải trình #{request_id}")
    if req.closed:
        raise WorkflowError(f"yêu cầu giải trình #{request_id} đã đóng")
    if not text or not text.strip():
        raise WorkflowError("nội dung giải trình trống")
    req.answer, req.answered_by, req.answered_at = text.strip(), who, utcnow()
    session.flush()
    return req


def close(session: Session, *, request_id: int) -> ExplanationRequest:
    req = session.get(ExplanationRequest, request_id)
    if req is None:
        raise WorkflowError(f"không có yêu cầu giải trình #{request_id}")
    req.closed = True
    session.flush()
    return req


def requests_for(session: Session, *, observation_id: int | None = None, target_id: int | None = None,
                 organisation_id: int | None = None, open_only: bool = False) -> list[ExplanationRequest]:
    q = select(ExplanationRequest).order_by(ExplanationRequest.asked_at, ExplanationRequest.id)
    if observation_id is not None:
        q = q.where(ExplanationRequest.observation_id == observation_id)
    if target_id is not None:
        q = q.where(ExplanationRequest.target_id == target_id)
    if organisation_id is not None:
        q = q.where(ExplanationRequest.organisation_id == organisation_id)
    if open_only:
        q = q.where(ExplanationRequest.closed.is_(False))
    return list(session.scalars(q))
