"""Status rules, each with a case worked out by hand (figures in the comments)."""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from nghiquyet.track.catalogue import load_catalogue
from nghiquyet.track.status import (AT_RISK_RATIO, ON_TRACK_RATIO, TargetSpec, evaluate, spec_for,
                                    target_status)

S = TargetSpec


def status(spec, series, as_of):
    return target_status(spec, series, as_of=as_of).status


# ---------------------------------------------------------------- meeting the figure

@pytest.mark.parametrize("spec, series, expected", [
    # "đạt 80%" (eq, higher is better): exactly 80 is met, above by > 2 % is exceeded
    (S("eq", 80, year=2025), {2025: 80.0}, "met"),
    (S("eq", 80, year=2025), {2025: 82.0}, "exceeded"),        # 82 > 80 × 1.02 = 81.6
    (S("eq", 80, year=2025), {2025: 79.9}, "missed"),
    # "trên 9" (gt) is strict: 9 itself misses
    (S("gt", 9, year=2025), {2025: 9.0}, "missed"),
    (S("gte", 9, year=2025), {2025: 9.0}, "met"),
    # poverty rate "dưới 3%" (lt): 2,95 meets; 2,9 is 0,1 below, more than 2 % of 3 (0,06): exceeded
    (S("lt", 3, year=2025, direction="lower"), {2025: 2.95}, "met"),
    (S("lt", 3, year=2025, direction="lower"), {2025: 2.9}, "exceeded"),
    (S("lt", 3, year=2025, direction="lower"), {2025: 3.0}, "missed"),
    # "đạt 3%" of a lower-is-better rate (eq): reaching 3 from above is met
    (S("eq", 3, year=2025, direction="lower"), {2025: 3.0}, "met"),
    (S("eq", 3, year=2025, direction="lower"), {2025: 3.2}, "missed"),
    # ranges, higher is better ("40-45%"): from 40 met, beyond 45 × 1.02 = 45.9 exceeded
    (S("range", 40, 45, year=2030), {2030: 40.0}, "met"),
    (S("range", 40, 45, year=2030), {2030: 46.0}, "exceeded"),
    (S("range", 40, 45, year=2030), {2030: 39.0}, "missed"),
    # ranges, lower is better ("3-4%"): met up to 4, exceeded below 3 × 0.98 = 2.94
    (S("range", 3, 4, year=2025, direction="lower"), {2025: 4.0}, "met"),
    (S("range", 3, 4, year=2025, direction="lower"), {2025: 2.5}, "exceeded"),
    (S("range", 3, 4, year=2025, direction="lower"), {2025: 4.5}, "missed"),
    # "khoảng 80%" (approx) is met within 2 %: 78,4 and above
    (S("approx", 80, year=2025), {2025: 78.5}, "met"),
    (S("approx", 80, year=2025), {2025: 78.0}, "missed"),
    # a rank "trong nhóm 20" (lte), lower is better
    (S("lte", 20, year=2030, direction="lower"), {2030: 20.0}, "met"),
    (S("lte", 20, year=2030, direction="lower"), {2030: 18.0}, "exceeded"),   # 18 < 20 × 0,98
    (S("lte", 20, year=2030, direction="lower"), {2030: 23.0}, "missed"),
])
def test_target_year_figure(spec, series, expected):
    assert status(spec, series, spec.year + 1) == expected


def test_met_before_the_target_year_counts_as_met():
    assert status(S("gte", 95, year=2030), {2022: 90.0, 2024: 96.0}, 2025) == "met"


def test_past_the_target_year_without_its_figure_is_judged_on_progress_not_missed():
    # target year 2025 figure not in yet; 2024 short of 95 but growing fast enough
    r = target_status(S("gte", 95, year=2025), {2020: 80.0, 2024: 92.0}, as_of=2026)
    assert r.status == "on_track"


def test_figures_after_the_date_are_ignored():
    spec = S("gte", 95, year=2030)
    assert status(spec, {2020: 80.0, 2024: 96.0}, 2023) == "no_data"   # only 2020 is known in 2023


# ---------------------------------------------------------------- progress (Open SDG)

@pytest.mark.parametrize("latest, expected, ratio", [
    # base 100 (2020) → goal 200 (2030): required CAGR 2^(1/10) − 1 = 7,177 %/year
    (132.0, "on_track", 1.002),    # 1,32^(1/4) − 1 = 7,187 %
    (120.0, "at_risk", 0.650),     # 1,20^(1/4) − 1 = 4,664 %
    (105.0, "off_track", 0.171),   # 1,05^(1/4) − 1 = 1,227 %
    (95.0, "off_track", -0.177),   # falling
])
def test_progress_ratio_of_compound_growth(latest, expected, ratio):
    r = target_status(S("gte", 200, year=2030, base_year=2020), {2020: 100.0, 2024: latest}, as_of=2025)
    assert r.status == expected
    assert r.required_rate == pytest.approx(7.177, abs=1e-3)
    assert r.ratio == pytest.approx(ratio, abs=1e-3)


