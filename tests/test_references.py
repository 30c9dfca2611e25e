"""References (extract/references.py): symbols, kinds, dates, issuers, groups, merging, implements."""
from __future__ import annotations

import pytest

from nghiquyet.extract import extract_text


def refs(body: str, head: str = "KẾ HOẠCH\nthực hiện nghị quyết\n\n"):
    return {r.symbol: r for r in extract_text(head + "I. NỘI DUNG\n" + body + "\n").references}


@pytest.mark.parametrize("text, symbol, kind, date, issuer", [
    ("Nghị quyết số 26-NQ/TW, ngày 03/11/2022 của Bộ Chính trị về phát triển vùng.",
     "26-NQ/TW", "nghi_quyet", "2022-11-03", "Bộ Chính trị"),
    ("Quyết định số 892/QĐ-TTg ngày 16/7/2022 của Thủ tướng Chính phủ.",
     "892/QĐ-TTg", "quyet_dinh", "2022-07-16", "Thủ tướng Chính phủ"),
    ("Kết luận số 69-KL/TW ngày 22 tháng 10 năm 2021 của Ban Chấp hành Trung ương Đảng khóa XIII về ...",
     "69-KL/TW", "ket_luan", "2021-10-22", "Ban Chấp hành Trung ương Đảng khóa XIII"),
    ("Nghị quyết số 1283/NQ-UBTVQH15, ngày 14/11/2024 của Ủy ban Thường vụ Quốc hội.",
     "1283/NQ-UBTVQH15", "nghi_quyet", "2024-11-14", "Ủy ban Thường vụ Quốc hội"),
    ("Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 về công tác văn thư.",
     "30/2020/NĐ-CP", "nghi_dinh", "2020-03-05", "Chính phủ"),
    ("Luật số 47/2019/QH14 sửa đổi, bổ sung.", "47/2019/QH14", "luat", None, "Quốc hội"),
    ("Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ.",
     "01/2011/TT-BNV", "thong_tu", "2011-01-19", "Bộ Nội vụ"),
    ("Chỉ thị số 04/CT-TTg ngày 07/02/2023 của Thủ tướng Chính phủ.",
     "04/CT-TTg", "chi_thi", "2023-02-07", "Thủ tướng Chính phủ"),
    ("Thông báo số 640-TB/TU, ngày 30/9/2022 của Ban Thường vụ Tỉnh ủy.",
     "640-TB/TU", "thong_bao", "2022-09-30", "Ban Thường vụ Tỉnh ủy"),
    ("Chương trình hành động số 1386-CTr/TU, ngày 18/02/2019 của Ban Chấp hành Đảng bộ tỉnh.",
     "1386-CTr/TU", "chuong_trinh_hanh_dong", "2019-02-18", "Ban Chấp hành Đảng bộ tỉnh"),
    ("Đề án số 03-ĐA/TU của Tỉnh ủy.", "03-ĐA/TU", "de_an", None, "Tỉnh ủy"),
    ("theo văn bản 55/KH-UBND của Ủy ban nhân dân tỉnh Gia Lai.",
     "55/KH-UBND", "ke_hoach", None, "Ủy ban nhân dân tỉnh Gia Lai"),
])
def test_citation_parts(text, symbol, kind, date, issuer):
    r = refs(text)[symbol]
    assert (r.kind, r.date, r.issuer) == (kind, date, issuer)


@pytest.mark.parametrize("written, symbol", [
    ("Nghị quyết số 05 - NQ/TU, ngày 22/10/2021", "05-NQ/TU"),
    ("Nghị quyết số 08-\n\nNQ/TU; Chương trình", "08-NQ/TU"),
    ("Số 62 -KH/TU trong văn bản", "62-KH/TU"),
])
def test_symbols_are_normalised(written, symbol):
    assert symbol in refs(written)


def test_short_back_references_are_not_new_references():
    found = refs("Nghị quyết số 26-NQ/TW của Bộ Chính trị. Quán triệt Nghị quyết số 26 và các nghị quyết "
                 "số 05, 06, 08, 09 của Tỉnh ủy; Đề án 06 và Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX.")
    assert list(found) == ["26-NQ/TW"]


def test_issuer_written_after_a_chain_applies_to_each():
    found = refs("Nghị quyết 05-NQ/TU, Nghị quyết 06-NQ/TU và Nghị quyết 09-NQ/TU của Tỉnh ủy.")
    assert {s: r.issuer for s, r in found.items()} == dict.fromkeys(["05-NQ/TU", "06-NQ/TU", "09-NQ/TU"], "Tỉnh ủy")


