"""Status of many targets at once, and scorecards ("26/28 chỉ tiêu đạt và vượt").

The yearly values come from one windowed query (`observations.yearly_table`), are laid out as
a (target × year) matrix with numpy, and judged by `status.evaluate` in one pass — no Python
loop over observations. A `change` indicator with no figures of its own ("mức giảm tỷ lệ hộ
nghèo") is derived from the yearly differences of the indicator it is the change `of`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store.models import Document, Target
from .catalogue import Catalogue, Indicator as CatIndicator
from .linking import db_catalogue
from .models import Indicator, Organisation, TargetIndicator
from .forecast import forecast
from .observations import yearly_table
from .status import ACHIEVED, LABELS, STATUSES, StatusResult, TargetSpec, evaluate, explain, spec_for


@dataclass
class TargetStatus:
    target_id: int
    document_id: int
    indicator: str                    # the target's own words
    indicator_code: str
    indicator_name: str
    organisation: str | None
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    year: int | None
    status: str
    label: str
    observed: float | None = None     # figure judged (or the average, for rates)
    observed_year: int | None = None
    goal: float | None = None         # in the indicator's unit
    observed_rate: float | None = None
    required_rate: float | None = None
    problem: str = ""                 # why it cannot be judged, if so
    forecast: dict | None = None      # `forecast.Forecast` as a dict, when asked for

    @property
    def note(self) -> str:
        """One Vietnamese sentence on the status (made on demand: thousands of rows are cheap)."""
        if self.problem:
            return self.problem
        return explain(StatusResult(self.status, self.observed_year, self.observed, self.goal,
                                    self.observed_rate, self.required_rate), self.year)

    def as_dict(self) -> dict:
        return {**asdict(self), "note": self.note}


@dataclass
class Scorecard:
    title: str
    as_of: date
    rows: list[TargetStatus] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        c = {s: 0 for s in STATUSES}
        for r in self.rows:
            c[r.status] += 1
        return c

    @property
    def achieved(self) -> int:
        return sum(1 for r in self.rows if r.status in ACHIEVED)

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def summary(self) -> str:
        """`26/28 chỉ tiêu đạt và vượt`, then the other statuses that occur."""
        rest = ", ".join(f"{n} {LABELS[s]}" for s, n in self.counts.items() if n and s not in ACHIEVED)
        return f"{self.achieved}/{self.total} chỉ tiêu đạt và vượt" + (f" ({rest})" if rest else "")

    def as_dict(self) -> dict:
        return {"title": self.title, "as_of": self.as_of.isoformat(), "summary": self.summary,
                "achieved": self.achieved, "total": self.total, "counts": self.counts,
                "targets": [r.as_dict() for r in self.rows]}


def _matrix(table: np.ndarray, keys: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Dense (len(keys) × len(years)) values from a yearly table, NaN where none."""
    uniq, inverse = np.unique(keys, return_inverse=True)   # several targets share a series
    out = np.full((len(uniq), len(years)), np.nan)
    if not len(table) or not len(keys):
        return out[inverse]
    tkeys = table["ind"] * 10_000_000 + table["org"]
    pos = np.clip(np.searchsorted(uniq, tkeys), 0, len(uniq) - 1)
    yc = table["year"] - years[0]
    hit = (uniq[pos] == tkeys) & (yc >= 0) & (yc < len(years))
    out[pos[hit], yc[hit]] = table["value"][hit]
    return out[inverse]


@dataclass(frozen=True)
class LinkRow:
    """What the rules need of one tracked target (read with one query, no ORM objects)."""
    target_id: int
    document_id: int
    text: str
    quote: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    year: int | None
    period: str | None
    base_year: int | None
    organisation_id: int | None
    indicator_id: int
    code: str
    name: str
    ind_unit: str
    direction: str
    nature: str
    of_code: str | None


_LINK_COLUMNS = (Target.id, Target.document_id, Target.indicator, Target.quote, Target.comparator,
                 Target.value, Target.value_max, Target.unit, Target.year, Target.period, Target.base_year,
                 TargetIndicator.organisation_id, Indicator.id, Indicator.code, Indicator.name, Indicator.unit,
                 Indicator.direction, Indicator.nature, Indicator.of_code)


def _links(session: Session, *conditions) -> list[LinkRow]:
    q = (select(*_LINK_COLUMNS)
         .join(TargetIndicator, TargetIndicator.target_id == Target.id)
         .join(Indicator, Indicator.id == TargetIndicator.indicator_id)
         .where(Target.superseded.is_(False), Target.status != "deleted", *conditions)
         .order_by(Target.document_id, Target.idx, Target.id))
    return [LinkRow(*r) for r in session.execute(q).all()]


