"""Deadlines (extract/deadlines.py): limit words, exclusions, task and responsible body."""
from __future__ import annotations

import pytest

from nghiquyet.extract import extract_text

HEAD = "TỈNH ỦY PHÚ YÊN\nSố 20-KH/TU\nTuy Hòa, ngày 10 tháng 01 năm 2025\nKẾ HOẠCH\ntriển khai nhiệm vụ\n\n"


def deadlines(body: str, head: str = HEAD):
    return extract_text(head + body + "\n").deadlines


@pytest.mark.parametrize("sentence, due", [
    ("Hoàn thành trước 30/01/2025.", "2025-01-30"),
    ("Tổ chức hội nghị trong tháng 02/2025.", "2025-02-28"),
    ("Hoàn thành trong Quý I năm 2025.", "2025-03-31"),
    ("Gửi báo cáo trước ngày 20/01/2025.", "2025-01-20"),
    ("Báo cáo Ủy ban nhân dân tỉnh chậm nhất ngày 15/6/2025.", "2025-06-15"),
    ("Rà soát các dự án, xong trước 31/12/2025.", "2025-12-31"),
    ("Tổ chức sơ kết vào tháng 6 năm 2025.", "2025-06-30"),
    ("Xây dựng đề án, hoàn thành trong quý II/2025.", "2025-06-30"),
    ("Hoàn thành việc sắp xếp trong năm 2025.", "2025-12-31"),
    ("Trình Ban Thường vụ xem xét không muộn hơn ngày 05/3/2025.", "2025-03-05"),
    ('Tổ chức tọa đàm "Phát huy giá trị văn hóa Phú Yên trong thời kỳ mới" vào ngày 25/4/2025.', "2025-04-25"),
    ("Ban Tuyên giáo tuyên truyền Kế hoạch này trong Quý II/2025.", "2025-06-30"),
    ("Sở Nội vụ rà soát, kiện toàn Ban Chỉ đạo trong tháng 3/2025.", "2025-03-31"),
])
def test_limit_words(sentence, due):
    [d] = deadlines("I. NHIỆM VỤ\n1. Văn phòng Tỉnh ủy\n- " + sentence)
    assert d.due == due
    assert d.quote == sentence.rstrip(".")


@pytest.mark.parametrize("sentence", [
    "Thực hiện Nghị quyết số 26-NQ/TW, ngày 03/11/2025 của Bộ Chính trị.",     # a citation's date
    "Định kỳ 6 tháng, hằng năm báo cáo kết quả thực hiện.",                   # recurring
    "Định kỳ trước ngày 15/12 hằng năm tổng hợp, báo cáo.",                   # recurring, no year
    "Đến năm 2030, tỷ lệ đô thị hóa đạt trên 45%.",                          # a horizon
    "Phấn đấu hoàn thành cao nhất mục tiêu năm 2025 và giai đoạn 2021-2025.",  # a goal year
    "Trong tháng 12/2024 đã tổ chức hội nghị sơ kết.",                        # before the document
    "Hội nghị họp từ ngày 14 đến ngày 16 tháng 10 năm 2025 tại tỉnh.",        # not a limit
    "Các huyện đã hoàn thành quán triệt trong tháng 02/2025.",                # a result, not a limit
])
def test_not_deadlines(sentence):
    assert deadlines("I. NHIỆM VỤ\n" + sentence) == []


def test_the_documents_own_date_is_not_a_deadline():
    assert deadlines("I. NHIỆM VỤ\nTriển khai kế hoạch.") == []


def test_time_line_takes_the_enclosing_items_activity():
    body = ("II. KẾ HOẠCH\n2.1. Đối với cấp tỉnh: Tổ chức hội nghị báo cáo viên quán triệt nghị quyết.\n"
            "* Thành phần: Các đồng chí Tỉnh ủy viên.\n* Thời gian: Hoàn thành trước 28/02/2025.\n"
            "2.2. Đối với các huyện ủy, thị ủy, thành ủy: Tổ chức quán triệt đến chi bộ.\n"
            "* Thời gian: Hoàn thành trong tháng 3/2025.\n")
    first, second = deadlines(body)
    assert first.task == "Tổ chức hội nghị báo cáo viên quán triệt nghị quyết"
    assert first.responsible is None                       # "cấp tỉnh" is a level, not a body
    assert first.quote == "Thời gian: Hoàn thành trước 28/02/2025"
    assert second.task == "Tổ chức quán triệt đến chi bộ"
    assert second.responsible == "Các huyện ủy, thị ủy, thành ủy"
    assert second.section.endswith("2.2. Đối với các huyện ủy, thị ủy, thành ủy")


