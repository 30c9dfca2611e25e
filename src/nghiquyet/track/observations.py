"""Reported figures: recording them, and reading yearly series back in the database.

A figure belongs to an indicator, an organisation and a period (a year, a quarter or a month).
The yearly value of a series is the figure of the latest period ending in that year up to the
date asked — an annual figure, else the last monthly or quarterly (year-to-date) one — and,
for the same period, an actual figure before an estimate ("ước đạt"), which is kept beside it
so the difference stays visible (`estimate_vs_final`). Planned figures never count as values.
"""
from __future__ import annotations

import calendar
import re
from collections import defaultdict
from datetime import date
from typing import Iterable

import numpy as np
from sqlalchemy import and_, delete, select, text
from sqlalchemy.orm import Session

from ..text import fold, squash
from .models import (OBSERVATION_KINDS, Indicator, Observation, ObservationYear, Organisation, ReportingRound,
                     Submission)

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


class ObservationError(ValueError):
    """A figure that cannot be recorded (bad period, unknown kind...)."""


class LockedError(ObservationError):
    """The period's figures were approved: the approver must reopen them first."""


def parse_period(value: str | int) -> tuple[str, date, date]:
    """(type, start, end) of a period written as offices write it.

    >>> parse_period("2025")
    ('year', datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    >>> parse_period("Quý II/2024")[1:]
    (datetime.date(2024, 4, 1), datetime.date(2024, 6, 30))
    >>> parse_period("2024-Q3")[0], parse_period("tháng 2/2024")[2], parse_period("2024-11")[1]
    ('quarter', datetime.date(2024, 2, 29), datetime.date(2024, 11, 1))
    >>> parse_period("13/2024")
    Traceback (most recent call last):
    ...
    nghiquyet.track.observations.ObservationError: kỳ không hợp lệ: '13/2024' (tháng 13)
    """
    raw = str(value).strip()
    if isinstance(value, float) and value.is_integer():
        raw = str(int(value))
    f = squash(fold(raw)).replace(" ", "")
    m = re.fullmatch(r"(?:nam)?(\d{4})", f)
    if m:
        y = int(m.group(1))
        return "year", date(y, 1, 1), date(y, 12, 31)
    m = (re.fullmatch(r"(\d{4})-?q([1-4])", f) or re.fullmatch(r"q(?:uy)?([1-4]|i{1,3}|iv)[/.-](?:nam)?(\d{4})", f))
    if m:
        a, b = m.groups()
        y, q = (int(a), int(b)) if len(a) == 4 else (int(b), ROMAN.get(a) or int(a))
        return "quarter", date(y, 3 * q - 2, 1), date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", f) or re.fullmatch(r"(?:thang)?(\d{1,2})[/.-](?:nam)?(\d{4})", f)
    if m:
        a, b = m.groups()
        y, mo = (int(a), int(b)) if len(a) == 4 else (int(b), int(a))
        if not 1 <= mo <= 12:
            raise ObservationError(f"kỳ không hợp lệ: {raw!r} (tháng {mo})")
        return "month", date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    raise ObservationError(f"kỳ không hợp lệ: {raw!r} (viết 2025, Quý I/2025 hoặc 03/2025)")


def period_label(period_type: str, start: date) -> str:
    """How a period is shown: `2025`, `Quý II/2025`, `03/2025`."""
    if period_type == "year":
        return str(start.year)
    if period_type == "quarter":
        return f"Quý {['I', 'II', 'III', 'IV'][(start.month - 1) // 3]}/{start.year}"
    return f"{start.month:02d}/{start.year}"


def locking_submission(session: Session, *, organisation_id: int, period_end: date) -> Submission | None:
    """The approved submission whose round covers this period for this unit, if any."""
    return session.scalar(select(Submission).join(ReportingRound).where(
        Submission.organisation_id == organisation_id, Submission.state == "approved",
        ReportingRound.period_start <= period_end, ReportingRound.period_end >= period_end))


def record(session: Session, *, indicator: Indicator, organisation: Organisation, period: str | int,
           value: float, kind: str = "actual", source: str = "manual", who: str | None = None,
           document_id: int | None = None, result_id: int | None = None,
           submission_id: int | None = None, source_ref: str | None = None,
           note: str | None = None) -> Observation:
    """Record a figure; a manual/import figure for the same indicator, unit, period and kind
    replaces the previous one. Refused (`LockedError`) when the period is approved."""
    if kind not in OBSERVATION_KINDS:
        raise ObservationError(f"loại số liệu không hợp lệ: {kind!r} ({', '.join(OBSERVATION_KINDS)})")
    ptype, start, end = parse_period(period)
    if locking_submission(session, organisation_id=organisation.id, period_end=end) is not None:
        raise LockedError(f"số liệu {organisation.name} kỳ {period_label(ptype, start)} đã được duyệt "
                          "(approved): cần người duyệt mở lại")
    obs = None
    if source in ("manual", "import"):
        obs = session.scalar(select(Observation).where(
            Observation.indicator_id == indicator.id, Observation.organisation_id == organisation.id,
            Observation.period_type == ptype, Observation.period_start == start,
            Observation.kind == kind, Observation.source.in_(("manual", "import"))))
    if obs is None:
        obs = Observation(indicator_id=indicator.id, organisation_id=organisation.id, period_type=ptype,
                          period_start=start, period_end=end, year=end.year, kind=kind)
        session.add(obs)
    obs.value, obs.source, obs.created_by = float(value), source, who
    obs.document_id, obs.result_id, obs.submission_id = document_id, result_id, submission_id
    obs.source_ref, obs.note = source_ref, note
    session.flush()
    refresh_years(session, [(indicator.id, organisation.id, end.year)])
    return obs


