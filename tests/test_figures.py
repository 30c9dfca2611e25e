"""Figures: one small document per rule family, in the style of provincial planning documents."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from nghiquyet.extract import extract_text, vocab
from nghiquyet.extract.figures_text import has_cue, low


def _doc(body: str, heading: str = "II. MỤC TIÊU ĐẾN NĂM 2030") -> str:
    return f"KẾ HOẠCH\nthực hiện nghị quyết\n\n{heading}\n\n{body}\n"


def _targets(body: str, heading: str = "II. MỤC TIÊU ĐẾN NĂM 2030"):
    return extract_text(_doc(body, heading)).targets


def _one(body: str, heading: str = "II. MỤC TIÊU ĐẾN NĂM 2030"):
    figs = _targets(body, heading)
    assert len(figs) == 1, [f.quote for f in figs]
    return figs[0]


def test_comparators():
    cases = {
        "Tỷ lệ nợ xấu không quá 3%.": ("lte", 3),
        "Tỷ lệ nợ xấu tối đa 3%.": ("lte", 3),
        "Tỷ lệ thất nghiệp dưới 4%.": ("lt", 4),
        "Tỷ lệ che phủ rừng ít nhất 50%.": ("gte", 50),
        "Tỷ lệ che phủ rừng tối thiểu 50%.": ("gte", 50),
        "Tỷ lệ che phủ rừng từ 50% trở lên.": ("gte", 50),
        "Tỷ lệ đô thị hóa đạt trên 45%.": ("gt", 45),
        "Tỷ lệ đô thị hóa đạt khoảng 45%.": ("approx", 45),
        "Tỷ lệ đô thị hóa đạt 45%.": ("eq", 45),
        "Tỷ lệ đô thị hóa đạt khoảng 40 - 45%.": ("range", 40),
    }
    for body, (comp, value) in cases.items():
        f = _one(body)
        assert (f.comparator, f.value) == (comp, value), body


def test_level_after_a_fall_and_a_yearly_fall():
    level = _one("Tỷ lệ hộ nghèo giảm còn 2,5%.")
    assert (level.indicator, level.comparator, level.value) == ("tỷ lệ hộ nghèo", "eq", 2.5)
    fall = _one("Tỷ lệ hộ nghèo giảm 1-1,5%/năm.")
    assert fall.indicator == "mức giảm tỷ lệ hộ nghèo"
    assert (fall.value, fall.value_max, fall.unit) == (1, 1.5, "%/năm")


def test_multiples_with_a_base_year():
    f = _one("Đến năm 2030, GRDP tăng gấp 2 lần so với năm 2020.")
    assert (f.value, f.unit, f.year, f.base_year) == (2, "lần", 2030, 2020)
    assert "so với năm 2020" in f.indicator


def test_number_first_and_imperatives_name_the_rate():
    f = _one("Phấn đấu 100% số xã có trạm y tế đạt chuẩn.")
    assert f.indicator == "tỷ lệ số xã có trạm y tế đạt chuẩn"
    g = _one("- Xử lý 100% cơ sở gây ô nhiễm nghiêm trọng.", heading="III. NHIỆM VỤ, GIẢI PHÁP")
    assert g.indicator == "tỷ lệ cơ sở gây ô nhiễm nghiêm trọng được xử lý"
    assert g.year is None


def test_counts_with_a_verb():
    f = _one("Giải quyết việc làm cho trên 20.000 lao động.")
    assert (f.indicator, f.comparator, f.value, f.unit) == (
        "số lao động được giải quyết việc làm", "gt", 20000, "lao động")


def test_rates_per_ten_thousand():
    figs = _targets("Đạt 30 giường bệnh/vạn dân; 11 bác sĩ/1 vạn dân.")
    assert [(f.indicator, f.value, f.unit) for f in figs] == [
        ("số giường bệnh/vạn dân", 30, "giường bệnh/vạn dân"), ("số bác sĩ/vạn dân", 11, "bác sĩ/vạn dân")]


def test_parts_and_shares_point_to_their_whole():
    figs = _targets("Tổng thu ngân sách đạt 5.000 tỷ đồng, trong đó thu nội địa 3.000 tỷ đồng. "
                    "Đến năm 2030, GRDP đạt 100.000 tỷ đồng, trong đó công nghiệp chiếm 45%, dịch vụ chiếm 40%.")
    assert [f.parent for f in figs] == [None, 0, None, 2, 2]
    assert figs[3].indicator == "tỷ trọng công nghiệp trong GRDP"
    [share] = _targets("Kinh tế số chiếm tỷ trọng 20% GRDP của tỉnh.")
    assert (share.value, share.indicator) == (20, "tỷ trọng kinh tế số trong GRDP của tỉnh")


def test_year_from_sentence_then_heading_and_period():
    figs = _targets("Giai đoạn 2021-2025, tốc độ tăng trưởng bình quân đạt 8%/năm. Tỷ lệ đô thị hóa đạt 40%.",
                    heading="II. CHỈ TIÊU ĐẾN NĂM 2027")
    assert [(f.year, f.period) for f in figs] == [(2025, "2021-2025"), (2027, None)]


def test_an_average_takes_the_period_of_the_title_when_no_heading_states_one():
    text = ("ĐỀ ÁN\nphát triển nông nghiệp hữu cơ giai đoạn 2026 - 2030\n\nII. MỤC TIÊU\n\n"
            "b) Đến năm 2030:\n"
            "- Tốc độ tăng trưởng giá trị sản xuất nông nghiệp hữu cơ bình quân 8 - 10%/năm.\n"
            "- Diện tích đất sản xuất nông nghiệp hữu cơ chiếm trên 3% diện tích đất nông nghiệp.\n"
            "- Năm 2028, tốc độ tăng trưởng bình quân đạt 9%/năm.\n")
    figs = extract_text(text).targets
    # the average over the title's span; a level at its end and an average ending elsewhere have none
    assert [(f.value, f.year, f.period) for f in figs] == [
        (8.0, 2030, "2026-2030"), (3.0, 2030, None), (9.0, 2028, None)]


def test_a_list_opened_before_the_first_heading_ends_at_it():
    """A resolution's "... đánh giá kết quả năm 2025 và thống nhất quyết nghị:" names a past year
    and results, but its list is the resolution's body: the headings after it set the kind."""
    text = ("NGHỊ QUYẾT\nvề nhiệm vụ năm 2026\n\n"
            "Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ năm 2025 và thống nhất quyết nghị:\n\n"
            "I. KẾT QUẢ NĂM 2025\n\nThu nhập bình quân đầu người đạt 68,5 triệu đồng.\n\n"
            "II. MỤC TIÊU, CHỈ TIÊU NĂM 2026\n\n(1) Thu nhập bình quân đầu người đạt 75 triệu đồng.\n"
            "(2) Tỷ lệ hộ nghèo giảm còn dưới 1,5%.\n")
    x = extract_text(text)
    assert [(f.value, f.year) for f in x.results] == [(68.5, 2025)]
    assert [(f.value, f.year) for f in x.targets] == [(75.0, 2026), (1.5, 2026)]


