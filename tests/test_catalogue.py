"""The indicator catalogue: the data file's entries, and matching figures to them."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from nghiquyet.track.catalogue import (DIRECTIONS, NATURES, CatalogueError, core_key, key,
                                       load_catalogue, parse_catalogue)

CAT = load_catalogue()


def test_at_least_sixty_indicators_with_every_field():
    assert len(CAT) >= 60
    for ind in CAT:
        assert ind.code.isupper() and ind.name and ind.unit, ind
        assert ind.direction in DIRECTIONS and ind.nature in NATURES, ind
        assert ind.aliases, f"{ind.code} has no alias"


def test_change_indicators_name_the_indicator_they_change():
    for ind in CAT:
        if ind.of is not None:
            assert ind.nature == "change" and CAT.get(ind.of) is not None


def test_every_alias_matches_its_own_indicator():
    """An alias that matches another indicator first is ambiguous data, not a matching bug."""
    for ind in CAT:
        for alias in (ind.name, *ind.aliases):
            m = CAT.match(alias, ind.unit)
            assert m is not None and m.code == ind.code, (alias, ind.code, m)


def test_no_alias_was_split_by_yaml_commas():
    """A flow list `[a, b]` splits "nông, lâm nghiệp" in two: every alias must be a whole phrase."""
    for ind in CAT:
        for alias in ind.aliases:
            assert len(alias.split()) >= 2 or alias.isupper() or alias.upper() == alias, (ind.code, alias)


def test_unit_families_convert():
    assert CAT.convert(2500, "triệu USD", "tỷ USD") == 2.5
    assert CAT.convert(17.9, "nghìn tỷ đồng", "tỷ đồng") == pytest.approx(17900)
    assert CAT.convert(5, "%", "%/năm") == 5
    assert CAT.convert(5, "tỷ đồng", "%") is None
    assert CAT.convert(5, None, "%") == 5      # a unit left out is the indicator's


@pytest.mark.parametrize("text, unit, code", [
    # phrasing from plans of other provinces and districts (not in the catalogue verbatim)
    ("Tốc độ tăng trưởng kinh tế (GRDP) bình quân", "%/năm", "GRDP_GROWTH"),
    ("Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2021-2025", "%", "POVERTY_RATE"),
    ("Thu nhập bình quân đầu người đến năm 2025", "triệu đồng", "INCOME_PER_CAPITA"),
    ("Tỷ lệ dân số tham gia BHYT", "%", None),     # abbreviation not in the catalogue: proposed
    ("Tổng vốn đầu tư toàn xã hội giai đoạn 2021-2025", "nghìn tỷ đồng", "SOCIAL_INVESTMENT"),
    ("Số bác sỹ/vạn dân", "bác sĩ", "DOCTORS_PER_10K"),                # sỹ/sĩ spelling
    ("tỷ lệ che phủ rừng ổn định", "%", "FOREST_COVER"),
    ("Kim ngạch xuất khẩu năm 2030", "triệu USD", "EXPORT_TURNOVER"),
    ("GRDP năm 2030 tăng gấp 2 lần so với năm 2020", "lần", "GRDP"),
    ("Số doanh nghiệp thành lập mới hằng năm", "doanh nghiệp", "NEW_ENTERPRISES"),
    ("Tỷ lệ lao động qua đào tạo có văn bằng, chứng chỉ", "%", "CERTIFIED_LABOUR"),
    ("Mức giảm tỷ lệ hộ nghèo bình quân hằng năm", "%", "POVERTY_REDUCTION"),
])
def test_matching_other_documents_phrasing(text, unit, code):
    m = CAT.match(text, unit)
    assert (m.code if m else None) == code


def test_a_percentage_of_the_plan_is_not_the_figure_itself():
    """'thu ngân sách ... đạt 139% kế hoạch' names revenue but in %: the unit penalty rejects it."""
    assert CAT.match("thu ngân sách nhà nước so với dự toán", "%") is None
    assert CAT.match("thu ngân sách nhà nước", "tỷ đồng").code == "BUDGET_REVENUE"


def test_unmatched_figures_are_proposed():
    p = CAT.propose("Số thôn có nhà văn hóa đạt chuẩn (theo quy định)", "thôn")
    assert p.code.startswith("NEW_") and p.name.startswith("Số thôn") and "(" not in p.name
    assert p.nature == "level"
    assert CAT.propose("Tỷ lệ X", "%").nature == "share"


def test_keys_fold_accents_and_punctuation():
    assert key("Đô thị hoá") == key("do thi hoa") == key("ĐÔ THỊ HÓA")
    assert core_key("Tỷ lệ hộ nghèo năm 2025 (theo chuẩn mới)") == "ti le ho ngheo"   # tỷ/tỉ alike


@pytest.mark.parametrize("data, message", [
    ({}, "indicators"),
    ({"indicators": [{"code": "A", "name": "a", "unit": "%", "direction": "up", "nature": "level"}]},
     "direction"),
    ({"indicators": [{"code": "A", "name": "a", "unit": "%", "direction": "higher", "nature": "x"}]},
     "nature"),
    ({"indicators": [{"code": "A", "name": "", "unit": "%", "direction": "higher", "nature": "level"}]},
     "name"),
    ({"indicators": [{"code": "A", "name": "a", "unit": "%", "direction": "higher", "nature": "level"}] * 2},
     "duplicate"),
])
def test_malformed_catalogue_is_refused_with_the_entry_named(data, message):
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80), st.one_of(st.none(), st.sampled_from(["%", "tỷ đồng", "lần", "x/y"])))
def test_matching_never_fails_on_junk(text, unit):
    m = CAT.match(text, unit)
    assert m is None or (m.code in CAT.by_code and m.accepted)
