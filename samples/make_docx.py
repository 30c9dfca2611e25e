"""Write `07_kh_ubnd_quang_tri.docx`: a People's Committee plan with tables, as Word files are made.

    python samples/make_docx.py [OUT_DIR]      (default: the folder of this script)

The plan implements action programme 15-CTr/TU (sample 01) and sits beside the district plan
(sample 02) in the same cascade. Real Word documents from provincial offices are laid out this
way: the header (issuer | national motto, number | place and date) is a borderless two-column
table, the targets are a table with one column per year, the tasks are a table with the lead
body and the time limit, and "Nơi nhận" sits beside the signature in another two-column table.

The output is byte-for-byte reproducible: the core properties and the zip entries carry a fixed
timestamp, so regenerating the file does not change it in git.
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

NAME = "07_kh_ubnd_quang_tri.docx"
STAMP = dt.datetime(2025, 4, 25, 8, 0, 0)

TITLE = ("Thực hiện Chương trình hành động số 15-CTr/TU, ngày 12/3/2025 của Ban Thường vụ Tỉnh ủy "
         "thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, "
         "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia")

PREAMBLE = [
    "Căn cứ Nghị quyết số 03/NQ-CP, ngày 09/01/2025 của Chính phủ ban hành Chương trình hành động "
    "của Chính phủ thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị;",
    "Thực hiện Chương trình hành động số 15-CTr/TU, ngày 12/3/2025 của Ban Thường vụ Tỉnh ủy, "
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
]

PURPOSE = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Cụ thể hóa các chỉ tiêu, nhiệm vụ của Chương trình hành động số 15-CTr/TU thành các nhiệm "
    "vụ cụ thể theo từng năm, giao rõ cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành.",
    "2. Bảo đảm sự phối hợp chặt chẽ giữa các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, "
    "thành phố; huy động sự tham gia của doanh nghiệp, viện nghiên cứu, trường học và người dân.",
    "II. CHỈ TIÊU CHỦ YẾU",
    "Các chỉ tiêu chủ yếu theo từng giai đoạn được xác định tại bảng sau:",
]

# STT, chỉ tiêu, đơn vị tính, năm 2025, năm 2027, năm 2030, cơ quan chủ trì
TARGETS = [
    ("1", "Tỷ trọng kinh tế số trong GRDP", "%", "12", "18", "25", "Sở Khoa học và Công nghệ"),
    ("2", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%", "60", "70", "80",
     "Văn phòng Ủy ban nhân dân tỉnh"),
    ("3", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "%", "20", "30", "40",
     "Sở Khoa học và Công nghệ"),
    ("4", "Số doanh nghiệp công nghệ số", "doanh nghiệp", "170", "220", "300", "Sở Tài chính"),
    ("5", "Chi cho nghiên cứu phát triển (R&D) so với GRDP", "%", "0,6", "1,2", "2",
     "Sở Khoa học và Công nghệ"),
    ("6", "Số nhân lực nghiên cứu khoa học", "người/vạn dân", "5", "7", "10", "Sở Nội vụ"),
    ("7", "Tỷ lệ thôn, bản được phủ sóng di động băng rộng 5G", "%", "40", "70", "100",
     "Sở Khoa học và Công nghệ"),
    ("8", "Doanh thu thương mại điện tử", "tỷ đồng", "2.100", "3.200", "5.500", "Sở Công Thương"),
]

TASKS_INTRO = [
    "III. NHIỆM VỤ, GIẢI PHÁP",
    "Các sở, ban, ngành, địa phương tập trung thực hiện các nhiệm vụ, giải pháp tại Chương trình "
    "hành động số 15-CTr/TU; trong đó các nhiệm vụ trọng tâm được giao như sau:",
]

# STT, nhiệm vụ, chủ trì, phối hợp, thời gian hoàn thành
TASKS = [
    ("1", "Xây dựng, trình ban hành cơ chế hỗ trợ doanh nghiệp đổi mới công nghệ, ứng dụng công nghệ cao",
     "Sở Khoa học và Công nghệ", "Sở Tài chính, Sở Tư pháp", "Quý III/2025"),
    ("2", "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực",
     "Văn phòng Ủy ban nhân dân tỉnh", "Các sở, ngành; UBND cấp huyện", "Tháng 6/2025"),
    ("3", "Triển khai phong trào \"Bình dân học vụ số\" trên địa bàn tỉnh",
     "Sở Khoa học và Công nghệ", "Tỉnh Đoàn, Sở Giáo dục và Đào tạo", "Quý II/2025"),
    ("4", "Ban hành chính sách thu hút chuyên gia, nhà khoa học về làm việc tại tỉnh",
     "Sở Nội vụ", "Sở Khoa học và Công nghệ, Sở Tài chính", "Quý IV/2025"),
    ("5", "Đưa Trung tâm dữ liệu tỉnh vào vận hành",
     "Sở Khoa học và Công nghệ", "Công an tỉnh, Văn phòng UBND tỉnh", "Tháng 12/2025"),
]

CLOSING = [
    "IV. KINH PHÍ THỰC HIỆN",
    "Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước theo phân cấp hiện hành, lồng ghép "
    "các chương trình mục tiêu quốc gia và nguồn xã hội hóa; tổng kinh phí dự kiến giai đoạn 2025 - 2030 "
    "khoảng 1.200 tỷ đồng.",
    "V. TỔ CHỨC THỰC HIỆN",
    "1. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ "
    "xây dựng kế hoạch chi tiết, tổ chức thực hiện có hiệu quả các nhiệm vụ được giao.",
    "2. Sở Khoa học và Công nghệ chủ trì theo dõi, đôn đốc, tổng hợp tình hình thực hiện; tham mưu "
    "Ủy ban nhân dân tỉnh sơ kết 1 năm thực hiện Kế hoạch trước ngày 31/3/2026.",
    "Trong quá trình triển khai, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Ủy ban nhân "
    "dân tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, giải quyết./.",
]

RECIPIENTS = [
    "Thường trực Tỉnh ủy (b/c);",
    "Thường trực HĐND tỉnh;",
    "Chủ tịch, các PCT UBND tỉnh;",
    "Các sở, ban, ngành cấp tỉnh;",
    "UBND các huyện, thị xã, thành phố;",
    "Lưu: VT, KGVX.",
]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Lê Đức Tiến"]


def _cell_lines(cell, lines: list[str], *, bold: bool = False, center: bool = True) -> None:
    """Fill a table cell with one paragraph per line."""
    cell.paragraphs[0].text = ""
    for i, line in enumerate(lines):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = para.add_run(line)
        run.bold = bold
        if center:
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _grid(doc, header: tuple[str, ...], rows: list[tuple[str, ...]]):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        _cell_lines(cell, [text], bold=True)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    return table


def build() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    head = doc.add_table(rows=2, cols=2)           # borderless: the default table style
    _cell_lines(head.cell(0, 0), ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"], bold=True)
    _cell_lines(head.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                bold=True)
    _cell_lines(head.cell(1, 0), ["Số: 120/KH-UBND"])
    _cell_lines(head.cell(1, 1), ["Quảng Trị, ngày 25 tháng 4 năm 2025"])

    for text, bold in (("KẾ HOẠCH", True), (TITLE, True)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    for text in PREAMBLE + PURPOSE:
        doc.add_paragraph(text)
    _grid(doc, ("STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2027", "Năm 2030", "Cơ quan chủ trì"),
          TARGETS)
    for text in TASKS_INTRO:
        doc.add_paragraph(text)
    _grid(doc, ("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"), TASKS)
    for text in CLOSING:
        doc.add_paragraph(text)

    sign = doc.add_table(rows=1, cols=2)
    _cell_lines(sign.cell(0, 0), ["Nơi nhận:"] + [f"- {r}" for r in RECIPIENTS], center=False)
    _cell_lines(sign.cell(0, 1), SIGNATURE, bold=True)

    props = doc.core_properties
    props.author = "UBND tỉnh Quảng Trị"
    props.title = "Kế hoạch thực hiện Chương trình hành động số 15-CTr/TU"
    props.created = props.modified = STAMP
    props.last_modified_by = "UBND tỉnh Quảng Trị"
    props.revision = 1
    return doc


def reproducible_bytes(doc: Document) -> bytes:
    """Save, then rewrite the zip with fixed entry times so the same input gives the same bytes."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=STAMP.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else Path(__file__).resolve().parent
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / NAME
    path.write_bytes(reproducible_bytes(build()))
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