def test_a_verb_with_duoc_names_the_figure_without_it():
    """"Kết nạp được 18 đảng viên": "được" after a verb says the work was managed."""
    x = extract_text("BÁO CÁO\nkết quả năm 2025\n\nI. KẾT QUẢ\n\n"
                     "Kết nạp được 18 đảng viên mới. Đến nay đã giải phóng mặt bằng được 420/560 ha.\n")
    assert [(f.indicator, f.value, f.planned) for f in x.results] == [
        ("số đảng viên mới được kết nạp", 18.0, None), ("giải phóng mặt bằng", 420.0, 560.0)]


def test_a_notice_reports_what_stood_on_a_past_day_and_sets_what_is_due_by_a_later_one():
    """"Đến ngày 10/4/2026" before the notice's date: the state reached then is a result; the
    national average it is compared with is not this province's; "đến hết ngày 30/6/2026" gives
    its target that year, and the "và" before the next due date is no part of a name."""
    x = extract_text("ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 21/TB-UBND\nKon Tum, ngày 20 tháng 4 năm 2026\n\n"
                     "THÔNG BÁO\nKết luận về giải ngân vốn đầu tư công\n\n"
                     "1. Đến ngày 10/4/2026, toàn tỉnh giải ngân được 845 tỷ đồng, đạt 17,2% kế hoạch "
                     "vốn giao, thấp hơn bình quân chung cả nước (21,3%).\n\n"
                     "2. Phấn đấu đến hết ngày 30/6/2026 giải ngân đạt trên 50% và đến ngày 31/01/2027 "
                     "giải ngân 100% kế hoạch vốn được giao.\n")
    assert [(f.value, f.unit, f.year) for f in x.results] == [(845.0, "tỷ đồng", 2026), (17.2, "%", 2026)]
    assert [(f.indicator, f.value, f.year) for f in x.targets] == [
        ("giải ngân", 50.0, 2026), ("tỷ lệ kế hoạch vốn được giao được giải ngân", 100.0, 2027)]