def test_time_sentence_after_the_task_in_one_paragraph():
    [d] = deadlines("I. NHIỆM VỤ\n1. Ban Tổ chức Tỉnh ủy chủ trì xây dựng quy định. Thời gian hoàn thành: Quý II/2025.")
    assert (d.due, d.responsible) == ("2025-06-30", "Ban Tổ chức Tỉnh ủy")
    assert d.task == "Ban Tổ chức Tỉnh ủy chủ trì xây dựng quy định"


def test_period_gives_its_end():
    body = "I. NHIỆM VỤ\na) Rà soát phương án ứng phó thiên tai.\nThời gian thực hiện: từ tháng 4/2025 đến tháng 6/2025."
    [d] = deadlines(body)
    assert (d.due, d.task) == ("2025-06-30", "Rà soát phương án ứng phó thiên tai")


def test_task_without_the_deadline_phrase():
    [d] = deadlines("I. NHIỆM VỤ\nXây dựng kế hoạch thực hiện (hoàn thành trong Quý I năm 2025) và báo cáo "
                    "Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy).")
    assert d.task == "Xây dựng kế hoạch thực hiện và báo cáo Ban Thường vụ Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy)"


@pytest.mark.parametrize("body, who", [
    ("IV. TỔ CHỨC THỰC HIỆN\n3. Ban cán sự đảng Ủy ban nhân dân tỉnh\nChỉ đạo xây dựng chương trình, "
     "hoàn thành trước ngày 20/01/2025.", "Ban cán sự đảng Ủy ban nhân dân tỉnh"),
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính chủ trì, phối hợp các sở bố trí kinh phí, xong trước 31/3/2025.",
     "Sở Tài chính"),
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện, hoàn thành trong quý I/2025.",
     "Ủy ban nhân dân tỉnh"),
    ("IV. TỔ CHỨC THỰC HIỆN\n1. Tập trung rà soát, hoàn thành trong quý I/2025.", None),
    ("2. Giao Ban cán sự đảng UBND tỉnh chỉ đạo hoàn thành giải phóng mặt bằng trong tháng 9/2025.",
     "Ban cán sự đảng UBND tỉnh"),
    ("3. Đề nghị UBND các huyện, thị xã, thành phố báo cáo kết quả trước ngày 15/9/2025.",
     "UBND các huyện, thị xã, thành phố"),
])
def test_responsible_body(body, who):
    [d] = deadlines(body)
    assert d.responsible == who


def test_span_points_at_the_sentence():
    result = extract_text(HEAD + "I. NHIỆM VỤ\nRà soát văn bản. Gửi báo cáo trước ngày 20/01/2025.\n")
    [d] = result.deadlines
    assert result.text[d.span[0]:d.span[1]].startswith("Gửi báo cáo trước ngày 20/01/2025")


def test_table_of_tasks():
    body = ("III. NHIỆM VỤ CỤ THỂ\n"
            "STT | Nội dung công việc | Cơ quan chủ trì | Thời gian hoàn thành\n"
            "1 | Tổ chức hội nghị quán triệt | Ban Tuyên giáo Tỉnh ủy | Quý I/2025\n"
            "2 | Xây dựng cơ sở dữ liệu cán bộ | Ban Tổ chức Tỉnh ủy | Trước 30/6/2025\n"
            "3 | Sơ kết thực hiện | Văn phòng Tỉnh ủy | Năm 2026\n"
            "4 | Tuyên truyền thường xuyên | Báo Phú Yên | Thường xuyên\n")
    found = [(d.task, d.responsible, d.due, d.quote) for d in deadlines(body)]
    assert found == [
        ("Tổ chức hội nghị quán triệt", "Ban Tuyên giáo Tỉnh ủy", "2025-03-31", "Quý I/2025"),
        ("Xây dựng cơ sở dữ liệu cán bộ", "Ban Tổ chức Tỉnh ủy", "2025-06-30", "Trước 30/6/2025"),
        ("Sơ kết thực hiện", "Văn phòng Tỉnh ủy", "2026-12-31", "Năm 2026"),
    ]