def test_issuer_does_not_cross_a_semicolon_or_a_description():
    found = refs("Nghị quyết số 26-NQ/TW; Chương trình hành động số 28-CTr/TU, ngày 05/5/2023 của Ban "
                 "Thường vụ Tỉnh ủy. Chương trình hành động số 26-CTr/TU, ngày 07/02/2023 thực hiện Nghị "
                 "quyết số 29-NQ/TW, ngày 17/11/2022 của Ban Chấp hành Trung ương.")
    assert found["26-NQ/TW"].issuer is None
    assert found["26-CTr/TU"].issuer is None
    assert found["29-NQ/TW"].issuer == "Ban Chấp hành Trung ương"


def test_group_issuer_before_a_list():
    found = refs("Để triển khai các nghị quyết của Ban Chấp hành Đảng bộ tỉnh: Nghị quyết số 05-NQ/TU, "
                 "ngày 22/10/2021 về chuyển đổi số; Nghị quyết số 06-NQ/TU, ngày 18/11/2021 về tích tụ "
                 "ruộng đất. Thông báo số 7-TB/TU đã nêu.")
    assert found["05-NQ/TU"].issuer == found["06-NQ/TU"].issuer == "Ban Chấp hành Đảng bộ tỉnh"
    assert found["06-NQ/TU"].date == "2021-11-18"
    assert found["7-TB/TU"].issuer is None          # the group ended with its sentence


def test_mentions_merge_first_values_seen():
    found = refs("Thực hiện Nghị quyết số 26-NQ/TW. Nội dung Nghị quyết số 26-NQ/TW, ngày 03/11/2022 của "
                 "Bộ Chính trị; Nghị quyết số 26-NQ/TW ngày 04/11/2022 của Quốc hội.")
    r = found["26-NQ/TW"]
    assert (r.date, r.issuer, r.kind) == ("2022-11-03", "Bộ Chính trị", "nghi_quyet")
    assert len(found) == 1


def test_approved_by_names_the_issuer():
    found = refs("Đề án được Ủy ban nhân dân tỉnh phê duyệt tại Quyết định số 123/QĐ-UBND ngày 2/2/2024.")
    assert found["123/QĐ-UBND"].issuer == "Ủy ban nhân dân tỉnh"


def test_own_symbol_is_not_a_reference():
    text = ("TỈNH ỦY HÀ TĨNH\nSố 62-KH/TU\nHà Tĩnh, ngày 23 tháng 12 năm 2021\nKẾ HOẠCH\nhọc tập\n\n"
            "I. NỘI DUNG\nKế hoạch số 62-KH/TU thực hiện Nghị quyết số 05-NQ/TU.\n")
    assert [r.symbol for r in extract_text(text).references] == ["05-NQ/TU"]


def test_implements_in_title_and_preamble_only():
    text = ("KẾ HOẠCH\nThực hiện Nghị quyết số 26-NQ/TW của Bộ Chính trị\n\n"
            "Căn cứ Quy định số 24-QĐ/TW của Ban Chấp hành Trung ương; Để triển khai Chỉ thị số 5-CT/TU, "
            "Ban Thường vụ ban hành kế hoạch như sau:\nI. NỘI DUNG\nThực hiện Kết luận số 14-KL/TW.\n")
    found = {r.symbol: r.implements for r in extract_text(text).references}
    assert found == {"26-NQ/TW": True, "24-QĐ/TW": False, "5-CT/TU": True, "14-KL/TW": False}


def test_quote_and_span_point_at_the_citation():
    result = extract_text("I. NỘI DUNG\nTheo Quyết định số 531/QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ.\n")
    [r] = result.references
    assert r.quote == "Quyết định số 531/QĐ-TTg ngày 01/4/2021 của Thủ tướng Chính phủ"
    assert result.text[r.span[0]:r.span[1]] == r.quote
    assert r.title is None


def test_not_symbols():
    assert refs("Đạt 26/28 chỉ tiêu; ngày 03/11/2022; Covid-19; giai đoạn 2021-2030; 500kV; GRDP/người.") == {}


