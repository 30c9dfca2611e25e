"""Outline (extract/outline.py): zones, nesting by label order, paths, horizons, footnotes."""
from __future__ import annotations

from nghiquyet.extract.footnotes import blank_calls
from nghiquyet.extract.outline import parse, title_kind

PLAN = """\
HUYỆN ỦY KỲ ANH
*
Số 12-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Kỳ Anh, ngày 02 tháng 4 năm 2024

KẾ HOẠCH
thực hiện chương trình chuyển đổi số
của Ban Thường vụ Huyện ủy

Thực hiện Nghị quyết số 05-NQ/TU của Tỉnh ủy, Ban Thường vụ Huyện ủy ban hành kế hoạch như sau:

I. MỤC TIÊU
1. Mục tiêu chung
Phát triển chính quyền số.
2. Chỉ tiêu cụ thể đến năm 2025
- 100% hồ sơ công việc cấp huyện được xử lý trên môi trường mạng¹.
2.1. Cấp huyện
a) Hoàn thành kho dữ liệu
b) Kết nối liên thông
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng Huyện ủy theo dõi, đôn đốc.

¹ Trừ hồ sơ mật.

Nơi nhận:
- Ban Thường vụ Tỉnh ủy,
- Lưu VP.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Nguyễn Văn An
"""


def test_zones_in_reading_order():
    layout = parse(PLAN)
    zones = [p.zone for p in layout.paragraphs]
    order = [z for i, z in enumerate(zones) if i == 0 or zones[i - 1] != z]
    assert order == ["head", "title", "preamble", "body", "tail"]
    assert layout.kind == "ke_hoach"
    assert [p.text for p in layout.zone("title")] == [
        "KẾ HOẠCH", "thực hiện chương trình chuyển đổi số", "của Ban Thường vụ Huyện ủy"]


def test_header_and_tail_open_no_sections():
    layout = parse(PLAN)
    labels = [s.label for s in layout.sections]
    assert labels == ["I", "1", "2", "2.1", "a", "b", "II", "1"]
    for p in layout.paragraphs:
        if p.zone in ("head", "tail"):
            assert p.section is None and not p.is_heading


def test_paths_and_horizon():
    layout = parse(PLAN)
    bullet = next(p for p in layout.paragraphs if p.bullet == "-" and p.zone == "body")
    assert layout.path(bullet.section) == "I. MỤC TIÊU › 2. Chỉ tiêu cụ thể đến năm 2025"
    assert layout.horizon(bullet.section) == 2025
    item = next(p for p in layout.paragraphs if p.text.startswith("a)"))
    assert layout.path(item.section) == ("I. MỤC TIÊU › 2. Chỉ tiêu cụ thể đến năm 2025 › "
                                         "2.1. Cấp huyện › a. Hoàn thành kho dữ liệu")
    assert layout.horizon(item.section) == 2025
    assert [s.level for s in layout.sections[:5]] == [0, 1, 1, 2, 3]


def test_spans_point_into_the_text():
    layout = parse(PLAN)
    assert len(layout.plain_text) == len(layout.text) and layout.plain_text != layout.text
    for p in layout.paragraphs:
        # paragraphs read the text with footnote calls blanked ("mạng¹." → "mạng ."), same offsets
        assert layout.plain_text[p.span[0]:p.span[1]] == p.text
        assert blank_calls(layout.text[p.span[0]:p.span[1]]) == p.text
    for s in layout.sections:
        assert layout.text[s.span[0]:s.span[1]].startswith(s.label)


def test_footnote_attached_where_called():
    layout = parse(PLAN)
    [note] = layout.footnotes
    assert note.mark == "1" and note.text == "Trừ hồ sơ mật."
    assert PLAN[note.called_at] == "¹"
    assert note.section == "I. MỤC TIÊU › 2. Chỉ tiêu cụ thể đến năm 2025"


def test_footnotes_numbered_ten_and_above_keep_their_number():
    text = ("BÁO CÁO\nI. KẾT QUẢ\nThu ngân sách đạt 17.900 tỷ đồng¹⁰, hộ nghèo còn 2,4%¹¹; "
            "doanh nghiệp mới 1.200¹.\n¹ Theo Sở Kế hoạch.\n¹⁰ Trong đó thu nội địa 12.000 tỷ đồng.\n"
            "¹¹ Theo chuẩn nghèo đa chiều.\n")
    notes = {n.mark: n for n in parse(text).footnotes}
    assert sorted(notes) == ["1", "10", "11"]
    assert notes["10"].text == "Trong đó thu nội địa 12.000 tỷ đồng."
    assert text[notes["10"].called_at:notes["10"].called_at + 2] == "¹⁰"
    assert text[notes["11"].called_at:notes["11"].called_at + 2] == "¹¹"
    assert text[notes["1"].called_at - 5:notes["1"].called_at] == "1.200"     # not inside ¹⁰ or ¹¹


