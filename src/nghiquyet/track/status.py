"""Status of a target at a date: the rules, and the ONE place their thresholds live.

Statuses (`STATUSES`, Vietnamese labels in `LABELS`):

- ``exceeded`` / ``met`` — the latest figure satisfies the target (đạt / vượt);
- ``on_track`` / ``at_risk`` / ``off_track`` — not satisfied yet, judged by progress;
- ``missed`` — the target year's figure is in and does not satisfy the target;
- ``no_data`` — not enough figures to judge (none, or one figure and no base to measure from).

How a figure satisfies a target depends on the comparator and the direction: ``gt/gte`` need the
figure at or above the value, ``lt/lte`` at or below; ``eq`` and ``approx`` ("đạt 80%",
"khoảng 80%") mean *reach* the value in the indicator's better direction (``approx`` with
``APPROX_TOLERANCE``); a ``range`` X–Y is met from its near end (X for higher-is-better, Y for
lower-is-better, e.g. a poverty rate "3-4%") and exceeded beyond its far end.

What is compared depends on the indicator's nature:

- ``level``/``share``: the latest yearly figure. A target in ``lần`` of a base year ("tăng 2,5-3
  lần so với năm 2020") or in ``%`` of a base year for a non-% indicator becomes the base
  year's figure times the multiple.
- ``rate`` (yearly growth, "bình quân 9%/năm"): the compound average of the yearly rates over
  the period; ``change`` (percentage points a year, "giảm 0,6-1%/năm"): their arithmetic mean.

Progress follows Open SDG's target-based progress measure (ESCAP methodology): the observed
compound annual growth rate since the base year (its figure, else the first figure after it;
without a base year, the first figure) divided by the rate the target requires;
``ON_TRACK_RATIO`` and above is on track, ``AT_RISK_RATIO`` and above at risk, below off track.
Where a compound rate is meaningless (zero or negative values) the linear yearly change is used.
For averaged natures, the observed average is set against the average the remaining years need.

Everything is computed on arrays (`evaluate`): one row per target, one column per year, so a
scorecard of thousands of targets is a handful of numpy operations. `target_status` is the
one-target convenience over the same code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping, Sequence

import numpy as np

# ------------------------------------------------------------------ thresholds (the one place)
ON_TRACK_RATIO = 0.95      # observed / required growth at or above this: on track (Open SDG)
AT_RISK_RATIO = 0.5        # ... at or above this (and below ON_TRACK_RATIO): at risk; below: off track
APPROX_TOLERANCE = 0.02    # "khoảng X" is met within 2 % of X on the worse side
EXCEED_MARGIN = 0.02       # beyond the target's far end by more than 2 % of it: exceeded
_EPS = 1e-9

STATUSES = ("exceeded", "met", "on_track", "at_risk", "off_track", "missed", "no_data")
LABELS = {
    "exceeded": "vượt", "met": "đạt", "on_track": "đúng tiến độ", "at_risk": "có nguy cơ không đạt",
    "off_track": "chậm tiến độ", "missed": "không đạt", "no_data": "chưa có số liệu",
}
ACHIEVED = ("exceeded", "met")      # "đạt và vượt" in a scorecard
_CODE = {s: i for i, s in enumerate(STATUSES)}


@dataclass(frozen=True)
class TargetSpec:
    """A target in the indicator's unit, ready for the rules (see `spec_from_figure`)."""
    comparator: str                  # eq gt gte lt lte approx range
    value: float
    value_max: float | None = None
    year: int = 0                    # the target year
    direction: str = "higher"        # the indicator's better direction
    nature: str = "level"            # level share rate change
    start_year: int | None = None    # first year of the period a rate/change is averaged over
    base_year: int | None = None     # year the figures are measured from
    multiple: bool = False           # value/value_max multiply the base year's figure


@dataclass
class StatusResult:
    status: str
    year: int | None = None          # year of the figure judged
    value: float | None = None       # the figure (or the average, for rates and changes)
    goal: float | None = None        # the threshold to reach, in the indicator's unit
    observed_rate: float | None = None   # yearly progress so far (compound %, or units a year)
    required_rate: float | None = None   # yearly progress the target needs
    ratio: float | None = None
    note: str = ""

    @property
    def label(self) -> str:
        return LABELS[self.status]