def test_kind_words_after_a_line_break():
    found = refs("Nghị quyết 05-NQ/TU,\nNghị quyết 06-NQ/TU\ncủa Tỉnh ủy", head="")
    assert found["06-NQ/TU"].quote == "Nghị quyết 06-NQ/TU của Tỉnh ủy"
    assert found["05-NQ/TU"].issuer == "Tỉnh ủy"


def test_subject_ends_with_its_paragraph_and_before_the_issuing_clause():
    """A citation's subject ("về ...") is its title; it stopped neither at the blank line
    after a title nor before "…, Ban Thường vụ Tỉnh ủy ban hành …" in the preamble."""
    head = ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính"
            " trị về phát triển kinh tế tư nhân\n\nThực hiện Nghị quyết số 68-NQ/TW; Nghị quyết số"
            " 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương về tiếp tục xây dựng và phát huy"
            " vai trò của đội ngũ trí thức, Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động"
            " như sau:\n\n")
    found = refs("Tổ chức quán triệt.", head=head)
    assert found["68-NQ/TW"].title == "phát triển kinh tế tư nhân"
    assert found["45-NQ/TW"].title == "tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức"


def test_a_ministry_whose_name_lists_fields_keeps_its_commas():
    refs = extract_text("KẾ HOẠCH\nabc\n\nCăn cứ Thông tư số 04/2024/TT-BVHTTDL ngày 10/5/2024 của Bộ Văn hóa, "
                        "Thể thao và Du lịch; Quyết định số 77/QĐ-BYT của Bộ Y tế, Bộ Tài chính và các "
                        "địa phương;\n").references
    assert [(r.symbol, r.issuer) for r in refs] == [
        ("04/2024/TT-BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"), ("77/QĐ-BYT", "Bộ Y tế")]


def test_a_law_is_named_between_luat_and_its_number():
    r = refs("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15; Luật Hợp tác xã số 17/2023/QH15;"
             " Nghị định số 113/2024/NĐ-CP ngày 12/9/2024 của Chính phủ.")
    assert [(s, x.kind) for s, x in r.items()] == [
        ("72/2025/QH15", "luat"), ("17/2023/QH15", "luat"), ("113/2024/NĐ-CP", "nghi_dinh")]


def test_a_central_symbol_typed_with_tu_for_tw():
    """"26-NQ/TƯ": a typist's Ư (Trung ương) ended the code, and the citation was lost."""
    found = refs("Thực hiện Nghị quyết số 26-NQ/TƯ ngày 03/11/2022 của Bộ Chính trị.")
    assert [(r.symbol, r.kind, r.date) for r in found.values()] == [("26-NQ/TƯ", "nghi_quyet", "2022-11-03")]


def test_a_symbol_with_an_office_section_after_a_dot():
    """"125/UBND-NC.TH": the section after the dot was cut off, and with it the date after it."""
    found = refs("Theo Công văn số 125/UBND-NC.TH ngày 02/10/2025 của Ủy ban nhân dân tỉnh. "
                 "Thực hiện Kế hoạch số 62-KH/TU. Tiếp tục triển khai.")
    assert [(r.symbol, r.date, r.issuer) for r in found.values()] == [
        ("125/UBND-NC.TH", "2025-10-02", "Ủy ban nhân dân tỉnh"), ("62-KH/TU", None, None)]


def test_a_date_after_a_list_of_bare_symbols_dates_each():
    """"các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày ...": only the last got the date, and the
    meeting that issued them was cut to "Hội"."""
    found = refs("Thực hiện các Nghị quyết số 18-NQ/TW, 19-NQ/TW ngày 25/10/2017 của Hội nghị Trung ương 6 "
                 "khóa XII; Nghị quyết số 05-NQ/TU, Nghị quyết số 06-NQ/TU ngày 18/11/2021 của Tỉnh ủy.")
    assert [(s, r.date, r.issuer) for s, r in found.items()] == [
        ("18-NQ/TW", "2017-10-25", "Hội nghị Trung ương 6 khóa XII"),
        ("19-NQ/TW", "2017-10-25", "Hội nghị Trung ương 6 khóa XII"),
        ("05-NQ/TU", None, "Tỉnh ủy"),         # its own kind words: the date may be the last one's only
        ("06-NQ/TU", "2021-11-18", "Tỉnh ủy")]


def test_a_submission_is_issued_by_whoever_proposed_it():
    found = refs("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 03/3/2026.")
    assert (found["45/TTr-SNV"].kind, found["45/TTr-SNV"].issuer) == ("to_trinh", "Giám đốc Sở Nội vụ")
