"""Reading .docx files that the tests build with python-docx: automatic numbering in four
formats, a table of targets, footnotes, legacy-font runs, and a header that must be ignored."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from nghiquyet.read import ReadError, read_file

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
LIST = 90        # numId and abstractNumId of the outline list the tests define


def add_outline_numbering(document) -> None:
    """A list like official plans use: I. / 1. / a) / bullet (Symbol glyph) / 1.1."""
    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"),
              ("bullet", "\uf02d"), ("decimal", "%2.%5.")]
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{LIST}">'
                                  f"{lvls}</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{LIST}">'
                               f'<w:abstractNumId w:val="{LIST}"/></w:num>'))


def numbered(document, text: str, level: int) -> None:
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{LIST}"/></w:numPr>'))


def add_footnotes(document, notes: dict[int, str]) -> None:
    """python-docx cannot write footnotes: add the part and its relationship by hand."""
    bodies = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
        f"</w:footnote>" for i, text in notes.items())
    xml = (f'<w:footnotes {nsdecls("w")}><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
           f"<w:separator/></w:r></w:p></w:footnote>{bodies}</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_CT, xml.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def call_footnote(paragraph, note_id: int) -> None:
    paragraph.add_run()._r.append(parse_xml(
        f'<w:footnoteReference {nsdecls("w")} w:id="{note_id}"/>'))


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory) -> Path:
    """A district plan in Bình Định's style, with what Word hides from plain text."""
    d = Document()
    d.sections[0].header.paragraphs[0].text = "ĐẦU TRANG LẶP LẠI"
    d.sections[0].footer.paragraphs[0].text = "Chân trang 1"
    add_outline_numbering(d)
    d.add_paragraph("HUYỆN ỦY TUY PHƯỚC")
    d.add_paragraph("Số 17-KH/HU")
    d.add_paragraph("KẾ HOẠCH\nthực hiện Nghị quyết Đại hội Đảng bộ tỉnh")   # a soft line break
    numbered(d, "MỤC TIÊU", 0)
    numbered(d, "Mục tiêu chung", 1)
    numbered(d, "Về kinh tế", 2)
    p = d.add_paragraph("Phát triển 2 khu công nghiệp")
    call_footnote(p, 1)
    p.add_run(" và 3 cụm công nghiệp")
    call_footnote(p, 2)
    p.add_run(" đến năm 2025.")
    numbered(d, "Tốc độ tăng trưởng bình quân đạt 8%/năm", 3)
    numbered(d, "Về xã hội", 2)
    numbered(d, "Chỉ tiêu cụ thể", 1)
    numbered(d, "Chỉ tiêu kinh tế", 4)
    numbered(d, "NHIỆM VỤ, GIẢI PHÁP", 0)
    numbered(d, "Tuyên truyền", 1)
    table = d.add_table(rows=4, cols=4)
    title = table.cell(0, 0).merge(table.cell(0, 3))
    title.text = "Bảng chỉ tiêu chủ yếu"
    for r, row in enumerate([("STT", "Chỉ tiêu", "Đơn vị", "Kế hoạch 2025"),
                             ("1", "Thu ngân sách", "tỷ đồng", "1.250"),
                             ("2", "Tỷ lệ hộ nghèo", "%", "dưới 2")], start=1):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("Nơi nhận:")
    add_footnotes(d, {1: "Khu công nghiệp Phước An và Nhơn Hòa.",
                      2: "Cụm Phước Thắng, Phước Hưng, Phước An."})
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    d.save(path)
    return path


@pytest.fixture(scope="module")
def plan_lines(plan_docx: Path) -> list[str]:
    doc = read_file(plan_docx)
    assert (doc.file_type, doc.encoding, doc.warnings) == ("docx", None, [])
    return [line for line in doc.text.split("\n") if line]


def test_numbering_labels_are_restored(plan_lines: list[str]) -> None:
    labelled = [line for line in plan_lines if line[:3] in ("I. ", "II.", "1. ", "2. ", "a) ",
                                                            "b) ", "- T", "2.1")]
    assert labelled == ["I. MỤC TIÊU", "1. Mục tiêu chung", "a) Về kinh tế",
                        "- Tốc độ tăng trưởng bình quân đạt 8%/năm", "b) Về xã hội",
                        "2. Chỉ tiêu cụ thể", "2.1. Chỉ tiêu kinh tế", "II. NHIỆM VỤ, GIẢI PHÁP",
                        "1. Tuyên truyền"]


def test_body_order_and_soft_breaks(plan_lines: list[str]) -> None:
    assert plan_lines[:4] == ["HUYỆN ỦY TUY PHƯỚC", "Số 17-KH/HU", "KẾ HOẠCH",
                              "thực hiện Nghị quyết Đại hội Đảng bộ tỉnh"]
    assert plan_lines.index("1. Tuyên truyền") < plan_lines.index("Nơi nhận:")


def test_table_rows_become_lines(plan_lines: list[str]) -> None:
    assert "Bảng chỉ tiêu chủ yếu" in plan_lines                 # merged cells: once
    start = plan_lines.index("STT | Chỉ tiêu | Đơn vị | Kế hoạch 2025")
    assert plan_lines[start + 1:start + 3] == ["1 | Thu ngân sách | tỷ đồng | 1.250",
                                              "2 | Tỷ lệ hộ nghèo | % | dưới 2"]


def test_footnotes_called_and_appended(plan_lines: list[str]) -> None:
    assert "Phát triển 2 khu công nghiệp¹ và 3 cụm công nghiệp² đến năm 2025." in plan_lines
    assert plan_lines[-2:] == ["¹ Khu công nghiệp Phước An và Nhơn Hòa.",
                               "² Cụm Phước Thắng, Phước Hưng, Phước An."]