def test_table_without_header_needs_a_month_or_finer():
    body = ("I. NHIỆM VỤ\n"
            "1 | Kiện toàn ban chỉ đạo | Sở Nội vụ | Tháng 3/2025\n"
            "2 | Chỉ tiêu tăng trưởng | 7% | năm 2025\n")
    found = [(d.task, d.responsible, d.due) for d in deadlines(body)]
    assert found == [("Kiện toàn ban chỉ đạo", "Sở Nội vụ", "2025-03-31")]


def test_a_limit_closes_its_own_clause_and_names_its_own_body():
    """In "A does x; B does y before <date>", the date is B's limit for y."""
    [d] = deadlines("I. NHIỆM VỤ\n- Ban Thường vụ Tỉnh ủy tổ chức hội nghị quán triệt; Văn phòng Tỉnh ủy "
                    "hoàn thiện báo cáo, gửi Ban Bí thư trước ngày 30/6/2025.")
    assert (d.task, d.responsible) == ("Văn phòng Tỉnh ủy hoàn thiện báo cáo, gửi Ban Bí thư",
                                       "Văn phòng Tỉnh ủy")
    [d] = deadlines("I. NHIỆM VỤ\n- Ủy ban nhân dân tỉnh chỉ đạo nâng cấp đê trước mùa mưa bão; rà soát "
                    "phương án sơ tán dân, xong trước ngày 30/5/2025.")
    assert (d.task, d.responsible) == ("rà soát phương án sơ tán dân", "Ủy ban nhân dân tỉnh")


def test_what_a_body_acts_on_is_not_part_of_its_name():
    [d] = deadlines("II. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành căn cứ Kế hoạch này xây dựng kế hoạch "
                    "cụ thể, hoàn thành trước ngày 30/3/2025.")
    assert d.responsible == "Các sở, ban, ngành"


def test_an_item_s_labelled_lines_give_its_body_and_leave_its_task() -> None:
    found = deadlines("I. NỘI DUNG\n1. Tổ chức hội thảo khoa học về lịch sử Đảng bộ tỉnh.\n"
                      "- Cơ quan chủ trì: Ban Tuyên giáo Tỉnh ủy.\n- Thời gian: Tháng 6/2025.\n"
                      "2. Xuất bản ấn phẩm tuyên truyền.\n- Thời gian hoàn thành: trước ngày 15/7/2025.\n")
    assert [(d.due, d.task, d.responsible) for d in found] == [
        ("2025-06-30", "Tổ chức hội thảo khoa học về lịch sử Đảng bộ tỉnh", "Ban Tuyên giáo Tỉnh ủy"),
        ("2025-07-15", "Xuất bản ấn phẩm tuyên truyền", None)]


def test_the_end_of_a_task_s_period_is_its_limit() -> None:
    [d] = deadlines("I. NHIỆM VỤ\n- Các huyện ủy tổ chức tuyên truyền trên hệ thống loa truyền thanh cơ sở "
                    "từ ngày 01/5 đến ngày 30/6/2025.")
    assert (d.due, d.task) == ("2025-06-30", "Các huyện ủy tổ chức tuyên truyền trên hệ thống loa "
                                             "truyền thanh cơ sở")


def test_two_dated_clauses_of_one_item_are_two_tasks_of_one_body():
    """"sơ kết ... trước ngày 30/6/2025; tổng kết trước 31/12": each clause is its own task, and
    the second takes the body the item names first."""
    ds = deadlines("5. Các cơ quan, đơn vị sơ kết 6 tháng thực hiện Chỉ thị trước ngày 30/6/2025; "
                   "tổng kết trước 31/12.")
    assert [(d.due, d.task, d.responsible) for d in ds] == [
        ("2025-06-30", "Các cơ quan, đơn vị sơ kết 6 tháng thực hiện Chỉ thị", "Các cơ quan, đơn vị"),
        ("2025-12-31", "tổng kết", "Các cơ quan, đơn vị")]


