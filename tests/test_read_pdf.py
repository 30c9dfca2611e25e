"""Reading text PDFs that the tests write with fpdf2 (DejaVu Sans, which has every Vietnamese
glyph): running headers and page numbers dropped, wrapped lines joined, a paragraph across a
page break, a scanned page, an encrypted and a broken file."""
from __future__ import annotations

from pathlib import Path

import pytest

from fpdf import FPDF  # fpdf2, a dev dependency, writes the test PDFs

from nghiquyet.read import ReadError, read_file  # noqa: E402
from nghiquyet.read.pdf import NO_TEXT  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
if not FONT.exists():   # Debian's fonts-dejavu-core, installed by scripts/browser.sh
    pytest.fail(f"{FONT} is missing: run scripts/browser.sh install (fonts-dejavu-core)",
                pytrace=False)

SENTENCE = ("Năm 2024, tổng sản phẩm trên địa bàn tỉnh ước đạt 7,1%, thu ngân sách nhà nước "
            "ước đạt 9.800 tỷ đồng, tỷ lệ hộ nghèo giảm còn 2,9%, giải quyết việc làm cho "
            "32.000 lao động. ")


class Plan(FPDF):
    """An A4 resolution with a running header and a centred page number, as offices print."""

    def header(self) -> None:
        if self.page_no() > 1:
            self.set_font("DejaVu", size=9)
            self.cell(0, 5, "TỈNH ỦY THANH HÓA - Nghị quyết số 88-NQ/TU",
                      new_x="LMARGIN", new_y="NEXT", align="C")
            self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", size=9)
        self.cell(0, 10, f"- {self.page_no()} -", align="C")


def new_pdf() -> Plan:
    pdf = Plan(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    return pdf


def write(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")


@pytest.fixture(scope="module")
def resolution_pdf(tmp_path_factory) -> Path:
    pdf = new_pdf()
    write(pdf, "TỈNH ỦY THANH HÓA\nSố 88-NQ/TU\n\nNGHỊ QUYẾT\n"
               "về nhiệm vụ phát triển kinh tế - xã hội năm 2025\n")
    write(pdf, "I. KẾT QUẢ NĂM 2024")
    write(pdf, SENTENCE * 9)                         # a long paragraph, wrapped many times
    write(pdf, "II. MỤC TIÊU NĂM 2025")
    write(pdf, "1. Chỉ tiêu chủ yếu")
    for i in range(1, 16):
        write(pdf, f"- Chỉ tiêu {i}: tỷ lệ xã đạt chuẩn nông thôn mới nâng cao đạt trên {40 + i}%.")
    write(pdf, "2. Nhiệm vụ")
    write(pdf, SENTENCE * 12)                        # crosses the page break
    write(pdf, "Phát triển dịch vụ logis-\ntics gắn với cảng biển Nghi Sơn.")
    write(pdf, "Nơi nhận:\n- Ban Thường vụ Tỉnh ủy,\n- Lưu Văn phòng Tỉnh ủy.")
    path = tmp_path_factory.mktemp("pdf") / "nghi-quyet.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def resolution_lines(resolution_pdf: Path) -> list[str]:
    doc = read_file(resolution_pdf)
    assert (doc.file_type, doc.encoding, doc.warnings) == ("pdf", None, [])
    return [line for line in doc.text.split("\n") if line]


def test_the_pdf_really_has_several_pages(resolution_pdf: Path) -> None:
    from pypdf import PdfReader
    assert len(PdfReader(resolution_pdf).pages) >= 3


def test_running_header_and_page_numbers_are_dropped(resolution_lines: list[str]) -> None:
    assert not any("Nghị quyết số 88-NQ/TU" in line for line in resolution_lines)
    assert not any(line.startswith("- ") and line.strip("- ").isdigit() for line in resolution_lines)
    assert resolution_lines[0] == "TỈNH ỦY THANH HÓA"            # the real header stays


def test_wrapped_paragraphs_are_joined(resolution_lines: list[str]) -> None:
    assert (SENTENCE * 9).strip() in resolution_lines
    assert (SENTENCE * 12).strip() in resolution_lines            # across the page break


def test_headings_items_and_header_lines_stay_apart(resolution_lines: list[str]) -> None:
    for line in ("Số 88-NQ/TU", "NGHỊ QUYẾT", "về nhiệm vụ phát triển kinh tế - xã hội năm 2025",
                 "I. KẾT QUẢ NĂM 2024", "II. MỤC TIÊU NĂM 2025", "1. Chỉ tiêu chủ yếu",
                 "2. Nhiệm vụ", "Nơi nhận:", "- Ban Thường vụ Tỉnh ủy,"):
        assert line in resolution_lines
    items = [line for line in resolution_lines if line.startswith("- Chỉ tiêu")]
    assert items == [f"- Chỉ tiêu {i}: tỷ lệ xã đạt chuẩn nông thôn mới nâng cao đạt trên {40 + i}%."
                     for i in range(1, 16)]           # none taken for a running line


def test_line_end_hyphenation_is_removed(resolution_lines: list[str]) -> None:
    assert "Phát triển dịch vụ logistics gắn với cảng biển Nghi Sơn." in resolution_lines


def test_legacy_text_layer_is_converted(tmp_path) -> None:
    """A .VnTime PDF's text layer holds TCVN3 bytes as Latin-1 letters."""
    pdf = new_pdf()
    write(pdf, "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\n"
               "C¨n cø NghÞ ®Þnh sè 30/2020/N§-CP ngµy 05 th¸ng 3 n¨m 2020")
    pdf.output(str(tmp_path / "vntime.pdf"))
    doc = read_file(tmp_path / "vntime.pdf")
    assert doc.encoding == "tcvn3"
    assert doc.text.split("\n") == ["Cộng hoà xã hội chủ nghĩa Việt Nam",
                                    "Độc lập - Tự do - Hạnh phúc",
                                    "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"]


def test_scanned_pdf_has_no_text_layer(tmp_path) -> None:
    from PIL import Image
    scan = tmp_path / "trang.png"
    Image.new("L", (600, 800), 255).save(scan)
    pdf = FPDF(format="A4")
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(scan), x=0, y=0, w=210)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(ReadError) as info:
        read_file(tmp_path / "scan.pdf")
    assert info.value.reason == NO_TEXT
    assert str(info.value) == f"{tmp_path / 'scan.pdf'}: {NO_TEXT}"


def test_encrypted_pdf(tmp_path) -> None:
    pdf = new_pdf()
    write(pdf, SENTENCE)
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.output(str(tmp_path / "mat.pdf"))
    with pytest.raises(ReadError) as info:
        read_file(tmp_path / "mat.pdf")
    assert "mã hóa" in info.value.reason


def test_owner_only_encryption_still_reads(tmp_path) -> None:
    """Many official PDFs only forbid editing: the empty user password opens them."""
    pdf = new_pdf()
    write(pdf, SENTENCE)
    pdf.set_encryption(owner_password="chu-so-huu")
    pdf.output(str(tmp_path / "khoa-sua.pdf"))
    assert read_file(tmp_path / "khoa-sua.pdf").text == SENTENCE.strip()


@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj << /Type /Catalog", b"%PDF-1.4\n" + bytes(300)],
                         ids=["truncated", "zeros"])
