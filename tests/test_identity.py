"""Identity (extract/identity.py): symbol, place and date, kind, issuer, title, signer, recipients."""
from __future__ import annotations

import pytest

from nghiquyet.extract import extract_text
from nghiquyet.extract.issuer import official_case


def ident(text: str):
    return extract_text(text).document


@pytest.mark.parametrize("line, symbol", [
    ("Số 62 -KH/TU", "62-KH/TU"),
    ("Số: 25/NQ-CP", "25/NQ-CP"),
    ("Số: 123/2024/NQ-HĐND", "123/2024/NQ-HĐND"),
    ("Số:45/QĐ-UBND", "45/QĐ-UBND"),
    ("Số 1386 - CTr/TU", "1386-CTr/TU"),
    ("Số: 1730/QĐ-UBND.KT", "1730/QĐ-UBND.KT"),      # an office's section after a dot
])
def test_symbol_from_header(line, symbol):
    doc = ident(f"TỈNH ỦY NGHỆ AN\n{line}\nĐẢNG CỘNG SẢN VIỆT NAM\nKẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n")
    assert doc.symbol == symbol


def test_no_symbol_is_not_invented():
    doc = ident("KẾ HOẠCH\nThực hiện Nghị quyết số 26-NQ/TW\n\nI. MỤC ĐÍCH\nSố 5 đơn vị.\n")
    assert doc.symbol is None and doc.date is None and doc.place is None
    assert doc.kind == "ke_hoach"


def test_blank_draft_number_gives_none():
    doc = ident("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố:      /KH-UBND\nBắc Ninh, ngày   tháng   năm 2025\n"
                "KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n")
    assert doc.symbol is None and doc.date is None


@pytest.mark.parametrize("line, place, date", [
    ("Hà Tĩnh, ngày 23 tháng 12 năm 2021", "Hà Tĩnh", "2021-12-23"),
    ("Quảng Trị, ngày 05/3/2024", "Quảng Trị", "2024-03-05"),
    ("Thành phố Hồ Chí Minh, ngày 1 tháng 7 năm 2025", "Thành phố Hồ Chí Minh", "2025-07-01"),
    ("Số: 55/KH-UBND Đắk Lắk, ngày 05 tháng 3 năm 2024", "Đắk Lắk", "2024-03-05"),
    ("ĐẢNG CỘNG SẢN VIỆT NAM Vinh, ngày 9 tháng 9 năm 2023", "Vinh", "2023-09-09"),
    ("Số: 12/KH-UBND TP. Hồ Chí Minh, ngày 05 tháng 7 năm 2024", "TP. Hồ Chí Minh", "2024-07-05"),
    ("TX. Hồng Lĩnh, ngày 2/1/2025", "TX. Hồng Lĩnh", "2025-01-02"),
])
def test_place_and_date(line, place, date):
    doc = ident(f"TỈNH ỦY NGHỆ AN\n{line}\nKẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n")
    assert (doc.place, doc.date) == (place, date)


def test_kind_from_symbol_when_no_title_line():
    doc = ident("ỦY BAN NHÂN DÂN TỈNH\nSố: 77/BC-UBND\nNội dung báo cáo.\n")
    assert doc.kind == "bao_cao"


def test_kind_other_when_nothing_says():
    assert ident("Một đoạn văn bản không có tiêu đề.").kind == "other"


@pytest.mark.parametrize("text, issuer", [
    # the title names it
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG\nCỦA BAN THƯỜNG VỤ THÀNH ỦY\nThực hiện Nghị quyết\n\nI. MỤC ĐÍCH\n",
     "Ban Thường vụ Thành ủy"),
    ("NGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ 12 BAN CHẤP HÀNH ĐẢNG BỘ TỈNH KHÓA XX\nVề nhiệm vụ năm 2025\n\nI. KẾT QUẢ\n",
     "Ban Chấp hành Đảng bộ tỉnh"),
    # the preamble's subject of "ban hành"
    ("KẾ HOẠCH\nthực hiện Kết luận\n\nThực hiện Kết luận số 14-KL/TW của Bộ Chính trị, Ban Thường vụ "
     "Huyện ủy Yên Thành ban hành kế hoạch như sau:\nI. MỤC ĐÍCH\n", "Ban Thường vụ Huyện ủy Yên Thành"),
    # a decision's authority line
    ("QUYẾT ĐỊNH\nVề việc phê duyệt đề án\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\nCăn cứ Luật;\n"
     "QUYẾT ĐỊNH:\nĐiều 1. Phê duyệt\n", "Ủy ban nhân dân tỉnh Ninh Bình"),
    # header and signature
    ("TỈNH ỦY HÀ NAM\nSố 10-CT/TU\nCHỈ THỊ\nvề công tác cán bộ\nI. NỘI DUNG\nabc\n"
     "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nLê Thị Thủy\n", "Ban Thường vụ Tỉnh ủy Hà Nam"),
    ("UBND TỈNH NGHỆ AN\nSỞ TÀI CHÍNH\nSố: 9/BC-STC\nBÁO CÁO\nTình hình thu chi\n1. Thu\n",
     "Sở Tài chính"),
    # the parent party organisation above the committee is not the issuer
    ("ĐẢNG BỘ TỈNH QUẢNG NGÃI\nHUYỆN ỦY SƠN TỊNH\n*\nSố 120-KH/HU\nKẾ HOẠCH\nthực hiện Chỉ thị\n"
     "I. MỤC ĐÍCH\nabc\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn Bảy\n", "Ban Thường vụ Huyện ủy Sơn Tịnh"),
    ("ĐẢNG BỘ TỈNH NGHỆ AN\nĐẢNG ỦY XÃ DIỄN KIM\n*\nSố 12-NQ/ĐU\nNGHỊ QUYẾT\nvề nhiệm vụ năm 2024\n"
     "I. KẾT QUẢ\nabc\nT/M ĐẢNG ỦY\nBÍ THƯ\nNguyễn Văn Bảy\n", "Đảng ủy xã Diễn Kim"),
])
def test_issuer(text, issuer):
    assert ident(text).issuer == issuer