# The yearly value per (indicator, unit, year): latest period first, actual before estimate.
_RANKED = """
  SELECT id, indicator_id, organisation_id, year, value, period_end, kind,
         ROW_NUMBER() OVER (PARTITION BY indicator_id, organisation_id, year
                            ORDER BY period_end DESC,
                                     CASE kind WHEN 'actual' THEN 0 ELSE 1 END, id DESC) AS rn
  FROM observations
  WHERE kind <> 'planned' {where}
"""
_REFRESH = """
INSERT INTO observation_years (indicator_id, organisation_id, year, value, period_end, kind, observation_id)
SELECT indicator_id, organisation_id, year, value, period_end, kind, id FROM ({ranked}) ranked WHERE rn = 1
"""
YEARLY_DTYPE = [("ind", "i8"), ("org", "i8"), ("year", "i8"), ("value", "f8")]


def refresh_years(session: Session, keys: Iterable[tuple[int, int, int]] | None = None) -> None:
    """Recompute the yearly values of these (indicator, organisation, year) series — or of all
    of them when `keys` is None (after a bulk load) — in the database."""
    session.flush()
    if keys is None:
        session.execute(delete(ObservationYear))
        session.execute(text(_REFRESH.format(ranked=_RANKED.format(where=""))))
        return
    for ind, org, year in set(keys):
        params = {"i": ind, "o": org, "y": year}
        session.execute(delete(ObservationYear).where(
            ObservationYear.indicator_id == ind, ObservationYear.organisation_id == org,
            ObservationYear.year == year))
        session.execute(text(_REFRESH.format(ranked=_RANKED.format(
            where="AND indicator_id = :i AND organisation_id = :o AND year = :y"))), params)


def _id_list(column: str, ids: Iterable[int] | None) -> str:
    if ids is None:
        return ""
    ids = sorted({int(i) for i in ids}) or [-1]
    return f" AND {column} IN ({','.join(map(str, ids))})"


def yearly_table(session: Session, *, as_of: date, indicator_ids: Iterable[int] | None = None,
                 organisation_ids: Iterable[int] | None = None, since: int | None = None) -> np.ndarray:
    """Every yearly value up to `as_of` as a structured array (indicator, organisation, year, value).

    Whole years before `as_of` come from `observation_years`; the year `as_of` falls in (unless
    it is its last day) is recomputed from the figures of periods ended by then, in one
    windowed query.
    """
    where = _id_list("indicator_id", indicator_ids) + _id_list("organisation_id", organisation_ids)
    if since is not None:
        where += f" AND year >= {int(since)}"
    full_year = as_of.month == 12 and as_of.day == 31
    last = as_of.year if full_year else as_of.year - 1
    # Tens of thousands of rows: straight through the driver's cursor, not SQLAlchemy's row
    # objects. Only integers and a date we formatted ourselves are put into the SQL text.
    sql = [f"SELECT indicator_id, organisation_id, year, value FROM observation_years WHERE year <= {int(last)}{where}"]
    if not full_year:
        current = where + f" AND year = {int(as_of.year)} AND period_end <= '{as_of.isoformat()}'"
        sql.append(f"SELECT indicator_id, organisation_id, year, value FROM ({_RANKED.format(where=current)}) r "
                   "WHERE rn = 1")
    cursor = session.connection().connection.dbapi_connection.cursor()
    rows: list = []
    try:
        for q in sql:
            cursor.execute(q)
            rows.extend(cursor.fetchall())
    finally:
        cursor.close()
    return np.array(rows, dtype=YEARLY_DTYPE) if rows else np.zeros(0, dtype=YEARLY_DTYPE)


def series(session: Session, *, indicator_id: int, organisation_id: int, as_of: date) -> dict[int, float]:
    """{year: value} of one indicator for one unit up to `as_of`."""
    t = yearly_table(session, as_of=as_of, indicator_ids=[indicator_id], organisation_ids=[organisation_id])
    return {int(r["year"]): float(r["value"]) for r in t}


def estimate_vs_final(session: Session, *, indicator_id: int, organisation_id: int) -> list[dict]:
    """Per year where both exist: the estimate, the final figure and the difference."""
    obs = session.scalars(select(Observation).where(
        Observation.indicator_id == indicator_id, Observation.organisation_id == organisation_id,
        Observation.period_type == "year", Observation.kind.in_(("actual", "estimate")))
        .order_by(Observation.year, Observation.id)).all()
    by_year: dict[int, dict[str, Observation]] = defaultdict(dict)
    for o in obs:
        by_year[o.year][o.kind] = o
    out = []
    for y, kinds in sorted(by_year.items()):
        if "actual" in kinds and "estimate" in kinds:
            e, a = kinds["estimate"].value, kinds["actual"].value
            out.append({"year": y, "estimate": e, "final": a, "difference": a - e,
                        "estimate_source": kinds["estimate"].source_ref, "final_source": kinds["actual"].source_ref})
    return out


def observations_for(session: Session, *, organisation_id: int | None = None, indicator_id: int | None = None,
                     year: int | None = None) -> list[Observation]:
    conds = []
    if organisation_id is not None:
        conds.append(Observation.organisation_id == organisation_id)
    if indicator_id is not None:
        conds.append(Observation.indicator_id == indicator_id)
    if year is not None:
        conds.append(Observation.year == year)
    q = select(Observation).where(and_(*conds)) if conds else select(Observation)
    return list(session.scalars(q.order_by(Observation.indicator_id, Observation.period_end, Observation.id)))
