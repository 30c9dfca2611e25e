"""Figures in styles of documents found after the first test documents: a congress resolution
whose results sit behind "Đại hội đánh giá:", tables with a bare-year column, "trong đó" parts
that end at ";". Each test is a small document in that style."""
from __future__ import annotations

from nghiquyet.extract import extract_text

_HEAD = ("ĐẢNG BỘ XÃ AN PHÚ\n\nSố 01-NQ/ĐH\n\nAn Phú, ngày 12 tháng 8 năm 2025\n\n"
         "NGHỊ QUYẾT\nĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ AN PHÚ LẦN THỨ I, NHIỆM KỲ 2025 - 2030\n\n")


def test_a_lead_in_that_evaluates_makes_results():
    doc = extract_text(_HEAD + "1. Thông qua Báo cáo chính trị của Ban Chấp hành trình Đại hội. "
                       "Đại hội đánh giá: nhiệm kỳ 2020 - 2025, giá trị sản xuất tăng bình quân "
                       "9,2%/năm; tỷ lệ hộ nghèo còn 1,85%.\n")
    assert [(f.value, f.year, f.period) for f in doc.results] == [(9.2, 2025, "2020-2025"),
                                                                  (1.85, 2025, None)]
    assert doc.targets == []


def test_a_lead_in_without_a_kind_changes_nothing():
    doc = extract_text(_HEAD + "2. Các chỉ tiêu chủ yếu nhiệm kỳ 2025 - 2030\n\n"
                       "Về kinh tế: Thu nhập bình quân đầu người đến năm 2030 đạt 120 triệu đồng.\n")
    assert [(f.value, f.year) for f in doc.targets] == [(120, 2030)]


def test_parts_end_at_a_semicolon_before_another_rate():
    doc = extract_text(_HEAD + "2. Các chỉ tiêu chủ yếu đến năm 2030\n\n"
                       "Về văn hóa: 100% trường học đạt chuẩn quốc gia, trong đó có 2 trường đạt "
                       "chuẩn mức độ 2; tỷ lệ gia đình đạt danh hiệu văn hóa từ 92% trở lên.\n")
    whole, part, other = doc.targets
    assert part.parent == 0 and other.parent is None
    assert other.indicator == "tỷ lệ gia đình đạt danh hiệu văn hóa"
    assert (other.comparator, other.value) == ("gte", 92)


def test_parts_listed_with_semicolons_stay_parts():
    doc = extract_text(_HEAD + "2. Các chỉ tiêu chủ yếu đến năm 2030\n\n"
                       "Thu ngân sách trên địa bàn đạt 900 tỷ đồng, trong đó: thu nội địa 700 tỷ "
                       "đồng; thu tiền sử dụng đất 200 tỷ đồng.\n")
    assert [f.parent for f in doc.targets] == [None, 0, 0]


_PLAN = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\n\nAn Giang, ngày 20 tháng 01 năm 2026\n\n"
         "KẾ HOẠCH\nThực hiện các chỉ tiêu kinh tế - xã hội năm 2026\n\nI. CÁC CHỈ TIÊU CHỦ YẾU\n\n")


def test_a_bare_year_column_before_the_plan_holds_results():
    doc = extract_text(_PLAN + "TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Kế hoạch 2026\n"
                       "1 | Tỷ lệ lao động qua đào tạo | % | 76 | 78\n"
                       " | Trong đó: có bằng cấp, chứng chỉ | % | 32 | 34\n"
                       "2 | Số bác sĩ/vạn dân | Bác sĩ | 12,5 | 13\n"
                       "3 | Tỷ lệ dân số tham gia bảo hiểm y tế | % | 93 | 95 trở lên\n")
    assert [(f.value, f.year) for f in doc.results] == [(76, 2025), (32, 2025), (12.5, 2025), (93, 2025)]
    assert [(f.value, f.year) for f in doc.targets] == [(78, 2026), (34, 2026), (13, 2026), (95, 2026)]
    part = doc.targets[1]
    assert (part.parent, part.indicator) == (0, "tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ")
    assert doc.targets[2].unit == "bác sĩ/vạn dân"
    assert doc.targets[3].comparator == "gte"