@dataclass
class Evaluation:
    """Arrays of `evaluate`, one entry per target."""
    status: np.ndarray               # int codes into STATUSES
    value: np.ndarray
    year: np.ndarray                 # -1 where none
    goal: np.ndarray
    observed_rate: np.ndarray
    required_rate: np.ndarray
    ratio: np.ndarray
    notes: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [STATUSES[c] for c in self.status]

    def result(self, i: int) -> StatusResult:
        f = lambda a: None if np.isnan(a[i]) else float(a[i])  # noqa: E731
        return StatusResult(STATUSES[self.status[i]], None if self.year[i] < 0 else int(self.year[i]),
                            f(self.value), f(self.goal), f(self.observed_rate), f(self.required_rate),
                            f(self.ratio), self.notes[i] if self.notes else "")


def _sign(spec: TargetSpec) -> int:
    if spec.comparator in ("gt", "gte"):
        return 1
    if spec.comparator in ("lt", "lte"):
        return -1
    return -1 if spec.direction == "lower" else 1


def _thresholds(spec: TargetSpec) -> tuple[float, float, bool]:
    """(threshold to meet, far end to exceed, strict?) in the spec's own terms."""
    s, v, vmax = _sign(spec), spec.value, spec.value_max
    if spec.comparator == "range" and vmax is not None:
        lo, hi = (v, vmax) if s > 0 else (vmax, v)
        return lo, hi, False
    if spec.comparator == "approx":
        return v * (1 - s * APPROX_TOLERANCE), v, False
    return v, v, spec.comparator in ("gt", "lt")