def test_thresholds_are_the_open_sdg_ones():
    assert (ON_TRACK_RATIO, AT_RISK_RATIO) == (0.95, 0.5)


@pytest.mark.parametrize("latest, expected", [
    # poverty 5 % (2020) → under 2 % (2030): required CAGR 0,4^(1/10) − 1 = −8,760 %
    (3.4, "on_track"),    # 0,68^(1/4) − 1 = −9,19 %: ratio 1,05
    (3.6, "at_risk"),     # 0,72^(1/4) − 1 = −7,88 %: ratio 0,90
    (4.9, "off_track"),   # 0,98^(1/4) − 1 = −0,50 %: ratio 0,06
    (5.5, "off_track"),   # rising
])
def test_progress_lower_is_better(latest, expected):
    spec = S("lt", 2, year=2030, direction="lower", base_year=2020)
    assert status(spec, {2020: 5.0, 2024: latest}, 2025) == expected


def test_progress_when_the_base_already_met_the_goal_but_the_latest_does_not():
    assert status(S("gte", 80, year=2030, base_year=2020), {2020: 82.0, 2024: 78.0}, 2025) == "off_track"


def test_linear_progress_when_values_are_not_positive():
    # net migration −2 (2020) → 0 (2030): required +0,2 a year; observed (−1 − −2)/4 = 0,25
    r = target_status(S("gte", 0, year=2030, base_year=2020), {2020: -2.0, 2024: -1.0}, as_of=2025)
    assert (r.status, r.required_rate, r.observed_rate) == ("on_track", 0.2, 0.25)


def test_one_figure_without_a_base_is_not_enough():
    assert status(S("gte", 80, year=2030), {2024: 70.0}, 2025) == "no_data"
    assert status(S("gte", 80, year=2030), {}, 2025) == "no_data"


# ---------------------------------------------------------------- cumulative multiples

@pytest.mark.parametrize("series, as_of, expected", [
    # GRDP "tăng 2,5-3 lần so với năm 2020": base 100 → met from 250, exceeded above 306
    ({2020: 100.0, 2030: 260.0}, 2031, "met"),
    ({2020: 100.0, 2030: 310.0}, 2031, "exceeded"),
    ({2020: 100.0, 2030: 240.0}, 2031, "missed"),
    # 2024: 150 → 10,67 %/year against 2,5^(1/10) − 1 = 9,60 % required
    ({2020: 100.0, 2024: 150.0}, 2025, "on_track"),
    # no base-year figure: the multiple cannot be turned into a figure
    ({2021: 100.0, 2024: 150.0}, 2025, "no_data"),
])
def test_cumulative_multiple(series, as_of, expected):
    spec = S("range", 2.5, 3, year=2030, base_year=2020, multiple=True)
    r = target_status(spec, series, as_of=as_of)
    assert r.status == expected
    if expected != "no_data":
        assert r.goal == pytest.approx(250.0)


# ---------------------------------------------------------------- yearly rates and changes

def test_average_growth_is_compound_and_final_when_the_period_is_complete():
    # 2021-2025 "bình quân trên 7%/năm": 6, 8, 9, 7, 8 → (1,06·1,08·1,09·1,07·1,08)^(1/5) − 1 = 7,596 %
    spec = S("gt", 7, year=2025, nature="rate", start_year=2021)
    r = target_status(spec, {2021: 6.0, 2022: 8.0, 2023: 9.0, 2024: 7.0, 2025: 8.0}, as_of=2026)
    assert r.value == pytest.approx(7.596, abs=1e-3)
    assert r.status == "exceeded"          # 7,596 > 7 × 1,02
    r = target_status(spec, {2021: 6.0, 2022: 6.0, 2023: 7.0, 2024: 7.0, 2025: 7.0}, as_of=2026)
    assert r.status == "missed"


def test_average_growth_midway_needs_the_remaining_average():
    # "trên 9%/năm" 2021-2030 with 5, 6, 5, 6 so far: the last six years need
    # (1,09^10 / (1,05·1,06·1,05·1,06))^(1/6) − 1 = 11,40 %; observed 5,50 %: ratio 0,48 → off track
    spec = S("gt", 9, year=2030, nature="rate", start_year=2021)
    r = target_status(spec, {2021: 5.0, 2022: 6.0, 2023: 5.0, 2024: 6.0}, as_of=2025)
    assert r.required_rate == pytest.approx(11.398, abs=1e-3)
    assert (r.status, round(r.ratio, 2)) == ("off_track", 0.48)
    r = target_status(spec, {2021: 8.0, 2022: 10.0, 2023: 9.5, 2024: 9.2}, as_of=2025)
    assert r.status == "on_track"          # 9,17 % so far already above 9


