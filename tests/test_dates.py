"""Official date formats (extract/dates.py): every grain, and what is not a date."""
from __future__ import annotations

import pytest

from nghiquyet.extract.dates import find_dates, find_yearless, month_end, parse_date


@pytest.mark.parametrize("text, iso, grain", [
    ("ngày 23 tháng 12 năm 2021", "2021-12-23", "day"),
    ("Ngày 1 tháng 7 năm 2025", "2025-07-01", "day"),
    ("ngày 03/11/2022", "2022-11-03", "day"),
    ("05/5/2023", "2023-05-05", "day"),
    ("30-01-2022", "2022-01-30", "day"),
    ("15.6.2025", "2025-06-15", "day"),
    ("trong tháng 02/2022", "2022-02-28", "month"),
    ("tháng 6 năm 2025", "2025-06-30", "month"),
    ("tháng 12-2024", "2024-12-31", "month"),
    ("Quý I năm 2022", "2022-03-31", "quarter"),
    ("quý IV/2024", "2024-12-31", "quarter"),
    ("quý 2 năm 2025", "2025-06-30", "quarter"),
    ("Quý III-2024", "2024-09-30", "quarter"),
    ("6 tháng đầu năm 2025", "2025-06-30", "half"),
    ("6 tháng cuối năm 2024", "2024-12-31", "half"),
    ("năm 2030", "2030-12-31", "year"),
])
def test_each_format_gives_its_last_day(text, iso, grain):
    found = find_dates(text)
    assert [(d.iso, d.grain) for d in found] == [(iso, grain)]
    assert text[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize("text", [
    "giai đoạn 2021-2030",          # a period, not a date
    "26/28 chỉ tiêu",               # a ratio
    "45.799/36.875 tỷ đồng",        # achieved/planned
    "ngày 31/02/2024",              # no such day
    "tháng 13/2024",                # no such month
    "định kỳ trước ngày 15/12 hằng năm",   # no year: recurring
    "Quyết định số 892/QĐ-TTg",
])
def test_not_dates(text):
    assert find_dates(text) == []


def test_several_dates_in_order_and_no_overlap():
    text = "Hoàn thành trong Quý I năm 2022, báo cáo trước ngày 20/01/2022 và trong tháng 02/2022."
    assert [d.iso for d in find_dates(text)] == ["2022-03-31", "2022-01-20", "2022-02-28"]


def test_leap_years():
    assert month_end(2, 2024) == "2024-02-29"
    assert month_end(2, 2100) == "2100-02-28"


def test_parse_date_with_place_prefix():
    assert parse_date("Quảng Trị, ngày 05/3/2024") == "2024-03-05"
    assert parse_date("Hà Tĩnh, ngày 23 tháng 12 năm 2021") == "2021-12-23"
    assert parse_date("không có ngày tháng") is None


def test_a_dotted_capital_i_is_no_quarter_and_no_crash():
    # `re` matches "İ" to the "I" of the pattern (case-insensitive), but "İ".lower() is "i̇",
    # which names no quarter: found by a fuzz of the date rules, it raised KeyError.
    assert find_dates("Hoàn thành trước Quý İ năm 2022") == []
    assert find_dates("Quý İ năm 2022; quý I năm 2023")[0].iso == "2023-03-31"
    assert [d.iso for d in find_yearless("Quý İ; Quý II", 2024)] == ["2024-06-30"]