def test_year_columns_of_a_multi_year_plan_stay_targets():
    doc = extract_text(_PLAN + "TT | Chỉ tiêu | Đơn vị | Năm 2026 | Năm 2027\n"
                       "1 | Tỷ lệ đô thị hóa | % | 43 | 45\n")
    assert [(f.value, f.year) for f in doc.targets] == [(43, 2026), (45, 2027)]


def _goals(body: str):
    return extract_text(_HEAD + "2. Các chỉ tiêu chủ yếu đến năm 2030\n\n" + body + "\n").targets


def test_two_counts_share_the_rate_written_after_the_last():
    beds, doctors = _goals("Đến năm 2030, đạt 38 giường bệnh và 13 bác sĩ trên 1 vạn dân.")
    assert (beds.value, beds.unit, doctors.unit) == (38, "giường bệnh/vạn dân", "bác sĩ/vạn dân")
    doctors, pharmacists = _goals("Đạt 19 bác sĩ và 4 dược sĩ đại học trên 10.000 dân.")
    assert (doctors.unit, pharmacists.unit) == ("bác sĩ/vạn dân", "dược sĩ/vạn dân")


def test_from_and_at_least_frame_a_long_name():
    f, = _goals("Hằng năm có từ 90% tổ chức cơ sở đảng trở lên hoàn thành tốt nhiệm vụ.")
    assert (f.comparator, f.value) == ("gte", 90)
    assert f.indicator == "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ"


def test_a_share_of_a_whole_written_after_the_number():
    f, = _goals("Bố trí ngân sách cho khoa học, công nghệ đạt ít nhất 2% tổng chi ngân sách của tỉnh "
                "và tăng dần theo yêu cầu.")
    assert (f.comparator, f.value) == ("gte", 2)
    assert f.indicator == "tỷ lệ bố trí ngân sách cho khoa học, công nghệ trong tổng chi ngân sách của tỉnh"
    g, = _goals("Chi cho khoa học, công nghệ bảo đảm tối thiểu 3% tổng chi ngân sách hằng năm.")
    assert g.indicator.startswith("tỷ lệ chi cho khoa học, công nghệ trong tổng chi ngân sách")


def test_a_total_over_the_term_of_a_heading_with_two_terms():
    doc = extract_text(_HEAD + "I. Tán thành đánh giá nhiệm kỳ 2020 - 2025 và mục tiêu nhiệm kỳ "
                       "2025 - 2030 của Báo cáo chính trị\n\n1. Các chỉ tiêu chủ yếu đến năm 2030\n\n"
                       "Tổng vốn đầu tư toàn xã hội 5 năm đạt khoảng 450.000 tỷ đồng.\n")
    f, = doc.targets
    assert (f.year, f.period) == (2030, "2025-2030")


_REVIEW = ("HỘI ĐỒNG NHÂN DÂN TỈNH AN GIANG\n\nAn Giang, ngày 09 tháng 12 năm 2026\n\n"
           "NGHỊ QUYẾT\nVề kế hoạch phát triển kinh tế - xã hội năm 2027\n\n"
           "Điều 1. Đánh giá tình hình thực hiện kế hoạch năm 2026\n\n")


def test_a_tally_of_indicators_reached_is_a_result_and_of_those_missed_is_not():
    doc = extract_text(_REVIEW + "Năm 2026, trong 22 chỉ tiêu chủ yếu, có 17 chỉ tiêu đạt và vượt "
                       "kế hoạch, 5 chỉ tiêu không đạt.\n")
    assert [(f.value, f.unit, f.year) for f in doc.results] == [(17, "chỉ tiêu", 2026)]
    assert doc.targets == []


def test_a_plan_missed_is_the_results_plan():
    doc = extract_text(_REVIEW + "Tỷ lệ dân số tham gia bảo hiểm y tế ước đạt 93,1%, không đạt kế "
                       "hoạch (95%).\n")
    f, = doc.results
    assert (f.value, f.planned, f.comparator) == (93.1, 95, "approx")


