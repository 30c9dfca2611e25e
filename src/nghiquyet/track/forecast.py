"""Forecast an indicator to its target year, and the yearly change the target needs.

Two projections from the observed yearly series:

- linear: least-squares straight line through the figures (units per year);
- compound: least-squares line through the logarithms (a constant growth rate, % per year),
  only when every figure is positive.

Beside them, the change still required from the latest figure to the goal, in both forms, so a
report can say "bình quân cần tăng 1,2 điểm %/năm, thực tế 0,8".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np


@dataclass(frozen=True)
class Forecast:
    target_year: int
    last_year: int | None
    last_value: float | None
    linear: float | None              # projected value at target_year, straight line
    compound: float | None            # projected value at target_year, constant growth
    observed_change: float | None     # fitted units per year
    observed_growth: float | None     # fitted % per year
    required_change: float | None     # units per year from the latest figure to the goal
    required_growth: float | None     # % per year from the latest figure to the goal

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def forecast(series: Mapping[int, float], target_year: int, goal: float | None = None) -> Forecast:
    """Project `series` ({year: value}) to `target_year`; compare with `goal` if given.

    GRDP per capita 60 → 66 → 72.6 (10 %/year) projected to 2030 from 2022:

    >>> f = forecast({2020: 60.0, 2021: 66.0, 2022: 72.6}, 2030, goal=170.0)
    >>> round(f.compound, 1), round(f.observed_growth, 1), round(f.required_growth, 2)
    (155.6, 10.0, 11.22)
    >>> round(f.linear, 1), round(f.observed_change, 1)
    (122.9, 6.3)
    >>> forecast({}, 2030).linear is None
    True
    """
    pts = sorted((int(y), float(v)) for y, v in series.items() if v is not None and not np.isnan(v))
    if not pts:
        return Forecast(target_year, None, None, None, None, None, None, None, None)
    years = np.array([p[0] for p in pts], dtype=float)
    vals = np.array([p[1] for p in pts], dtype=float)
    last_year, last_value = int(years[-1]), float(vals[-1])
    linear = compound = slope = growth = None
    if len(pts) >= 2:
        b, a = np.polyfit(years, vals, 1)
        slope, linear = float(b), float(a + b * target_year)
        if (vals > 0).all():
            lb, la = np.polyfit(years, np.log(vals), 1)
            growth = float(np.expm1(lb) * 100)
            compound = float(np.exp(la + lb * target_year))
    req_change = req_growth = None
    left = target_year - last_year
    if goal is not None and left > 0:
        req_change = (goal - last_value) / left
        if goal > 0 and last_value > 0:
            req_growth = ((goal / last_value) ** (1 / left) - 1) * 100
    return Forecast(target_year, last_year, last_value, linear, compound, slope, growth,
                    req_change, req_growth)
