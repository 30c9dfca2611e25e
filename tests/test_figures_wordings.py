"""Figures in wordings met in plans written after the first test documents: a goal dated by a
day, a month or a quarter instead of a year; a list of cuts sharing one verb and one bound;
rates per thousand written "‰" or with words between the count and "/1.000 dân". Each test
is a small document in that style."""
from __future__ import annotations

from nghiquyet.extract import extract_text

_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nSố: 88/KH-UBND\n\nKon Tum, ngày 12 tháng 01 năm 2026\n\n"
         "KẾ HOẠCH\nThực hiện chuyển đổi số năm 2026\n\nI. CHỈ TIÊU\n\n")


def _goals(body: str):
    return extract_text(_PLAN + body + "\n").targets


def test_a_day_a_month_or_a_quarter_dates_a_goal_and_stays_out_of_its_name():
    figs = _goals("1. Đến ngày 30/6/2027, 100% hồ sơ thủ tục hành chính được số hóa; đến 31/12/2027 "
                  "tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.\n"
                  "2. Đến hết quý III/2028, kinh tế số chiếm 15% GRDP.\n"
                  "3. Phấn đấu đến tháng 6 năm 2029 có 70% doanh nghiệp sử dụng hóa đơn điện tử.")
    assert [(f.indicator, f.value, f.year) for f in figs] == [
        ("tỷ lệ hồ sơ thủ tục hành chính được số hóa", 100, 2027),
        ("tỷ lệ hồ sơ trực tuyến toàn trình", 80, 2027),
        ("tỷ trọng kinh tế số trong GRDP", 15, 2028),
        ("tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử", 70, 2029)]


def test_a_count_as_of_a_date_takes_the_dates_year():
    f, = _goals("Tính đến 31/12/2027 có 5.000 hộ sử dụng điện mặt trời mái nhà.")
    assert (f.indicator, f.value, f.year) == ("số hộ sử dụng điện mặt trời mái nhà", 5000, 2027)


def test_a_bare_item_after_a_change_shares_its_verb_and_its_bound():
    cut_time, cut_cost, level = _goals(
        "Cắt giảm ít nhất 25% thời gian giải quyết thủ tục đất đai, 20% chi phí đi lại của người "
        "dân; tỷ lệ hồ sơ trễ hạn dưới 2%.")
    assert [(f.indicator, f.comparator, f.value) for f in (cut_time, cut_cost)] == [
        ("mức cắt giảm thời gian giải quyết thủ tục đất đai", "gte", 25),
        ("mức cắt giảm chi phí đi lại của người dân", "gte", 20)]
    # after ";" a new item starts: it shares nothing
    assert (level.indicator, level.comparator, level.value) == ("tỷ lệ hồ sơ trễ hạn", "lt", 2)


def test_an_item_with_its_own_verb_keeps_it():
    cut, rate = _goals("Giảm ít nhất 10% số vụ tai nạn giao thông, đạt 95% số xã có đường ô tô đến trung tâm.")
    assert (cut.indicator, cut.comparator) == ("mức giảm số vụ tai nạn giao thông", "gte")
    assert (rate.indicator, rate.comparator) == ("tỷ lệ số xã có đường ô tô đến trung tâm", "eq")


def test_a_goal_set_out_after_with_the_aim_of_is_named_from_there():
    f, = extract_text(_PLAN.replace("I. CHỈ TIÊU\n\n", "") + "Thực hiện Kết luận số 123-KL/TW ngày "
                      "24/01/2025 của Ban Chấp hành Trung ương về Đề án bổ sung phát triển kinh tế - xã "
                      "hội năm 2025 với mục tiêu tăng trưởng đạt 8% trở lên, Ủy ban nhân dân tỉnh ban "
                      "hành Kế hoạch như sau:\n").targets
    assert (f.indicator, f.comparator, f.value, f.year) == ("tăng trưởng", "gte", 8, 2025)


def test_a_rate_per_thousand_written_with_the_per_mille_sign():
    birth, death = _goals("Tỷ suất sinh thô giảm còn 14,5‰; tỷ suất chết của trẻ em dưới 1 tuổi dưới 10 ‰.")
    assert [(f.indicator, f.comparator, f.value, f.unit) for f in (birth, death)] == [
        ("tỷ suất sinh thô", "eq", 14.5, "‰"),
        ("tỷ suất chết của trẻ em dưới 1 tuổi", "lt", 10, "‰")]


def test_a_rate_per_thousand_people_with_words_between_count_and_rate():
    density, count, rate = _goals(
        "Mật độ doanh nghiệp đạt 9 doanh nghiệp đang hoạt động/1.000 dân. Đến năm 2030 có 12.000 "
        "doanh nghiệp, tương đương 11 doanh nghiệp hoạt động/1.000 dân.")
    assert (density.indicator, density.unit) == ("mật độ doanh nghiệp", "doanh nghiệp đang hoạt động/1.000 dân")
    assert (count.value, count.unit) == (12000, "doanh nghiệp")
    assert (rate.indicator, rate.value, rate.unit) == (
        "số doanh nghiệp hoạt động/1.000 dân", 11, "doanh nghiệp hoạt động/1.000 dân")