def test_a_count_named_per_ten_thousand_people_is_a_rate():
    """"Số bác sĩ/vạn dân đạt 12 bác sĩ" is the rate "12 bác sĩ/vạn dân", written the other way;
    "40 giường" of "Số giường bệnh trên 1 vạn dân" is the rate its name states, in giường bệnh."""
    figs = _targets("Số bác sĩ/vạn dân đạt 12 bác sĩ. Số giường bệnh trên 1 vạn dân đạt 40 giường. "
                    "Có 300 nhân viên y tế tại các trạm y tế.")
    assert [(f.value, f.unit) for f in figs] == [
        (12.0, "bác sĩ/vạn dân"), (40.0, "giường bệnh/vạn dân"), (300.0, "nhân viên y tế")]


def test_numbered_list_sets_number():
    figs = _targets("Về kinh tế: (1) Tốc độ tăng trưởng đạt 8%; (2) Thu ngân sách đạt 9.000 tỷ đồng.")
    assert [f.number for f in figs] == [1, 2]


def test_rankings():
    f = _one("Phấn đấu đến năm 2030 chỉ số PCI nằm trong nhóm 15 tỉnh dẫn đầu.")
    assert (f.comparator, f.value, f.unit) == ("lte", 15, "thứ hạng")


def test_results_by_section_and_cues():
    x = extract_text(_doc("Năm 2024 tăng trưởng kinh tế ước đạt 7,1%; đạt 20/25 chỉ tiêu; "
                          "thu ngân sách đạt 12.000/10.000 tỷ đồng.",
                          heading="I. KẾT QUẢ THỰC HIỆN NĂM 2024"))
    assert x.targets == []
    assert [(r.comparator, r.value, r.planned, r.estimate) for r in x.results] == [
        ("approx", 7.1, None, True), ("eq", 20, 25, False), ("eq", 12000, 10000, False)]


def test_qualitative_goals_and_asides_are_not_figures():
    assert _targets("Phát triển kinh tế nhanh và bền vững; xây dựng 3 đô thị và ba hành lang kinh tế.") == []
    assert _targets("Tạo nguồn đầu tư phát triển hạ tầng 3 đô thị¹, 3 hành lang kinh tế.") == []
    assert _targets("Đẩy mạnh chuyển đổi số (phấn đấu trong nhóm khá).",
                    heading="III. NHIỆM VỤ") == []


def test_table_rows():
    body = ("STT | Chỉ tiêu | Đơn vị | Ước thực hiện 2024 | Kế hoạch 2025\n"
            "1 | Tỷ lệ đô thị hóa | % | 38 | 40\n")
    x = extract_text(_doc(body, heading="I. CHỈ TIÊU"))
    assert [(f.value, f.year, f.number) for f in x.targets] == [(40, 2025, 1)]
    assert [(f.value, f.year, f.estimate) for f in x.results] == [(38, 2024, True)]