def test_a_city_wide_count_is_named_without_the_city():
    doc = extract_text(_REVIEW + "Đến hết năm 2026, toàn thành phố có khoảng 32.500 doanh nghiệp "
                       "đang hoạt động.\n")
    assert [f.indicator for f in doc.results] == ["số doanh nghiệp đang hoạt động"]


def test_healthy_years_height_and_stations_of_a_health_programme():
    figs = _goals("Tuổi thọ trung bình đạt 75,5 tuổi, trong đó số năm sống khỏe đạt tối thiểu 68 năm. "
                  "Chiều cao trung bình của thanh niên 18 tuổi tăng tối thiểu 1,5 cm so với năm 2025. "
                  "Mỗi xã, phường có ít nhất 1 trạm y tế đạt chuẩn quốc gia.")
    assert [(f.comparator, f.value, f.unit, f.parent) for f in figs] == [
        ("eq", 75.5, "tuổi", None), ("gte", 68, "năm", 0), ("gte", 1.5, "cm", None),
        ("gte", 1, "trạm y tế", None)]
    assert figs[2].indicator == "mức tăng chiều cao trung bình của thanh niên 18 tuổi so với năm 2025"
    assert _goals("Sau 3 năm thực hiện, kế hoạch 5 năm đạt 80%.")[0].unit == "%"


_SUMMARY = ("HUYỆN ỦY AN LÃO\n\nAn Lão, ngày 10 tháng 4 năm 2025\n\nBÁO CÁO\ntổng kết nhiệm kỳ "
            "2020 - 2025\n\nI. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU\n\n")


def test_a_list_opened_after_a_tally_is_of_results():
    doc = extract_text(_SUMMARY + "Có 18/21 chỉ tiêu đạt và vượt; 3 chỉ tiêu không đạt. Kết quả cụ "
                       "thể như sau:\n\nNgoài ra, tổng vốn đầu tư toàn xã hội 5 năm ước đạt 68.500 tỷ "
                       "đồng, gấp 1,4 lần nhiệm kỳ trước; lũy kế đến hết năm 2024 đã có 128 doanh "
                       "nghiệp thành lập mới; tỷ lệ giải ngân vốn đầu tư công năm 2024 chỉ đạt 82,6% "
                       "kế hoạch.\n")
    assert doc.targets == []
    assert [(f.value, f.indicator) for f in doc.results[1:]] == [
        (68500, "tổng vốn đầu tư toàn xã hội 5 năm"),
        (1.4, "tổng vốn đầu tư toàn xã hội 5 năm so với nhiệm kỳ trước"),
        (128, "số doanh nghiệp thành lập mới"),
        (82.6, "tỷ lệ giải ngân vốn đầu tư công so với kế hoạch")]


def test_a_planned_range_beside_a_result_is_its_plan():
    doc = extract_text(_SUMMARY + "TT | Chỉ tiêu | Đơn vị tính | Mục tiêu Nghị quyết đến năm 2025 | "
                       "Thực hiện năm 2025 | Đánh giá\n"
                       "1 | Tốc độ tăng giá trị sản xuất bình quân | %/năm | 10 - 11 | 11,8 | Vượt\n")
    assert doc.targets == []
    assert [(f.value, f.planned) for f in doc.results] == [(11.8, 10)]