def evaluate_links(session: Session, *, links: list[LinkRow], as_of: date,
                   catalogue: Catalogue | None = None, with_forecast: bool = False) -> list[TargetStatus]:
    """Status of each tracked target at `as_of`, vectorised over all of them; with
    `with_forecast`, also each level/share target's projection to its year (one fit per target:
    ask for it on a document, not on thousands of targets)."""
    catalogue = catalogue or db_catalogue(session)
    specs: list[TargetSpec] = []
    problems: list[str] = []
    indicators: dict[str, CatIndicator] = {}
    for r in links:
        c_ind = indicators.get(r.code)
        if c_ind is None:
            c_ind = indicators[r.code] = catalogue.get(r.code) or CatIndicator(
                code=r.code, name=r.name, unit=r.ind_unit, direction=r.direction, nature=r.nature, of=r.of_code)
        spec, why = spec_for(comparator=r.comparator, value=r.value, value_max=r.value_max, unit=r.unit,
                             year=r.year, period=r.period, base_year=r.base_year, indicator=c_ind,
                             catalogue=catalogue, text=f"{r.text} {r.quote}")
        specs.append(spec or TargetSpec("eq", np.nan, year=r.year or 0))
        if r.organisation_id is None:
            why = why or "chưa rõ đơn vị (organisation) của chỉ tiêu"
        problems.append(why)
    ind_ids = [r.indicator_id for r in links]
    org_ids = [r.organisation_id or -1 for r in links]
    of_ids = [r.of_code for r in links]
    code_to_id = {}
    if any(of_ids):
        code_to_id = dict(session.execute(select(Indicator.code, Indicator.id).where(
            Indicator.code.in_({c for c in of_ids if c}))).all())
    base_ids = [code_to_id.get(c, -1) if c else -1 for c in of_ids]
    # only the years the rules look at: from the earliest base year or period start on
    starts = [sp.base_year if sp.base_year is not None else sp.start_year for sp in specs]
    since = None if not starts or any(y is None for y in starts) else min(starts) - 1   # -1: yearly changes
    table = yearly_table(session, as_of=as_of, indicator_ids=(set(ind_ids) | set(base_ids)) - {-1},
                         organisation_ids=set(org_ids) - {-1}, since=since)
    years = np.arange(int(table["year"].min()), max(int(table["year"].max()), as_of.year) + 1) \
        if len(table) else np.array([as_of.year])
    keys = np.array(ind_ids, dtype=np.int64) * 10_000_000 + np.array(org_ids, dtype=np.int64)
    Y = _matrix(table, keys, years)
    # change indicators without figures of their own: yearly differences of their base series
    if any(b >= 0 for b in base_ids):
        bkeys = np.array(base_ids, dtype=np.int64) * 10_000_000 + np.array(org_ids, dtype=np.int64)
        B = _matrix(table, bkeys, years)
        diff = np.full_like(B, np.nan)
        diff[:, 1:] = B[:, :-1] - B[:, 1:]     # a fall of a lower-is-better rate counts as positive
        lower_base = np.array([catalogue.get(c).lower_is_better if c and catalogue.get(c) else True
                               for c in of_ids])
        diff = np.where(lower_base[:, None], diff, -diff)
        empty = np.isnan(Y).all(1) & (np.array(base_ids) >= 0)
        Y[empty] = diff[empty]
    ev = evaluate(specs, years.tolist(), Y, as_of.year)
    orgs = dict(session.execute(select(Organisation.id, Organisation.code).where(
        Organisation.id.in_(set(org_ids) - {-1}))).all()) if links else {}
    # plain lists once, then one small object per target
    def col(a):  # noqa: ANN001, ANN202
        return [None if x != x else x for x in a.tolist()]     # NaN → None
    names, value, goal = ev.names(), col(ev.value), col(ev.goal)
    obs_rate, req_rate, year = col(ev.observed_rate), col(ev.required_rate), ev.year.tolist()
    out: list[TargetStatus] = []
    for i, r in enumerate(links):
        st = "no_data" if problems[i] else names[i]
        out.append(TargetStatus(
            target_id=r.target_id, document_id=r.document_id, indicator=r.text, indicator_code=r.code,
            indicator_name=r.name, organisation=orgs.get(r.organisation_id), comparator=r.comparator,
            value=r.value, value_max=r.value_max, unit=r.unit, year=r.year, status=st,
            label=LABELS[st], observed=value[i], observed_year=year[i] if year[i] >= 0 else None,
            goal=goal[i], observed_rate=obs_rate[i], required_rate=req_rate[i], problem=problems[i]))
        if with_forecast and not problems[i] and specs[i].nature in ("level", "share") and r.year:
            series = {int(y): float(v) for y, v in zip(years, Y[i]) if v == v}
            out[-1].forecast = forecast(series, r.year, goal[i]).as_dict()
    return out


def year_end(year: int) -> date:
    return date(year, 12, 31)


def target_statuses(session: Session, *, document_id: int | None = None, as_of: date,
                    with_forecast: bool = False) -> list[TargetStatus]:
    """Status at `as_of` of every tracked target (of one document, or of all)."""
    cond = [Target.document_id == document_id] if document_id is not None else []
    return evaluate_links(session, links=_links(session, *cond), as_of=as_of, with_forecast=with_forecast)


def document_scorecard(session: Session, document_id: int, year: int | None = None, *,
                       as_of: date | None = None) -> Scorecard:
    """One document's targets judged at the end of `year` (or at `as_of`, default today)."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise LookupError(f"không có văn bản #{document_id}")
    as_of = as_of or (year_end(year) if year else date.today())
    rows = target_statuses(session, document_id=document_id, as_of=as_of)
    return Scorecard(title=f"{doc.label}: {doc.title or ''}".strip(": "), as_of=as_of, rows=rows)


def organisation_scorecard(session: Session, organisation: Organisation, year: int, *,
                           due_only: bool = True, as_of: date | None = None) -> Scorecard:
    """The targets that concern a unit, judged at the end of `year`; with `due_only`, only
    those due that year (a yearly report), else every target still running."""
    cond = [TargetIndicator.organisation_id == organisation.id]
    cond.append(Target.year == year if due_only else Target.year >= year)
    as_of = as_of or year_end(year)
    rows = evaluate_links(session, links=_links(session, *cond), as_of=as_of)
    return Scorecard(title=f"{organisation.name} — năm {year}", as_of=as_of, rows=rows)
