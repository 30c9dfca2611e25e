"""Reading .txt files: every encoding we accept, produced here from one Vietnamese paragraph,
and every kind of bad input, each giving one clear ReadError."""
from __future__ import annotations

import time
import unicodedata
import zipfile
from pathlib import Path

import pytest

from nghiquyet.extract import extract_file
from nghiquyet.read import MAX_BYTES, ReadError, read_file
from nghiquyet.read.clean import clean_text
from nghiquyet.text import normalise

PARAGRAPH = (
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN\n"
    "Số: 45/KH-UBND\n\n"
    "KẾ HOẠCH\n"
    "Thực hiện Nghị quyết số 39-NQ/TU ngày 18/6/2024 của Ban Thường vụ Tỉnh ủy\n\n"
    "I. MỤC TIÊU\n"
    "- Đến năm 2030, tốc độ tăng trưởng GRDP bình quân đạt 8,5%/năm; thu ngân sách đạt "
    "25.000 tỷ đồng; tỷ lệ hộ nghèo giảm còn dưới 2%; có 17 giường bệnh/vạn dân.\n"
    "- Huy động các nguồn lực, ưu tiên đầu tư kết cấu hạ tầng, đường bộ cao tốc Bắc - Nam."
)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: letters with ^ ˘ ̛ precomposed (â ă ơ),
    the five tones as separate combining marks."""
    out: list[str] = []                      # base letter with its shape mark, then tones
    tones: list[str] = []
    for ch in unicodedata.normalize("NFD", text) + " ":
        if unicodedata.combining(ch):
            if ch in "\u0302\u0306\u031b" and out:
                out[-1] = unicodedata.normalize("NFC", out[-1] + ch)
            else:
                tones.append(ch)
            continue
        out.extend(tones)
        tones = []
        out.append(ch)
    return "".join(out[:-1]).encode("cp1258")


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "encoding"), [
    (PARAGRAPH.encode("utf-8"), "utf-8"),
    (PARAGRAPH.encode("utf-8-sig"), "utf-8"),
    (unicodedata.normalize("NFD", PARAGRAPH).encode("utf-8"), "utf-8"),
    (PARAGRAPH.replace("\n", "\r\n").encode("utf-16"), "utf-16"),          # with BOM
    (PARAGRAPH.encode("utf-16-le"), "utf-16"),                              # no BOM
    (PARAGRAPH.encode("utf-16-be"), "utf-16"),
    (to_cp1258(PARAGRAPH), "cp1258"),
], ids=["utf-8", "utf-8-bom", "nfd", "utf-16-bom-crlf", "utf-16-le", "utf-16-be", "cp1258"])
def test_unicode_encodings_read_to_the_same_text(tmp_path, data, encoding) -> None:
    doc = read_file(write(tmp_path, "ke-hoach.txt", data))
    assert (doc.file_type, doc.encoding) == ("txt", encoding)
    assert doc.text == read_file(write(tmp_path, "ref.txt", PARAGRAPH.encode())).text
    assert "tăng trưởng GRDP bình quân đạt 8,5%/năm" in doc.text
    assert unicodedata.is_normalized("NFC", doc.text)


def test_cp1258_bytes_really_use_combining_tones() -> None:
    data = to_cp1258("Nghị quyết")
    assert b"\xf2" in data and b"\xec" in data        # dot below and acute as marks


# TCVN3 (ABC, .VnTime) and VNI-Windows bytes of a plan, as an old Word file saved as text
# would hold them. TCVN3 has no capital accented letters (.VnTimeH draws them from lower case).
TCVN3 = (b"UBND t\xd8nh Qu\xb6ng B\xd7nh\nC\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\n"
         b"S\xe8: 15/KH-UBND\n\nk\xd5 ho\xb9ch\nTh\xf9c hi\xd6n Ngh\xde quy\xd5t s\xe8 12-NQ/TU "
         b"ng\xb5y 05/3/2022 c\xf1a Ban Th\xad\xeang v\xf4 T\xd8nh \xf1y, ph\xcan \xae\xcau \xae\xd5n "
         b"n\xa8m 2025 t\xfb l\xd6 h\xe9 ngh\xcco gi\xb6m c\xdfn d\xad\xedi 3%; thu ng\xa9n s\xb8ch "
         b"\xae\xb9t 7.500 t\xfb \xae\xe5ng.")
VNI = (b"U\xdbY BAN NHA\xc2N DA\xc2N T\xc6NH \xd1A\xc9K LA\xc9K\nCo\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb "
       b"ngh\xf3a Vie\xe4t Nam\nSo\xe1: 27/KH-UBND\n\nKE\xc1 HOA\xcfCH\nTrie\xe5n khai Ngh\xf2 quye\xe1t "
       b"so\xe1 08-NQ/TU nga\xf8y 20/4/2023, pha\xe1n \xf1a\xe1u \xf1e\xe1n na\xeam 2030 ty\xfb le\xe4 che "
       b"phu\xfb r\xf6\xf8ng \xf1a\xeft tre\xe2n 40%; thu nha\xe4p bi\xf8nh qua\xe2n \xf1a\xe0u ng\xf6\xf4\xf8i "
       b"\xf1a\xeft 120 trie\xe4u \xf1o\xe0ng.")


@pytest.mark.parametrize(("data", "encoding", "expected"), [
    (TCVN3, "tcvn3", ["UBND tỉnh Quảng Bình", "Cộng hoà xã hội chủ nghĩa Việt Nam",
                      "Số: 15/KH-UBND", "kế hoạch",
                      "Thực hiện Nghị quyết số 12-NQ/TU ngày 05/3/2022 của Ban Thường vụ Tỉnh ủy, "
                      "phấn đấu đến năm 2025 tỷ lệ hộ nghèo giảm còn dưới 3%; thu ngân sách đạt "
                      "7.500 tỷ đồng."]),
    (VNI, "vni", ["ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", "Cộng hòa xã hội chủ nghĩa Việt Nam",
                  "Số: 27/KH-UBND", "KẾ HOẠCH",
                  "Triển khai Nghị quyết số 08-NQ/TU ngày 20/4/2023, phấn đấu đến năm 2030 tỷ lệ "
                  "che phủ rừng đạt trên 40%; thu nhập bình quân đầu người đạt 120 triệu đồng."]),
], ids=["tcvn3", "vni"])
def test_legacy_encodings_are_detected_and_converted(tmp_path, data, encoding, expected) -> None:
    doc = read_file(write(tmp_path, "cu.txt", data))
    assert doc.encoding == encoding
    assert [line for line in doc.text.split("\n") if line] == expected
    # The same bytes saved through a UTF-8 editor are still recognised.
    again = read_file(write(tmp_path, "cu-utf8.txt", data.decode("latin-1").encode("utf-8")))
    assert (again.encoding, again.text) == (encoding, doc.text)


def test_short_legacy_line_is_still_detected(tmp_path) -> None:
    doc = read_file(write(tmp_path, "ngan.txt", "Uû ban nh©n d©n tØnh §¾k L¾k quyÕt ®Þnh"
                          .encode("latin-1")))
    assert (doc.encoding, doc.text) == ("tcvn3", "Uỷ ban nhân dân tỉnh Đắk Lắk quyết định")


@pytest.mark.parametrize("text", [
    PARAGRAPH,
    "Café ở Hà Nội; São Paulo; Zürich — hội nghị quốc tế năm 2024 về đô thị.",
    "Giá trị đạt 45°, nhiệt độ ±2 °C, tỷ lệ ½ số xã đạt chuẩn © 2024.",
    "Kế hoạch số 62-KH/TU",
    "Die Größe der Städte in Österreich wächst; über fünfzig Prozent leben in Gemeinden.",
    "Le système de santé a été réformé; à côté des hôpitaux, où en sommes-nous? Déjà.",
], ids=["plan", "foreign-names", "symbols", "short", "german", "french"])
def test_unicode_text_is_never_taken_for_legacy(tmp_path, text) -> None:
    doc = read_file(write(tmp_path, "u.txt", text.encode("utf-8")))
    assert doc.encoding == "utf-8"
    assert doc.text == clean_text(normalise(text))        # decoded as is, nothing converted


# --- bad input -----------------------------------------------------------------------------
def _error(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        read_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return info.value.reason


def test_empty_and_blank_files(tmp_path) -> None:
    assert "rỗng" in _error(write(tmp_path, "trong.txt", b""))
    assert "rỗng" in _error(write(tmp_path, "trang.txt", b" \n\t\r\n"))


def test_binary_file_renamed_txt(tmp_path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert "nhị phân" in _error(write(tmp_path, "anh.txt", png))
    no_nul = bytes(b for b in range(1, 256) if b not in b"\t\n\r\f\v") * 8   # no NUL bytes
    assert "nhị phân" in _error(write(tmp_path, "rac.txt", no_nul))


def test_old_word_doc(tmp_path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    reason = _error(write(tmp_path, "ke-hoach.doc", ole))
    assert ".docx" in reason and ".doc" in reason


def test_rtf_and_other_zip_formats(tmp_path) -> None:
    assert "RTF" in _error(write(tmp_path, "a.rtf", b"{\\rtf1\\ansi Ke hoach}"))
    xlsx = tmp_path / "bang.docx"
    with zipfile.ZipFile(xlsx, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "chưa hỗ trợ" in _error(xlsx)


def test_file_over_the_size_cap_is_refused_without_reading(tmp_path) -> None:
    big = tmp_path / "lon.txt"
    with big.open("wb") as f:                 # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    assert "quá lớn" in _error(big)
    assert time.perf_counter() - started < 1.0
    assert MAX_BYTES < 50 * 1024 * 1024


def test_missing_path_and_directory(tmp_path) -> None:
    assert "không tìm thấy" in _error(tmp_path / "khong-co.txt")
    assert "thư mục" in _error(tmp_path)
    link = tmp_path / "gay.txt"
    link.symlink_to(tmp_path / "da-xoa.txt")
    assert "không tìm thấy" in _error(link)


# --- junk ----------------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PREFIXES = [b"", b"PK\x03\x04", b"%PDF-1.4\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe",
             b"\xfe\xff", b"\xef\xbb\xbf", b"{\\rtf1"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(_PREFIXES), body=st.binary(max_size=400),
       suffix=st.sampled_from([".txt", ".docx", ".pdf", ".doc", ""]))
def test_any_bytes_give_text_or_one_read_error(tmp_path, prefix, body, suffix) -> None:
    """Whatever a user's file holds, reading it returns text or raises ReadError: no traceback."""
    path = tmp_path / f"tep{suffix}"
    path.write_bytes(prefix + body)
    try:
        doc = read_file(path)
    except ReadError as e:
        assert str(e).startswith(f"{path}: ") and e.reason
    else:
        assert doc.text.strip() and doc.file_type in ("txt", "docx", "pdf")