def test_a_school_year_a_group_size_and_a_period_after_the_figure():
    doc = extract_text("ỦY BAN NHÂN DÂN TỈNH AN GIANG\n\nAn Giang, ngày 05 tháng 02 năm 2026\n\n"
                       "KẾ HOẠCH\nphát triển giáo dục\n\nI. THỰC TRẠNG\n\nNăm học 2024 - 2025, toàn "
                       "tỉnh có 1.786 trường học; tỷ lệ trường đạt chuẩn quốc gia đạt 84,2%.\n\n"
                       "II. MỤC TIÊU ĐẾN NĂM 2030\n\nTỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ "
                       "đạt 40%; có ít nhất 2 cơ sở giáo dục đại học nằm trong nhóm 200 trường hàng đầu "
                       "châu Á.\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\nXây mới, cải tạo 1.200 phòng học trong "
                       "giai đoạn 2026 - 2030; tỷ lệ giải ngân vốn sự nghiệp năm 2025 chỉ đạt 82,6%.\n")
    assert [(f.value, f.year) for f in doc.results] == [(1786, 2025), (84.2, 2025), (82.6, 2025)]
    assert doc.results[2].indicator == "tỷ lệ giải ngân vốn sự nghiệp"
    assert [(f.value, f.unit, f.year, f.period) for f in doc.targets] == [
        (40, "%", 2030, None), (2, "cơ sở", 2030, None), (1200, "phòng học", 2030, "2026-2030")]
    assert doc.targets[0].indicator == "tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ"
    assert doc.targets[1].indicator.endswith("nằm trong nhóm 200 trường hàng đầu châu Á")


def test_ranked_indices_and_a_rate_raised_to_a_level():
    figs = extract_text(_PLAN + "- Chỉ số cải cách hành chính (PAR Index) thuộc nhóm 10 tỉnh, thành "
                        "phố dẫn đầu cả nước.\n- Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) duy trì trong "
                        "top 5 cả nước.\n- Cải thiện chỉ số hài lòng của người dân lên mức 85% trở lên.\n"
                        ).targets
    assert [(f.comparator, f.value, f.unit) for f in figs] == [
        ("lte", 10, "thứ hạng"), ("lte", 5, "thứ hạng"), ("gte", 85, "%")]
    assert figs[0].indicator.startswith("thứ hạng chỉ số cải cách hành chính (PAR Index)")
    assert figs[1].indicator.startswith("thứ hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)")
    assert figs[2].indicator == "chỉ số hài lòng của người dân"


def test_report_phrasings_around_a_result():
    doc = extract_text(_SUMMARY + "Tốc độ tăng trưởng GRDP ước đạt 8,02%, vượt kế hoạch đề ra (kế "
                       "hoạch 7,5 - 8%). Có 85/101 xã đạt chuẩn nông thôn mới, đạt 84,2%; trong năm có "
                       "thêm 6 xã đạt chuẩn nông thôn mới nâng cao. Tỷ lệ hộ nghèo giảm từ 5,12% xuống "
                       "còn 3,86%, vượt mục tiêu đề ra. Toàn tỉnh hiện có 1.254 hợp tác xã. Chỉ số PCI "
                       "xếp thứ 25/63 tỉnh, thành phố, tăng 8 bậc so với năm 2024.\n")
    assert doc.targets == []
    got = [(f.value, f.unit, f.indicator) for f in doc.results]
    assert got == [
        (8.02, "%", "tốc độ tăng trưởng GRDP"),
        (85, "xã", "số xã đạt chuẩn nông thôn mới"),
        (84.2, "%", "tỷ lệ xã đạt chuẩn nông thôn mới"),
        (6, "xã", "số xã đạt chuẩn nông thôn mới nâng cao"),
        (3.86, "%", "tỷ lệ hộ nghèo"),
        (1254, "hợp tác xã", "số hợp tác xã"),
        (25, "thứ hạng", "thứ hạng chỉ số PCI trong 63 tỉnh, thành phố"),
        (8, "bậc", "mức tăng thứ hạng chỉ số PCI trong 63 tỉnh, thành phố so với năm 2024")]
    assert doc.results[0].planned == 7.5


def test_shares_listed_after_a_named_share_and_a_standards_period():
    figs = _goals("Về kinh tế: (3) Tỷ trọng công nghiệp - xây dựng trong GRDP đạt 30%; dịch vụ 45%; "
                  "nông, lâm, thủy sản 20%. (6) Tỷ lệ hộ nghèo (theo chuẩn giai đoạn 2026 - 2030) cuối "
                  "nhiệm kỳ dưới 1%.")
    assert [f.indicator for f in figs[:3]] == [
        "tỷ trọng công nghiệp - xây dựng trong GRDP", "tỷ trọng dịch vụ trong GRDP",
        "tỷ trọng nông, lâm, thủy sản trong GRDP"]
    poor = figs[3]
    assert (poor.comparator, poor.value, poor.year, poor.period) == ("lt", 1, 2030, None)
    assert "cuối nhiệm kỳ" not in poor.indicator


