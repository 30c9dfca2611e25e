"""Quantities: numbers as Vietnamese writes them, with a unit, and nothing from years or symbols."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from nghiquyet.extract.numbers import find_quantities


@pytest.mark.parametrize("text, expected", [
    ("đạt 17.900 tỷ đồng", [(17900.0, None, "tỷ đồng")]),
    ("ước đạt 7,3%", [(7.3, None, "%")]),
    ("tăng khoảng 2,5-3 lần", [(2.5, 3.0, "lần")]),
    ("giảm 0,6-1%/năm", [(0.6, 1.0, "%/năm")]),
    ("đạt 8 - 10%", [(8.0, 10.0, "%")]),
    ("900 - 1.000 tỷ đồng/năm", [(900.0, 1000.0, "tỷ đồng/năm")]),
    ("từ 5 đến 7%", [(5.0, 7.0, "%")]),
    ("40% - 45%", [(40.0, 45.0, "%")]),
    ("2,5 tỷ đô la Mỹ", [(2.5, None, "tỷ USD")]),
    ("12 bác sĩ/1 vạn dân", [(12.0, None, "bác sĩ/vạn dân")]),
    ("32 giường bệnh/vạn dân", [(32.0, None, "giường bệnh/vạn dân")]),
    ("170 triệu đồng/người/năm", [(170.0, None, "triệu đồng/người/năm")]),
    ("1.200 doanh nghiệp", [(1200.0, None, "doanh nghiệp")]),
    ("8 triệu lượt khách", [(8.0, None, "triệu lượt khách")]),
])
def test_number_forms(text, expected):
    assert [(q.value, q.value_max, q.unit) for q in find_quantities(text)] == expected


def test_achieved_over_planned_keeps_both():
    (q,) = find_quantities("Thu ngân sách đạt 45.799/36.875 tỷ đồng")
    assert (q.value, q.planned, q.unit) == (45799.0, 36875.0, "tỷ đồng")


@pytest.mark.parametrize("text", [
    "Nghị quyết số 26-NQ/TW, ngày 03/11/2022",
    "Quyết định số 1946/QĐ-TTg ngày 21/10/2010",
    "nhiệm kỳ 2020 - 2025, giai đoạn 2021-2030",
    "Đề án 06 có nhiều cách làm sáng tạo",
    "cách mạng công nghiệp lần thứ 4",
    "đường điện 500kV mạch 3",
    "(28) trên",
    "Hà Tĩnh, ngày 23 tháng 12 năm 2021",
    "Điều 5 khoản 2; 2.1. Đối với cấp tỉnh",
])
def test_years_dates_symbols_names_are_not_quantities(text):
    assert find_quantities(text) == []


_JUNK_PIECES = st.sampled_from([
    "năm 2024", "2021 - 2025", "ngày 03/11/2022", "26-NQ/TW", "1283/NQ-UBTVQH15", "Đề án 06",
    "lần thứ XIX", "500kV", "(12)", "2.1.", "Số 62 -KH/TU", "tháng 02/2022", "Quý I năm 2022",
    "Nghị quyết", "của", " ", "\n", ";", ",", ".", "-", "thứ 4", "khóa 12",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_JUNK_PIECES, max_size=30))
def test_junk_made_of_years_dates_and_symbols_gives_no_quantity(pieces):
    assert find_quantities(" ".join(pieces)) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_raises(text):
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text)