def test_a_file_that_grew_since_its_size_was_taken_is_read_whole(tmp_path, monkeypatch) -> None:
    # The file is read in a buffer sized from stat(); text written after that call is still
    # read (up to MAX_BYTES), as when the buffer was MAX_BYTES long.
    path = tmp_path / "grew.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    real_stat = Path.stat

    class Shrunk:                                    # what stat() said before the rest was written
        def __init__(self, st):
            self.st_size, self.st_mode = 10, st.st_mode

    monkeypatch.setattr(Path, "stat", lambda self, **kw: Shrunk(real_stat(self, **kw)))
    assert read_file(path).text == clean_text(normalise(PARAGRAPH))


def test_a_closing_block_laid_out_side_by_side_keeps_its_signer(tmp_path):
    """A .txt copied from a laid-out page: recipients on the left, the signer on the right."""
    path = tmp_path / "nq.txt"
    path.write_text(
        "HỘI ĐỒNG NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH CÀ MAU                             Độc lập - Tự do - Hạnh phúc\n"
        "Số: 10/2024/NQ-HĐND                    Cà Mau, ngày 12 tháng 7 năm 2024\n\n"
        "NGHỊ QUYẾT\nQuy định mức hỗ trợ phát triển sản xuất nông nghiệp\n\n"
        "Điều 1. Phạm vi điều chỉnh.\n\n"
        "Nơi nhận:                                                     CHỦ TỊCH\n"
        "- Ủy ban Thường vụ Quốc hội;\n"
        "- Lưu: VT.                                                     Nguyễn Tiến Hải\n",
        encoding="utf-8")
    doc = extract_file(path).document
    assert (doc.signer.name, doc.signer.position) == ("Nguyễn Tiến Hải", "CHỦ TỊCH")
    assert doc.recipients == ["Ủy ban Thường vụ Quốc hội;", "Lưu: VT."]