def test_broken_pdf_gives_one_clear_error(tmp_path, data) -> None:
    path = tmp_path / "hong.pdf"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(info.value).startswith(f"{path}: ") and "PDF" in info.value.reason


def test_pdf_suffix_without_pdf_content(tmp_path) -> None:
    path = tmp_path / "gia.pdf"
    path.write_text("Kế hoạch số 12", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert "không phải tệp PDF" in info.value.reason


def _two_columns(pdf: FPDF, left: str, right: str, h: float = 6) -> None:
    y = pdf.get_y()
    pdf.set_xy(10, y)
    pdf.cell(80, h, left, align="C")
    pdf.set_xy(95, y)
    pdf.cell(105, h, right, align="C")
    pdf.set_xy(10, y + h)


def test_side_by_side_header_and_signer_blocks_read_column_by_column(tmp_path) -> None:
    """Issuer | motto, symbol | place and date at the top; recipients | signer at the end."""
    pdf = new_pdf()
    _two_columns(pdf, "TỈNH ỦY NGHỆ AN", "ĐẢNG CỘNG SẢN VIỆT NAM")
    _two_columns(pdf, "*", "")
    _two_columns(pdf, "Số 45-KH/TU", "Nghệ An, ngày 12 tháng 3 năm 2024")
    pdf.ln(6)
    pdf.multi_cell(0, 6, "KẾ HOẠCH\nthực hiện Nghị quyết số 39-NQ/TW", align="C",
                   new_x="LMARGIN", new_y="NEXT")
    write(pdf, "I. MỤC TIÊU")
    write(pdf, SENTENCE)
    pdf.ln(6)
    _two_columns(pdf, "Nơi nhận:", "T/M BAN THƯỜNG VỤ")
    _two_columns(pdf, "- Ban Bí thư Trung ương Đảng,", "BÍ THƯ")
    _two_columns(pdf, "- Các ban đảng Tỉnh ủy,", "")
    _two_columns(pdf, "- Lưu Văn phòng Tỉnh ủy.", "")
    _two_columns(pdf, "", "Nguyễn Đức Trung")
    pdf.output(str(tmp_path / "hai-cot.pdf"))
    lines = [line for line in read_file(tmp_path / "hai-cot.pdf").text.split("\n") if line]
    assert lines[:5] == ["TỈNH ỦY NGHỆ AN", "*", "Số 45-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
                         "Nghệ An, ngày 12 tháng 3 năm 2024"]
    assert lines[-7:] == ["Nơi nhận:", "- Ban Bí thư Trung ương Đảng,", "- Các ban đảng Tỉnh ủy,",
                          "- Lưu Văn phòng Tỉnh ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
                          "Nguyễn Đức Trung"]


def test_table_rows_become_cells_joined_by_bars(tmp_path) -> None:
    pdf = new_pdf()
    write(pdf, "II. CHỈ TIÊU CHỦ YẾU")
    with pdf.table(col_widths=(12, 90, 30, 40), first_row_as_headings=False) as table:
        for row in (("STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch 2025"),
                    ("1", "Tốc độ tăng trưởng GRDP", "%", "8,5"),
                    ("2", "Thu ngân sách nhà nước", "tỷ đồng", "25.000")):
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.output(str(tmp_path / "bang.pdf"))
    lines = read_file(tmp_path / "bang.pdf").text.split("\n")
    assert "1 | Tốc độ tăng trưởng GRDP | % | 8,5" in lines
    assert "2 | Thu ngân sách nhà nước | tỷ đồng | 25.000" in lines