def test_headers_and_footers_are_ignored(plan_lines: list[str]) -> None:
    assert not any("ĐẦU TRANG" in line or "Chân trang" in line for line in plan_lines)


def test_legacy_font_runs_are_converted(tmp_path) -> None:
    d = Document()
    p = d.add_paragraph()
    p.add_run("nghÞ quyÕt").font.name = ".VnTimeH"               # drawn as capitals
    p = d.add_paragraph()
    p.add_run("Céng hoµ x· héi chñ nghÜa ViÖt Nam").font.name = ".VnTime"
    p = d.add_paragraph()
    p.add_run("Theo ").font.name = "Times New Roman"
    p.add_run("UÛy ban nhaân daân tænh").font.name = "VNI-Times"
    p.add_run(" Đắk Lắk, tăng 7,3%.").font.name = "Times New Roman"
    d.save(tmp_path / "cu.docx")
    doc = read_file(tmp_path / "cu.docx")
    assert doc.text.split("\n") == ["NGHỊ QUYẾT", "Cộng hoà xã hội chủ nghĩa Việt Nam",
                                    "Theo Ủy ban nhân dân tỉnh Đắk Lắk, tăng 7,3%."]
    assert doc.encoding == "tcvn3"
    assert any("tcvn3" in w and "vni" in w for w in doc.warnings)


def test_legacy_text_under_a_unicode_font_name(tmp_path) -> None:
    d = Document()
    for line in ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "§éc lËp - Tù do - H¹nh phóc",
                 "C¨n cø NghÞ ®Þnh sè 30/2020/N§-CP ngµy 05 th¸ng 3 n¨m 2020"):
        d.add_paragraph(line)
    d.save(tmp_path / "font-sai.docx")
    doc = read_file(tmp_path / "font-sai.docx")
    assert doc.encoding == "tcvn3"
    assert doc.text.split("\n")[1:] == ["Độc lập - Tự do - Hạnh phúc",
                                        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020"]


def test_docx_is_found_by_content_whatever_its_name(plan_docx: Path, tmp_path) -> None:
    renamed = tmp_path / "tai-lieu.txt"
    renamed.write_bytes(plan_docx.read_bytes())
    assert read_file(renamed).file_type == "docx"


@pytest.mark.parametrize(("name", "make", "words"), [
    ("hong.docx", lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 64), "nén hỏng"),
    ("khong-zip.docx", lambda p: p.write_bytes("Kế hoạch".encode()), "không phải tệp .docx"),
    ("xml-hong.docx", None, "docx"),
])
def test_broken_docx_gives_one_clear_error(tmp_path, name, make, words) -> None:
    path = tmp_path / name
    if make:
        make(path)
    else:
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("[Content_Types].xml", "<Types")
            z.writestr("word/document.xml", "<w:document>không đóng thẻ")
    with pytest.raises(ReadError) as info:
        read_file(path)
    assert str(info.value).startswith(f"{path}: ") and words in info.value.reason


def test_numbering_from_list_styles(tmp_path) -> None:
    """Word's built-in list styles carry their numbering in styles.xml, not in the paragraph."""
    d = Document()
    d.add_paragraph("Các chỉ tiêu chủ yếu:")
    d.add_paragraph("Tốc độ tăng trưởng đạt 8%", style="List Number")
    d.add_paragraph("Thu ngân sách đạt 2.000 tỷ đồng", style="List Number")
    d.add_paragraph("Tỷ lệ che phủ rừng trên 50%", style="List Bullet")
    d.save(tmp_path / "kieu.docx")
    assert read_file(tmp_path / "kieu.docx").text.split("\n") == [
        "Các chỉ tiêu chủ yếu:", "1. Tốc độ tăng trưởng đạt 8%",
        "2. Thu ngân sách đạt 2.000 tỷ đồng", "- Tỷ lệ che phủ rừng trên 50%"]


def test_layout_tables_read_column_by_column(tmp_path) -> None:
    """Offices lay out the header and the signature with borderless two-column tables."""
    d = Document()
    top = d.add_table(rows=2, cols=2)
    top.cell(0, 0).text, top.cell(0, 1).text = "HĐND TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    top.cell(1, 0).text, top.cell(1, 1).text = "Số: 15/NQ-HĐND", "Lâm Đồng, ngày 8 tháng 12 năm 2023"
    d.add_paragraph("NGHỊ QUYẾT")
    d.add_paragraph("Đến năm 2025, tỷ lệ che phủ rừng đạt 55%.")
    end = d.add_table(rows=1, cols=2)
    left, right = end.cell(0, 0), end.cell(0, 1)
    left.text = "Nơi nhận:"
    left.add_paragraph("- Ủy ban Thường vụ Quốc hội;")
    left.add_paragraph("- Lưu: VT.")
    right.text = "CHỦ TỊCH"
    right.add_paragraph("Phạm Thị Phúc")
    d.save(tmp_path / "bang-trinh-bay.docx")
    lines = [line for line in read_file(tmp_path / "bang-trinh-bay.docx").text.split("\n") if line]
    assert lines == ["HĐND TỈNH LÂM ĐỒNG", "Số: 15/NQ-HĐND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Lâm Đồng, ngày 8 tháng 12 năm 2023", "NGHỊ QUYẾT",
                     "Đến năm 2025, tỷ lệ che phủ rừng đạt 55%.", "Nơi nhận:",
                     "- Ủy ban Thường vụ Quốc hội;", "- Lưu: VT.", "CHỦ TỊCH", "Phạm Thị Phúc"]