def test_grid_pipe_and_tab_tables_become_rows_of_cells(tmp_path):
    """A converter's grid table (a cell wrapped over two lines), a pipe table and a tab-separated
    table all read as one ` | ` line a row, as the .docx reader gives them."""
    p = tmp_path / "bang.txt"
    p.write_text("KẾ HOẠCH\nthử\n\nI. NHIỆM VỤ\n"
                 "+----+----------------+--------+\n| TT | Nội dung       | Thời   |\n"
                 "+====+================+========+\n| 1  | Rà soát an     | Trước  |\n"
                 "|    | toàn thông tin | 30/6   |\n+----+----------------+--------+\n\n"
                 "| TT | Nội dung |\n|---|---|\n| 2 | Tập huấn |\n\n"
                 "3\tSố hóa hồ sơ\tQuý II/2026\n4\tHọp trực tuyến\tTháng 5/2026\n", encoding="utf-8")
    lines = read_file(p).text.split("\n")
    for row in ("TT | Nội dung | Thời", "1 | Rà soát an toàn thông tin | Trước 30/6", "TT | Nội dung",
                "2 | Tập huấn", "3 | Số hóa hồ sơ | Quý II/2026", "4 | Họp trực tuyến | Tháng 5/2026"):
        assert row in lines
    assert not any(line.startswith(("+--", "|---")) for line in lines)


def test_a_closing_block_copied_from_a_word_table_with_tabs(tmp_path):
    """`Nơi nhận:<TAB>T/M BAN THƯỜNG VỤ`: the recipients and the signer stand in two cells."""
    p = tmp_path / "ket.txt"
    p.write_text("KẾ HOẠCH\nthử\n\nI. NHIỆM VỤ\nNội dung.\n\nNơi nhận:\tT/M BAN THƯỜNG VỤ\n"
                 "- Ban Bí thư (b/c),\tPHÓ BÍ THƯ THƯỜNG TRỰC\n- Các huyện ủy,\n- Lưu VPTU.\tHồ Quốc Dũng\n",
                 encoding="utf-8")
    doc = extract_file(p).document
    assert doc.recipients == ["Ban Bí thư (b/c),", "Các huyện ủy,", "Lưu VPTU."]
    assert (doc.signer.name, doc.signer.position) == ("Hồ Quốc Dũng", "PHÓ BÍ THƯ THƯỜNG TRỰC")