def test_single_year_rate_is_judged_on_that_year_only():
    spec = S("gt", 7, year=2025, nature="rate")
    assert status(spec, {2024: 7.3}, 2025) == "no_data"
    assert status(spec, {2024: 7.3, 2025: 6.5}, 2026) == "missed"


def test_yearly_change_is_an_arithmetic_mean():
    # "giảm tỷ lệ hộ nghèo 0,6-1 điểm %/năm" 2021-2025
    spec = S("range", 0.6, 1.0, year=2025, nature="change", start_year=2021)
    r = target_status(spec, {2021: 0.7, 2022: 0.8, 2023: 0.5}, as_of=2024)
    assert r.value == pytest.approx(2.0 / 3)
    assert r.required_rate == pytest.approx(0.5)        # (0,6 × 5 − 2,0) / 2 years left
    assert r.status == "on_track"
    r = target_status(spec, {2021: 0.7, 2022: 0.8, 2023: 0.5, 2024: 0.4, 2025: 0.5}, as_of=2026)
    assert (r.status, round(r.value, 2)) == ("missed", 0.58)


# ---------------------------------------------------------------- from stored targets to specs

CAT = load_catalogue()


def test_spec_converts_units_and_reads_multiples():
    spec, why = spec_for(comparator="gt", value=2500, value_max=None, unit="triệu USD", year=2025,
                         period=None, base_year=None, indicator=CAT.get("EXPORT_TURNOVER"), catalogue=CAT)
    assert (spec.value, why) == (2.5, "")
    spec, _ = spec_for(comparator="eq", value=50, value_max=None, unit="%", year=2030, period=None,
                       base_year=2020, indicator=CAT.get("GRDP"), catalogue=CAT)
    assert spec.multiple and spec.value == 1.5          # "tăng 50% so với năm 2020"
    spec, _ = spec_for(comparator="approx", value=3, value_max=None, unit="lần", year=2030, period=None,
                       base_year=None, indicator=CAT.get("GRDP"), catalogue=CAT,
                       text="GRDP năm 2030 tăng khoảng 3 lần so với năm 2020")
    assert (spec.multiple, spec.base_year) == (True, 2020)
    spec, _ = spec_for(comparator="gt", value=9, value_max=None, unit="%/năm", year=None,
                       period="2021-2030", base_year=None, indicator=CAT.get("GRDP_GROWTH"), catalogue=CAT)
    assert (spec.year, spec.start_year, spec.nature) == (2030, 2021, "rate")


@pytest.mark.parametrize("kwargs, reason", [
    (dict(value=None, unit="%", year=2025), "giá trị"),
    (dict(value=5.0, unit="%", year=None), "năm"),
    (dict(value=5.0, unit="tỷ đồng", year=2025), "đơn vị"),
    (dict(value=3.0, unit="lần", year=2025), "năm gốc"),
])
def test_spec_refuses_what_cannot_be_judged(kwargs, reason):
    spec, why = spec_for(comparator="eq", value_max=None, period=None, base_year=None,
                         indicator=CAT.get("FOREST_COVER" if kwargs["unit"] != "lần" else "GRDP"),
                         catalogue=CAT, **kwargs)
    assert spec is None and reason in why


# ---------------------------------------------------------------- vectorised = one by one

comparators = st.sampled_from(["eq", "gt", "gte", "lt", "lte", "approx", "range"])
values = st.floats(min_value=-50, max_value=500, allow_nan=False).map(lambda v: round(v, 1))


@st.composite
def cases(draw):
    comp = draw(comparators)
    v = draw(st.floats(min_value=0.5, max_value=300).map(lambda v: round(v, 1)))
    spec = S(comp, v, v * 1.2 if comp == "range" else None, year=draw(st.integers(2024, 2030)),
             direction=draw(st.sampled_from(["higher", "lower"])),
             nature=draw(st.sampled_from(["level", "share", "rate", "change"])),
             start_year=draw(st.sampled_from([None, 2021])), base_year=draw(st.sampled_from([None, 2020])),
             multiple=False)
    series = draw(st.dictionaries(st.integers(2019, 2030), values, max_size=8))
    return spec, series


@settings(max_examples=60, deadline=None)
@given(st.lists(cases(), min_size=1, max_size=6), st.integers(2022, 2031))
def test_vectorised_evaluation_agrees_with_one_at_a_time(batch, as_of):
    years = list(range(2019, 2031))
    Y = np.array([[s.get(y, np.nan) if y <= as_of else np.nan for y in years] for _, s in batch])
    ev = evaluate([spec for spec, _ in batch], years, Y, as_of)
    for i, (spec, series) in enumerate(batch):
        one = target_status(spec, series, as_of=as_of)
        assert ev.names()[i] == one.status, (spec, series)
        if one.value is not None:
            assert math.isclose(ev.value[i], one.value, rel_tol=1e-9, abs_tol=1e-9)