def evaluate(specs: Sequence[TargetSpec], years: Sequence[int], values: np.ndarray,
             as_of_year: int) -> Evaluation:
    """Status of every target: `values[i, j]` is target i's indicator figure for `years[j]`.

    Figures later than `as_of_year` must already be NaN (the caller cuts the series at the date).
    """
    n = len(specs)
    Y = np.asarray(values, dtype=float).reshape(n, len(years))
    yrs = np.asarray(years, dtype=int)
    col = {int(y): j for j, y in enumerate(yrs)}

    def arr(f, dtype=float):
        return np.array([f(s) for s in specs], dtype=dtype) if n else np.zeros(0, dtype=dtype)

    s = arr(_sign)
    thr_raw, top_raw, strict = (arr(lambda sp: _thresholds(sp)[k]) for k in range(3))
    strict = strict.astype(bool)
    T = arr(lambda sp: sp.year, int)
    avg = arr(lambda sp: sp.nature in ("rate", "change"), bool)
    geom = arr(lambda sp: sp.nature == "rate", bool)
    mult = arr(lambda sp: sp.multiple, bool)
    base = arr(lambda sp: sp.base_year if sp.base_year is not None else -1, int)
    start = arr(lambda sp: sp.start_year if sp.start_year is not None else
                (sp.base_year + 1 if sp.base_year is not None else sp.year), int)
    horizon = np.minimum(T, as_of_year)
    in_window = yrs[None, :] <= horizon[:, None]
    observed = ~np.isnan(Y) & in_window

    # --- the base figure (for multiples and for progress): at the base year, else the first one
    base_col = np.array([col.get(int(b), -1) for b in base]) if n else np.zeros(0, int)
    # no figure for the base year: the first one after it (or the very first, without a base year)
    since = observed & (yrs[None, :] >= base[:, None])
    first_col = np.where(since.any(1), since.argmax(1), -1)
    has_base = (base_col >= 0)
    base_val = np.full(n, np.nan)
    base_val[has_base] = Y[has_base, base_col[has_base]]
    at_base = ~np.isnan(base_val)
    use_first = ~at_base & ~mult & (first_col >= 0)
    base_val[use_first] = Y[use_first, first_col[use_first]]
    base_year = np.where(at_base, base, np.where(use_first, yrs[np.maximum(first_col, 0)], -1))

    thr = np.where(mult, thr_raw * base_val, thr_raw)
    top = np.where(mult, top_raw * base_val, top_raw)

    # --- the latest figure up to the horizon
    last_col = np.where(observed.any(1), Y.shape[1] - 1 - observed[:, ::-1].argmax(1), -1)
    last_year = np.where(last_col >= 0, yrs[np.maximum(last_col, 0)], -1)
    latest = np.where(last_col >= 0, Y[np.arange(n), np.maximum(last_col, 0)], np.nan)

    # --- averages for rates/changes over [start, horizon]
    win = observed & (yrs[None, :] >= start[:, None])
    cnt = win.sum(1)
    Yw = np.where(win, Y, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        logs = np.where(win, np.log1p(np.where(win, Y, 0.0) / 100.0), 0.0)
        gmean = (np.expm1(logs.sum(1) / cnt)) * 100.0
        amean = Yw.sum(1) / cnt
    mean = np.where(geom, gmean, amean)
    value = np.where(avg, np.where(cnt > 0, mean, np.nan), latest)
    value_year = np.where(avg, np.where(cnt > 0, last_year, -1), last_year)

    # --- met / exceeded / final
    d = s * (value - thr)
    met = np.where(strict, d > _EPS * np.maximum(1, np.abs(thr)), d >= -_EPS * np.maximum(1, np.abs(thr)))
    exceeded = met & (s * (value - top) > EXCEED_MARGIN * np.abs(top))
    final = value_year == T                    # the target year's figure is in
    if n:
        full_window = avg & (cnt >= (T - start + 1))
        final = np.where(avg, final & full_window, final)

    # --- progress
    with np.errstate(invalid="ignore", divide="ignore"):
        span_obs = (last_year - base_year).astype(float)
        span_req = (T - base_year).astype(float)
        positive = (base_val > 0) & (latest > 0) & (thr > 0)
        obs_c = (latest / base_val) ** (1 / span_obs) - 1
        req_c = (thr / base_val) ** (1 / span_req) - 1
        obs_l = (latest - base_val) / span_obs
        req_l = (thr - base_val) / span_req
        obs_rate = np.where(positive, obs_c * 100, obs_l)
        req_rate = np.where(positive, req_c * 100, req_l)
        # averaged natures: the average still needed over the remaining years
        total_years = (T - start + 1).astype(float)
        left = total_years - cnt
        need_geom = (np.exp((total_years * np.log1p(thr / 100) - logs.sum(1)) / left) - 1) * 100
        need_arith = (thr * total_years - Yw.sum(1)) / left
        req_rate = np.where(avg, np.where(geom, need_geom, need_arith), req_rate)
        obs_rate = np.where(avg, mean, obs_rate)
        ratio = (s * obs_rate) / (s * req_rate)
    can_progress = np.where(avg, (cnt > 0) & (left > 0),
                            (base_year >= 0) & (last_year > base_year) & (span_req > 0))
    wrong_way = s * req_rate <= 0          # the base already met it, but the latest does not
    prog = np.where(ratio >= ON_TRACK_RATIO, _CODE["on_track"],
                    np.where(ratio >= AT_RISK_RATIO, _CODE["at_risk"], _CODE["off_track"]))
    prog = np.where(wrong_way & ~avg, _CODE["off_track"], prog)
    prog = np.where(avg & wrong_way, _CODE["on_track"], prog)   # nothing more needed on average

    status = np.full(n, _CODE["no_data"])
    status = np.where(can_progress, prog, status)
    status = np.where(final & ~met & ~np.isnan(value), _CODE["missed"], status)
    achieved = met & (final | ~avg)
    status = np.where(achieved, np.where(exceeded, _CODE["exceeded"], _CODE["met"]), status)
    status = np.where(avg & met & ~final & (cnt > 0), _CODE["on_track"], status)
    status = np.where(np.isnan(value) | (mult & np.isnan(thr)), _CODE["no_data"], status)
    ratio = np.where(can_progress, ratio, np.nan)
    return Evaluation(status.astype(int), value, value_year, thr,
                      np.where(can_progress | avg, obs_rate, np.nan),
                      np.where(can_progress, req_rate, np.nan), ratio)


def target_status(spec: TargetSpec, series: Mapping[int, float], *, as_of: date | int) -> StatusResult:
    """Status of one target given its indicator's yearly figures (`{year: value}`).

    Poverty rate (lower is better) "dưới 3% vào năm 2030", from 5% in 2020 to 4% in 2024:
    required change −4.98 %/year (compound), observed −5.43 %/year → on track.

    >>> spec = TargetSpec("lt", 3.0, year=2030, direction="lower", base_year=2020)
    >>> r = target_status(spec, {2020: 5.0, 2024: 4.0}, as_of=2025)
    >>> r.status, round(r.required_rate, 2), round(r.observed_rate, 2)
    ('on_track', -4.98, -5.43)
    """
    as_of_year = as_of if isinstance(as_of, int) else as_of.year
    years = sorted(y for y in series if y <= as_of_year) or [spec.year]
    values = np.array([[series.get(y, np.nan) for y in years]], dtype=float)
    res = evaluate([spec], years, values, as_of_year).result(0)
    res.note = explain(res, spec.year)
    return res


def explain(res: StatusResult, target_year: int | None) -> str:
    """One Vietnamese sentence on why the status is what it is."""
    from ..text import format_number as fmt
    r = lambda x: fmt(round(x, 2)) if x is not None else "—"  # noqa: E731
    if res.status == "no_data":
        return "Chưa đủ số liệu để đánh giá."
    head = f"Số liệu năm {res.year}: {r(res.value)} (mục tiêu {r(res.goal)} năm {target_year})."
    if res.status in ("on_track", "at_risk", "off_track") and res.required_rate is not None:
        # compound growth (in %) whenever the figures are positive, else units a year
        per = "%/năm" if (res.value or 0) > 0 and (res.goal or 0) > 0 else "/năm"
        return head + f" Tiến độ bình quân {r(res.observed_rate)}{per}, cần {r(res.required_rate)}{per}."
    return head


_BASE_YEAR = re.compile(r"so\s+v[ớo]i\s+(?:năm\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
_PERIOD = re.compile(r"\s*(\d{4})\s*-\s*(\d{4})\s*")


def _period(period: str | None) -> tuple[int | None, int | None]:
    """`"2021-2030"` → (2021, 2030).

    >>> _period("2021-2030"), _period(None)
    ((2021, 2030), (None, None))
    """
    m = _PERIOD.fullmatch(period or "")
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def spec_for(*, comparator: str, value: float | None, value_max: float | None, unit: str | None,
             year: int | None, period: str | None, base_year: int | None,
             indicator, catalogue, text: str = "") -> tuple[TargetSpec | None, str]:  # noqa: ANN001
    """A stored target (library columns) as a `TargetSpec` in its indicator's unit.

    Returns (spec, "") or (None, why it cannot be judged). `indicator` is a
    `catalogue.Indicator`, `catalogue` the `Catalogue` whose unit families convert.

    >>> from nghiquyet.track.catalogue import load_catalogue
    >>> cat = load_catalogue()
    >>> spec, _ = spec_for(comparator="range", value=2.5, value_max=3, unit="lần", year=2030,
    ...     period=None, base_year=2020, indicator=cat.get("GRDP"), catalogue=cat)
    >>> spec.multiple, spec.base_year
    (True, 2020)
    >>> spec, _ = spec_for(comparator="gt", value=2500, value_max=None, unit="triệu USD", year=2025,
    ...     period=None, base_year=None, indicator=cat.get("EXPORT_TURNOVER"), catalogue=cat)
    >>> spec.value
    2.5
    """
    p_start, p_end = _period(period)
    u = (unit or "").strip().lower()
    if base_year is None and u in ("lần", "%"):   # "tăng 3 lần so với năm 2020", base_year left empty
        m = _BASE_YEAR.search(text or "")
        base_year = int(m.group(1)) if m else None
    year = year or p_end
    if value is None:
        return None, "chỉ tiêu không có giá trị số"
    if not year:
        return None, "chỉ tiêu không có năm"
    if comparator not in ("eq", "gt", "gte", "lt", "lte", "approx", "range"):
        comparator = "eq"
    ind_unit = (indicator.unit or "").strip().lower()
    base = base_year or (p_start - 1 if p_start else None)
    multiple = False
    if u == "lần" and ind_unit != "lần":
        multiple = True
    elif u == "%" and not ind_unit.startswith("%") and base_year:
        multiple, value = True, 1 + value / 100
        value_max = None if value_max is None else 1 + value_max / 100
    if multiple:
        if base is None:
            return None, "chỉ tiêu gấp nhiều lần nhưng không rõ năm gốc"
    else:
        conv = catalogue.convert(value, unit, indicator.unit)
        if conv is None:
            return None, f"đơn vị {unit!r} không đổi được sang {indicator.unit!r}"
        conv_max = None if value_max is None else catalogue.convert(value_max, unit, indicator.unit)
        value, value_max = conv, conv_max
    nature = indicator.nature
    start = p_start if nature in ("rate", "change") else None
    return TargetSpec(comparator=comparator, value=float(value),
                      value_max=None if value_max is None else float(value_max), year=int(year),
                      direction=indicator.direction, nature=nature, start_year=start,
                      base_year=base, multiple=multiple), ""