def test_an_estimated_column_holds_estimates():
    doc = extract_text(_SUMMARY + "STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2025 | Ước thực hiện năm 2025 | "
                       "So sánh (%) | Kế hoạch năm 2026\n"
                       "1 | Tốc độ tăng trưởng GRDP | % | 8,0 | 8,3 | 103,8 | 10,0\n")
    assert [(f.comparator, f.value, f.planned, f.year) for f in doc.results] == [("approx", 8.3, 8, 2025)]
    assert [(f.comparator, f.value, f.year) for f in doc.targets] == [("eq", 10, 2026)]


_CONCLUSION = ("TỈNH ỦY AN GIANG\n\nSố 85-TB/TU\n\nAn Giang, ngày 12 tháng 10 năm 2026\n\nTHÔNG BÁO\n"
               "Kết luận của Ban Thường vụ Tỉnh ủy\n\n")


def test_a_paragraph_on_months_gone_by_reports_and_a_dated_count_is_a_goal():
    doc = extract_text(_CONCLUSION + "1. Chín tháng đầu năm 2026, tình hình tiếp tục chuyển biến tích "
                       "cực. Khách du lịch đến tỉnh đạt 8,9 triệu lượt, tăng 18,5%.\n\n"
                       "2. Nhiệm vụ trọng tâm 3 tháng cuối năm: Hoàn thành việc xóa nhà tạm, nhà dột nát "
                       "cho 1.250 hộ trước ngày 31/12/2026.\n")
    assert [(f.value, f.indicator) for f in doc.results] == [
        (8.9, "khách du lịch đến tỉnh"), (18.5, "mức tăng khách du lịch đến tỉnh")]
    assert [(f.value, f.unit, f.year) for f in doc.targets] == [(1250, "hộ", 2026)]


def test_a_cut_by_a_share_names_what_is_cut():
    f, = _goals("Giảm 5% số vụ tai nạn giao thông hằng năm trên cả ba tiêu chí.")
    assert f.indicator.startswith("mức giảm số vụ tai nạn giao thông")


def test_a_term_stated_once_frames_the_totals_after_it():
    doc = extract_text(_HEAD + "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI\n\nNhiệm kỳ 2020 - "
                       "2025, tốc độ tăng trưởng kinh tế bình quân đạt 7,1%/năm. Thu ngân sách 5 năm đạt "
                       "98.500 tỷ đồng. Tỷ lệ hộ nghèo còn 0,95%.\n")
    assert [(f.value, f.period) for f in doc.results] == [
        (7.1, "2020-2025"), (98500, "2020-2025"), (0.95, None)]


def test_a_task_that_states_how_much_is_a_target_but_a_programmes_name_is_not():
    doc = extract_text(_PLAN + "II. NHIỆM VỤ, GIẢI PHÁP\n\nLàm mới 25 km đường giao thông nông thôn; "
                       "cứng hóa 18 km kênh mương nội đồng. Triển khai hiệu quả đề án “01 triệu căn hộ "
                       "nhà ở xã hội”.\n")
    assert [(f.value, f.unit, f.indicator) for f in doc.targets] == [
        (25, "km", "số km đường giao thông nông thôn được làm mới"),
        (18, "km", "số km kênh mương nội đồng được cứng hóa")]


def test_the_level_a_change_reaches_in_brackets_is_a_target():
    figs = _goals("Tỷ lệ hộ nghèo giảm 0,5% (còn 1,6%). Tỷ lệ lao động nữ (chiếm 30%) tăng 2%.")
    assert [(f.indicator, f.value) for f in figs[:2]] == [
        ("mức giảm tỷ lệ hộ nghèo", 0.5), ("tỷ lệ hộ nghèo", 1.6)]
    assert [f.value for f in figs[2:]] == [2]          # "(chiếm 30%)" is still an aside