def test_a_table_s_plan_for_the_year_of_its_result_is_the_result_s_plan():
    body = ("TT | Chỉ tiêu | Đơn vị tính | Kế hoạch 2024 | Thực hiện 2024 | Kế hoạch 2025\n"
            "1 | Thu ngân sách trên địa bàn | tỷ đồng | 95 | 102,5 | 110\n")
    x = extract_text(_doc(body, heading="I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"))
    assert [(f.value, f.planned, f.year) for f in x.results] == [(102.5, 95, 2024)]
    assert [(f.value, f.year) for f in x.targets] == [(110, 2025)]


def test_every_cue_family_is_found_in_a_sentence():
    data = vocab.load("figures")
    for key in ("goal_cues", "result_cues", "estimate_cues"):
        for cue in data[key]:
            assert has_cue(low(f"Năm nay {cue} 50%"), key), cue
    for kind, words in data["section_kinds"].items():
        from nghiquyet.extract.figures_context import kind_of_heading
        for w in words:
            assert kind_of_heading(w.upper()) is not None, w


_PIECES = st.sampled_from([
    "năm 2024", "2021 - 2025", "ngày 03/11/2022", "26-NQ/TW", "Đề án 06", "lần thứ XIX", "500kV",
    "(12)", "Số 62 -KH/TU", "tháng 02/2022", "Phấn đấu", "đến năm 2030", "trong đó", "đạt", "trên",
    "Tỷ lệ", "giảm", ";", ",", ".", "\n", "- ", "I. MỤC TIÊU", "II. KẾT QUẢ", "|", "28 chỉ tiêu",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_no_figure_is_invented_from_years_symbols_and_cue_words(pieces):
    x = extract_text(" ".join(pieces))
    assert x.targets == [] and x.results == []


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_random_text_never_raises(text):
    x = extract_text(text)
    for f in x.targets + x.results:
        assert f.parent is None or 0 <= f.parent < len(x.targets + x.results)


def test_towns_count_only_with_a_cue_or_in_a_list():
    figs = _targets("Toàn tỉnh có khoảng 34 đô thị, trong đó có 2 đô thị loại III, 8 đô thị loại IV.")
    assert [(f.comparator, f.value, f.parent) for f in figs] == [("approx", 34, None), ("eq", 2, 0), ("eq", 8, 0)]
    assert _targets("Đầu tư hạ tầng tại 3 đô thị động lực của tỉnh.") == []


def test_every_comparator_phrase_is_read():
    from nghiquyet.extract.figures_text import comparator_after, comparator_before
    data = vocab.load("comparators")
    weak = set(data["weak"])
    for comp, phrases in data["before"].items():
        for phrase in phrases:
            if phrase in weak:
                continue
            assert comparator_before(f"Tỷ lệ hộ nghèo {phrase} ")[0] == comp, phrase
    for comp, phrases in data["after"].items():
        for phrase in phrases:
            assert comparator_after(f" {phrase}; ")[0] == comp, phrase


def test_a_report_without_sections_reports_results():
    text = ("UBND HUYỆN KỲ ANH\n\nBÁO CÁO\nTình hình kinh tế - xã hội năm 2024\n\n"
            "Thu ngân sách trên địa bàn đạt 850 tỷ đồng. Phấn đấu năm 2025 thu ngân sách đạt 900 tỷ đồng.\n")
    x = extract_text(text)
    assert x.document.kind == "bao_cao"
    assert [(f.value, f.kind) for f in x.results] == [(850, "result")]
    assert [(f.value, f.year) for f in x.targets] == [(900, 2025)]


def test_past_tense_in_a_later_sentence_makes_a_result() -> None:
    """'đã ...' cues are found at their own place in the paragraph, not shifted by the
    sentence's start: the second sentence reports what was done, under a goals heading."""
    x = extract_text(
        "KẾ HOẠCH\nPhát triển lâm nghiệp bền vững\n\nII. MỤC TIÊU ĐẾN NĂM 2030\n"
        "- Tỷ lệ che phủ rừng ổn định trên 50% và tăng trưởng giá trị sản xuất lâm nghiệp bình "
        "quân 5%/năm trong giai đoạn tới, bảo đảm sinh kế người dân vùng núi. Toàn tỉnh đã trồng "
        "mới 3.200 ha rừng tập trung.\n")
    assert [t.value for t in x.targets] == [50, 5]
    assert [(r.value, r.unit) for r in x.results] == [(3200, "ha")]


def test_a_due_date_after_a_number_first_figure_is_its_year_not_its_name() -> None:
    figs = _targets("1. Phấn đấu 100% xã đạt chuẩn nông thôn mới nâng cao vào năm 2027.\n"
                    "2. Phủ sóng 5G đến 100% thôn, bản trước ngày 31/12/2026.\n"
                    "3. Có ít nhất 40% hộ gia đình sử dụng nước sạch tập trung trong năm 2028.",
                    heading="II. MỤC TIÊU")
    assert [(f.indicator, f.year) for f in figs] == [
        ("tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", 2027),
        ("tỷ lệ thôn, bản được phủ sóng 5G", 2026),
        ("tỷ lệ hộ gia đình sử dụng nước sạch tập trung", 2028)]


REPORT = ("HUYỆN ỦY ĐỨC THỌ\n*\nSố 80-BC/HU\nĐức Thọ, ngày 10 tháng 11 năm 2023\n\nBÁO CÁO\n"
          "sơ kết thực hiện Nghị quyết về phát triển chăn nuôi\n\nI. KẾT QUẢ THỰC HIỆN\n{}\n")


def test_a_report_names_counts_after_a_time_span_and_before_a_colon() -> None:
    x = extract_text(REPORT.format(
        "Sau 2 năm thực hiện, có 5/8 chỉ tiêu đạt kế hoạch. Còn 3/8 chỉ tiêu chưa đạt: tổng đàn "
        "bò mới đạt 21.000 con; số trang trại đạt 35/50 trang trại."))
    assert [(r.indicator, r.value, r.planned) for r in x.results if r.unit == "chỉ tiêu"] == [
        ("số chỉ tiêu đạt kế hoạch", 5, 8), ("số chỉ tiêu chưa đạt", 3, 8)]
    assert [(r.value, r.planned, r.unit) for r in x.results if r.value == 35] == [(35, 50, "trang trại")]


def test_a_result_never_takes_a_year_after_its_report() -> None:
    """A goal's horizon earlier in the paragraph ("mục tiêu đến năm 2025") is no year for the
    results that follow it in a report of 2023."""
    x = extract_text(REPORT.format(
        "Tổng đàn bò đạt 21.000 con, bằng 84% mục tiêu đến năm 2025 (25.000 con). Giá trị sản xuất "
        "chăn nuôi ước đạt 1.250 tỷ đồng."))
    assert [(r.value, r.year) for r in x.results] == [(21000, 2023), (84, 2023), (1250, 2023)]
    assert x.results[1].indicator == "tổng đàn bò so với mục tiêu"


def test_units_keep_the_capitals_of_the_text_in_a_count_s_name() -> None:
    f = _one("Có ít nhất 30 sản phẩm OCOP được xếp hạng 4 sao.")
    assert (f.indicator, f.value, f.unit) == ("số sản phẩm OCOP được xếp hạng 4 sao", 30, "sản phẩm ocop")


def test_shares_listed_after_a_structure_heading_name_their_whole() -> None:
    figs = _targets("- Cơ cấu kinh tế: nông, lâm nghiệp 18%, công nghiệp - xây dựng 37%, dịch vụ 45%.")
    assert [(f.indicator, f.value) for f in figs] == [
        ("tỷ trọng nông, lâm nghiệp trong cơ cấu kinh tế", 18),
        ("tỷ trọng công nghiệp - xây dựng trong cơ cấu kinh tế", 37),
        ("tỷ trọng dịch vụ trong cơ cấu kinh tế", 45)]


def test_a_figure_opened_by_its_change_verb_is_the_change() -> None:
    down, level = _targets("- Giảm tỷ lệ hộ nghèo đa chiều bình quân 1,5%/năm.\n"
                           "- Giảm tỷ lệ hộ nghèo đa chiều xuống còn 2%.")
    assert (down.indicator, down.value, down.unit) == ("mức giảm tỷ lệ hộ nghèo đa chiều bình quân", 1.5, "%/năm")
    assert (level.indicator, level.value) == ("tỷ lệ hộ nghèo đa chiều", 2)


def test_a_multiple_of_a_past_year_does_not_date_the_results_after_it() -> None:
    """"gấp 1,5 lần năm 2020" compares with 2020; the next result is still the report's year."""
    x = extract_text(REPORT.format(
        "Thu nhập bình quân đầu người năm 2023 đạt 58 triệu đồng, gấp 1,5 lần năm 2020. "
        "Có 12/15 chỉ tiêu đạt và vượt kế hoạch."))
    assert [(r.value, r.year) for r in x.results] == [(58, 2023), (1.5, 2023), (12, 2023)]


def test_an_estimate_for_the_whole_year_is_approximate_and_not_part_of_the_name() -> None:
    x = extract_text(REPORT.format("Thu ngân sách trên địa bàn ước cả năm đạt 320 tỷ đồng. "
                                   "Tổng mức bán lẻ hàng hóa ước tính đạt 4.100 tỷ đồng."))
    assert [(r.indicator, r.comparator, r.value, r.estimate) for r in x.results] == [
        ("thu ngân sách trên địa bàn", "approx", 320, True),
        ("tổng mức bán lẻ hàng hóa", "approx", 4100, True)]


def test_the_level_a_change_started_from_is_no_figure() -> None:
    x = extract_text(REPORT.format("Tỷ lệ hộ nghèo giảm từ 3,1% xuống còn 2,2%; tỷ lệ che phủ rừng "
                                   "tăng từ 45% lên 47,5%."))
    assert [(r.indicator, r.value) for r in x.results] == [("tỷ lệ hộ nghèo", 2.2),
                                                           ("tỷ lệ che phủ rừng", 47.5)]


def test_a_line_ending_with_a_colon_dates_the_list_after_it() -> None:
    text = ("TỈNH ỦY KHÁNH HÒA\nSố 35-CTr/TU\nKhánh Hòa, ngày 15 tháng 6 năm 2025\n\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n"
            "thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị\n\nI. MỤC TIÊU\n"
            "Phấn đấu đến năm 2030:\n- GRDP bình quân đầu người đạt khoảng 8.500 USD.\n"
            "- Tỷ lệ đô thị hóa đạt 50% trở lên.\n")
    assert [(f.value, f.year) for f in extract_text(text).targets] == [(8500, 2030), (50, 2030)]


def test_a_report_s_up_to_now_is_no_part_of_a_name() -> None:
    x = extract_text(REPORT.format("Đến nay đã trồng mới 1.200 ha rừng. Hiện nay, tổng đàn bò đạt 21.000 con."))
    assert [(r.indicator, r.value) for r in x.results] == [("số ha rừng được trồng mới", 1200), ("tổng đàn bò", 21000)]


def test_a_word_ending_with_a_link_verb_keeps_it() -> None:
    f = _one("- Hoàn thành giải phóng mặt bằng 100% diện tích các dự án trọng điểm.")
    assert (f.indicator, f.comparator, f.value) == ("tỷ lệ diện tích các dự án trọng điểm được hoàn thành giải phóng mặt bằng", "eq", 100)
    f = _one("- Tỷ lệ giải phóng mặt bằng các dự án đúng tiến độ 95%.")
    assert (f.indicator, f.value) == ("tỷ lệ giải phóng mặt bằng các dự án đúng tiến độ", 95)