def test_title_joins_kind_and_title_lines():
    doc = ident("KẾ HOẠCH\nTổ chức quán triệt Nghị quyết 05-NQ/TU,\nNghị quyết  06-NQ/TU\ncủa Tỉnh ủy\n\n"
                "Để triển khai thực hiện, Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert doc.title == "KẾ HOẠCH Tổ chức quán triệt Nghị quyết 05-NQ/TU, Nghị quyết 06-NQ/TU của Tỉnh ủy"


@pytest.mark.parametrize("tail, name, position, behalf", [
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn Thắng", "Nguyễn Văn Thắng", "PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ"),
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n", None, "PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ"),
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nHồ An Phong", "Hồ An Phong", "PHÓ CHỦ TỊCH",
     "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
    ("T/M TỈNH ỦY BÍ THƯ\nHoàng Trung Dũng", "Hoàng Trung Dũng", "BÍ THƯ", "T/M TỈNH ỦY"),
    ("CHỦ TỊCH\n\nNguyễn Đăng Quang", "Nguyễn Đăng Quang", "CHỦ TỊCH", None),
    ("T/M ĐOÀN CHỦ TỊCH\nPhan Việt Cường", "Phan Việt Cường", None, "T/M ĐOÀN CHỦ TỊCH"),
    ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nY Biêr Niê", "Y Biêr Niê", "BÍ THƯ", "T/M BAN THƯỜNG VỤ"),   # Ê Đê
    # "Đồng chí" / "Đ/c" (comrade) before the name is a courtesy, not part of it
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐồng chí Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH"),
    ("T/M ĐẢNG ỦY\nBÍ THƯ\nĐ/c Lê Thị Mai", "Lê Thị Mai", "BÍ THƯ", "T/M ĐẢNG ỦY"),
    ("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nđ/c. Trần Văn An", "Trần Văn An", "PHÓ BÍ THƯ", "T/M BAN THƯỜNG VỤ"),
])
def test_signer(tail, name, position, behalf):
    doc = ident(f"KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:\n- Như trên,\n- Lưu VT.\n{tail}\n")
    assert (doc.signer.name, doc.signer.position, doc.signer.on_behalf_of) == (name, position, behalf)


def test_recipients_without_dashes_and_wrapped_lines():
    doc = ident("KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:\n- Bộ Chính trị, Ban Bí thư,\n"
                "- Các ban Đảng, Ủy ban Kiểm tra,\nVăn phòng Trung ương Đảng,\n- Lưu VT.\n"
                "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nTrần Văn Hai\n")
    assert doc.recipients == ["Bộ Chính trị, Ban Bí thư,", "Các ban Đảng, Ủy ban Kiểm tra,",
                              "Văn phòng Trung ương Đảng,", "Lưu VT."]


def test_recipients_on_the_same_line_as_the_label():
    doc = ident("QUYẾT ĐỊNH\nabc\nĐiều 1. Nội dung\nNơi nhận: - Như Điều 1;\n- Lưu: VT.\nCHỦ TỊCH\nLê Văn Năm\n")
    assert doc.recipients == ["Như Điều 1;", "Lưu: VT."]


@pytest.mark.parametrize("upper, official", [
    ("BAN THƯỜNG VỤ HUYỆN ỦY THẠCH HÀ", "Ban Thường vụ Huyện ủy Thạch Hà"),
    ("HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "Hội đồng nhân dân thành phố Hải Phòng"),
    ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy khối các cơ quan tỉnh"),
    ("UỶ BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"),
])
def test_official_case(upper, official):
    assert official_case(upper) == official


def test_a_decision_s_authority_line_takes_the_place_from_the_header():
    """"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" names the body; the header says which province's."""
    doc = ident("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 88/QĐ-UBND\nLạng Sơn, ngày 02 tháng 3 năm 2025\n\n"
                "QUYẾT ĐỊNH\nPhê duyệt Kế hoạch phát triển lâm nghiệp\n\n"
                "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Lâm nghiệp ngày 15/11/2017;\n\n"
                "QUYẾT ĐỊNH:\n\nĐiều 1. Phê duyệt Kế hoạch.\n")
    assert (doc.kind, doc.issuer) == ("quyet_dinh", "Ủy ban nhân dân tỉnh Lạng Sơn")


def test_a_party_committee_s_department_named_in_the_preamble_is_the_issuer():
    doc = ident("TỈNH ỦY THANH HÓA\nBAN TUYÊN GIÁO\n*\nSố 120-KH/BTGTU\nThanh Hóa, ngày 03 tháng 4 năm 2025\n\n"
                "KẾ HOẠCH\ntuyên truyền kỷ niệm ngày thành lập Đảng bộ tỉnh\n\nThực hiện Công văn số "
                "2150/UBND-VX ngày 25/3/2025 của Ủy ban nhân dân tỉnh, Ban Tuyên giáo Tỉnh ủy xây dựng "
                "kế hoạch như sau:\n\nI. NỘI DUNG\n1. Tổ chức hội thảo.\n")
    # the header names the same board with its province, as "ỦY BAN NHÂN DÂN / TỈNH X" does
    assert doc.issuer == "Ban Tuyên giáo Tỉnh ủy Thanh Hóa"


def test_a_committee_s_board_in_the_header_with_the_date_beside_it():
    """"TỈNH ỦY X / BAN TỔ CHỨC Quảng Trị, ngày ...": the columns joined on one line hid the
    board, and the committee alone was taken for the issuer."""
    doc = ident("TỈNH ỦY QUẢNG TRỊ    ĐẢNG CỘNG SẢN VIỆT NAM\nBAN TỔ CHỨC    Quảng Trị, ngày 06 tháng 01 năm "
                "2026\n*\nSố 05-HD/BTCTU\n\nHƯỚNG DẪN\nđánh giá chất lượng đảng viên\n\n"
                "1. Thời gian thực hiện\nXong trước ngày 15/12/2026.\n")
    assert (doc.symbol, doc.place, doc.date, doc.issuer) == (
        "05-HD/BTCTU", "Quảng Trị", "2026-01-06", "Ban Tổ chức Tỉnh ủy Quảng Trị")


def test_a_body_heard_at_a_meeting_is_not_the_issuer():
    """A notice of conclusions: "Sau khi nghe Sở Tài chính báo cáo" names who reported, and
    "Chủ tịch UBND tỉnh kết luận" the body, which the header names with its province."""
    doc = ident("ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 45/TB-UBND\nBình Định, ngày 10 tháng 5 năm 2026\n\n"
                "THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về giải ngân vốn\n\n"
                "Ngày 08/5/2026, Chủ tịch UBND tỉnh chủ trì cuộc họp. Sau khi nghe Sở Tài chính báo cáo "
                "và ý kiến các đại biểu, Chủ tịch UBND tỉnh kết luận như sau:\n\n"
                "1. Giao các chủ đầu tư đẩy nhanh tiến độ giải ngân.\n")
    assert (doc.kind, doc.issuer) == ("thong_bao", "Ủy ban nhân dân tỉnh Bình Định")


@pytest.mark.parametrize("tail, name, position", [
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNGUYỄN VĂN BÌNH", "Nguyễn Văn Bình", "PHÓ GIÁM ĐỐC"),
    # a second title under the position is no name
    ("TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN\n\nBÍ THƯ TỈNH ỦY\nTrần Văn Minh", "Trần Văn Minh", "TRƯỞNG BAN BÍ THƯ TỈNH ỦY"),
])
def test_signer_name_typed_in_capitals(tail, name, position):
    doc = ident(f"KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:\n- Như trên,\n- Lưu VT.\n{tail}\n")
    assert (doc.signer.name, doc.signer.position) == (name, position)


def test_an_official_letter_is_issued_by_its_header_not_by_the_head_it_signs_for():
    """A công văn has no title line, only "V/v ..."; "KT. GIÁM ĐỐC" names a person, not a body."""
    doc = ident("UBND TỈNH QUẢNG NGÃI\nSỞ Y TẾ\nSố: 1520/SYT-NVY\nQuảng Ngãi, ngày 09 tháng 9 năm 2025\n"
                "V/v triển khai kế hoạch phòng, chống dịch\n\nKính gửi: Các bệnh viện tuyến tỉnh.\n\n"
                "Sở Y tế đề nghị các đơn vị rà soát nhân lực.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
                "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn Bình\n")
    assert (doc.kind, doc.symbol, doc.issuer, doc.place) == ("other", "1520/SYT-NVY", "Sở Y tế", "Quảng Ngãi")


@pytest.mark.parametrize("line, place, date", [
    ("Bà Rịa - Vũng Tàu, ngày 05 tháng 3 năm 2024", "Bà Rịa - Vũng Tàu", "2024-03-05"),
    ("Phan Rang - Tháp Chàm, ngày 12/8/2024", "Phan Rang - Tháp Chàm", "2024-08-12"),
    ("Độc lập - Tự do - Hạnh phúc Hà Nội, ngày 05 tháng 3 năm 2024", "Hà Nội", "2024-03-05"),
    ("Hà Tĩnh ngày 05 tháng 3 năm 2024", "Hà Tĩnh", "2024-03-05"),          # the comma lost
    ("Hà Tĩnh, ngày     tháng     năm 2026", "Hà Tĩnh", None),               # an unsigned copy
    ("Huế, ngày ... tháng ... năm 2026", "Huế", None),
])
def test_place_with_a_dash_a_lost_comma_or_a_blank_day(line, place, date):
    doc = ident(f"TỈNH ỦY NGHỆ AN\n{line}\nKẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n")
    assert (doc.place, doc.date) == (place, date)


def test_signed_mark_before_the_name_on_its_line():
    doc = ident("KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:\n- Như trên,\n- Lưu VT.\n"
                "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nĐã ký: Nguyễn Văn Phúc\n")
    assert (doc.signer.name, doc.signer.position) == ("Nguyễn Văn Phúc", "BÍ THƯ")


@pytest.mark.parametrize("stamp", [
    "Ký bởi: Văn phòng Tỉnh ủy\nNgày ký: 03-12-2025 09:15:20 +07:00",
    "Người ký: Ủy ban nhân dân tỉnh\nThời gian ký: 03.12.2025 09:15:20 +07:00",
])
def test_a_digital_signature_stamp_does_not_date_the_document(stamp):
    """A PDF copy from a portal carries the signature's stamp above the header."""
    doc = ident(f"{stamp}\nĐẢNG BỘ TỈNH NGHỆ AN\nĐẢNG ỦY XÃ ĐÔ LƯƠNG\n*\nSố 15-NQ/ĐU\n"
                "Đô Lương, ngày 20 tháng 8 năm 2025\n\nNGHỊ QUYẾT\nvề nông nghiệp\n\nI. TÌNH HÌNH\nabc\n")
    assert (doc.symbol, doc.place, doc.date) == ("15-NQ/ĐU", "Đô Lương", "2025-08-20")


def test_a_date_line_wrapped_before_its_year():
    """A narrow right column wraps "Hà Tĩnh, ngày 23 tháng 12" and puts "năm 2021" below."""
    doc = ident("TỈNH ỦY HÀ TĨNH\nSố 62-KH/TU\nHà Tĩnh, ngày 23 tháng 12\nnăm 2021\n\nKẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n")
    assert (doc.place, doc.date) == ("Hà Tĩnh", "2021-12-23")


def test_a_title_ends_where_dashed_grounds_begin():
    """A Party "Quy định" lists its grounds with dashes; they ran into the title."""
    doc = ident("TỈNH ỦY LẠNG SƠN\nSố 12-QĐi/TU\n\nQUY ĐỊNH\nvề trách nhiệm của người đứng đầu\n"
                "- Căn cứ Điều lệ Đảng;\n- Xét đề nghị của Ban Nội chính Tỉnh ủy,\n\n"
                "Ban Thường vụ Tỉnh ủy quy định như sau:\n\nĐiều 1. Phạm vi điều chỉnh\n")
    assert doc.title == "QUY ĐỊNH về trách nhiệm của người đứng đầu"


def test_a_meeting_that_heard_a_report_is_not_cut_at_the_report():
    """"Ban Thường vụ ... họp nghe báo cáo": "báo cáo" was taken for the issuing verb, and
    "họp nghe" for part of the body's name."""
    doc = ident("ĐẢNG ỦY PHƯỜNG THUẬN HÓA\nSố 45-TB/ĐU\nThuận Hóa, ngày 25 tháng 8 năm 2025\n\nTHÔNG BÁO\n"
                "kết luận về công tác chuẩn bị Đại hội\n\nNgày 22/8/2025, Ban Thường vụ Đảng ủy phường họp "
                "nghe báo cáo tiến độ. Ban Thường vụ Đảng ủy phường kết luận như sau:\n\n1. Hoàn thiện văn kiện.\n")
    assert doc.issuer == "Ban Thường vụ Đảng ủy phường"