def test_articles_nest_clauses_and_points():
    text = ("QUYẾT ĐỊNH\nVề việc ban hành quy chế\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành quy chế\nĐiều 2. Trách nhiệm\n1. Sở Nội vụ\na) Hướng dẫn\n"
            "2. Sở Tài chính\nĐiều 3. Hiệu lực\n")
    layout = parse(text)
    titles = [(s.label, layout.sections[s.parent].label if s.parent is not None else None)
              for s in layout.sections]
    assert titles == [("Điều 1", None), ("Điều 2", None), ("1", "Điều 2"), ("a", "1"),
                      ("2", "Điều 2"), ("Điều 3", None)]
    assert [p.zone for p in layout.paragraphs[:5]] == ["title", "title", "preamble", "preamble", "body"]


def test_numbered_outline_without_roman_parts_or_title():
    layout = parse("1. Mục tiêu\n1.1. Kinh tế\n- tăng trưởng\n2. Giải pháp\n")
    assert [(s.label, s.level) for s in layout.sections] == [("1", 0), ("1.1", 1), ("2", 0)]
    assert layout.title_start is None


def test_annex_after_signature_gets_its_own_outline():
    text = ("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\nĐiều 1. Ban hành Kế hoạch\n"
            "Nơi nhận:\n- Như Điều 1;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình\n"
            "KẾ HOẠCH\n(Kèm theo Quyết định số 10/QĐ-UBND)\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức\n")
    layout = parse(text)
    assert [s.label for s in layout.sections] == ["Điều 1", "I", "1"]
    assert layout.sections[1].parent is None
    assert [p.zone for p in layout.paragraphs if p.text.startswith(("Nơi", "TM.", "Lê"))] == ["tail"] * 3


def test_joined_signature_line_still_closes_the_body():
    layout = parse("KẾ HOẠCH\nabc\nI. MỤC TIÊU\nNội dung.\nT/M BAN THƯỜNG VỤ PHÓ BÍ THƯ\nTrần Văn Ba\n")
    assert layout.paragraphs[-2].zone == "tail"


def test_title_kind_needs_upper_case_words():
    assert title_kind("THÔNG BÁO") == "thong_bao"
    assert title_kind("ĐỀ ÁN phát triển") == "de_an"
    assert title_kind("Chương trình hành động") is None
    assert title_kind("CHƯƠNG TRÌNHX") is None


def test_an_appendix_after_the_signature_is_read_as_body():
    """"PHỤ LỤC" after the closing block: its title lines, then its table as body (its tasks
    were in the tail, and lost)."""
    layout = parse("KẾ HOẠCH\nthử\nI. NỘI DUNG\nTiến độ tại Phụ lục.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Văn A\n"
                   "Nơi nhận:\n- Lưu VT.\nPHỤ LỤC\nTIẾN ĐỘ TỔ CHỨC ĐẠI HỘI\n(Kèm theo Kế hoạch số 15-KH/HU)\n"
                   "TT | Nội dung | Thời gian\n1 | Tổ chức đại hội điểm | Trước 30/4/2025")
    zones = [(p.text[:12], p.zone) for p in layout.paragraphs]
    assert zones[-6:] == [("- Lưu VT.", "tail"), ("PHỤ LỤC", "title"), ("TIẾN ĐỘ TỔ C", "title"),
                          ("(Kèm theo Kế", "title"), ("TT | Nội dun", "body"), ("1 | Tổ chức ", "body")]


def test_an_upper_case_list_after_the_signature_is_an_appendix():
    layout = parse("KẾ HOẠCH\nthử\nI. NỘI DUNG\nNội dung.\nNơi nhận:\n- Lưu VT.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
                   "Lê Văn A\nDANH MỤC NHIỆM VỤ CỤ THỂ\nTT | Nội dung | Thời gian\n1 | Sơ kết | Quý II/2025")
    assert [p.zone for p in layout.paragraphs[-3:]] == ["title", "body", "body"]