def test_a_period_whose_year_is_written_once_gives_only_its_end():
    """"từ tháng 10 đến tháng 12/2025": the month opening the period is no limit of its own."""
    found = deadlines("1. Tổ chức tập huấn cho nhân viên y tế.\n"
                      "Thời gian thực hiện: từ tháng 10 đến tháng 12/2025.")
    assert [d.due for d in found] == ["2025-12-31"]


def test_a_day_and_month_in_words_without_ngay():
    """"trước 30 tháng 11 năm 2025": the day is written without the word "ngày"."""
    found = deadlines("1. Công an tỉnh chủ trì tổng kiểm tra an toàn phòng cháy; "
                      "hoàn thành trước 15 tháng 11 năm 2025.")
    assert [(d.due, d.task) for d in found] == [
        ("2025-11-15", "Công an tỉnh chủ trì tổng kiểm tra an toàn phòng cháy")]


def test_a_limit_counted_from_the_signing_day():
    """"trong vòng 30 ngày kể từ ngày ký" ends 30 days after the document's own date; "có hiệu
    lực kể từ ngày ký" and a limit counted from another event give no date."""
    found = deadlines("1. Ủy ban nhân dân xã xây dựng kế hoạch thực hiện, hoàn thành trong vòng 30 ngày "
                      "kể từ ngày ký.\n2. Kế hoạch này có hiệu lực kể từ ngày ký.\n"
                      "3. Các xã báo cáo trong thời hạn 10 ngày kể từ ngày nhận được văn bản.")
    assert [(d.due, d.task) for d in found] == [
        ("2025-02-09", "Ủy ban nhân dân xã xây dựng kế hoạch thực hiện")]


@pytest.mark.parametrize("cell, due", [
    ("Quý III, IV/2025", "2025-12-31"),        # several quarters, the year once: the last one
    ("Tháng 7-8/2025", "2025-08-31"),          # several months
    ("Quý I và II năm 2025", "2025-06-30"),
])
def test_a_list_of_quarters_or_months_ends_with_the_last(cell, due):
    [d] = deadlines(f"I. NHIỆM VỤ\n1. Tổ chức kiểm tra chéo giữa các đơn vị.\n- Thời gian: {cell}.")
    assert d.due == due


def test_the_time_label_without_its_colon_is_not_the_task():
    [d] = deadlines("I. NHIỆM VỤ\n1. Ban Dân vận Tỉnh ủy chủ trì tổ chức Hội nghị sơ kết; "
                    "thời gian hoàn thành trong Quý II/2025.")
    assert (d.due, d.task) == ("2025-06-30", "Ban Dân vận Tỉnh ủy chủ trì tổ chức Hội nghị sơ kết")


def test_two_limits_joined_by_a_comma_or_and_are_two_tasks():
    """The second limit's task starts after the first limit; the first's task does not run on."""
    ds = deadlines("I. NHIỆM VỤ\n1. Tổ chức đại hội điểm xong trước 30/4/2025, hoàn thành đại hội "
                   "toàn tỉnh trước 30/6/2025.\n2. Các huyện báo cáo kết quả về Ban Tổ chức Tỉnh ủy "
                   "trước ngày 20/6/2025 và trước ngày 20/12/2025.")
    assert [(d.due, d.task) for d in ds] == [
        ("2025-04-30", "Tổ chức đại hội điểm"),
        ("2025-06-30", "hoàn thành đại hội toàn tỉnh"),
        ("2025-06-20", "Các huyện báo cáo kết quả về Ban Tổ chức Tỉnh ủy"),
        ("2025-12-20", "Các huyện báo cáo kết quả về Ban Tổ chức Tỉnh ủy")]


def test_an_item_label_is_not_the_sentence_before_a_time_line():
    """"3. Thời gian hoàn thành: ..." alone: the task is not "3"."""
    [d] = deadlines("I. NHIỆM VỤ\n3. Thời gian hoàn thành: 31/12/2025 đối với việc lắp đặt thiết bị "
                    "báo cháy tại các chợ.")
    assert d.due == "2025-12-31" and "lắp đặt thiết bị báo cháy" in d.task
