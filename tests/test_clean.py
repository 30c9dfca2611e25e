"""clean_text: debris removal and paragraph re-joining, on documents written in the seeds' style
(other provinces, other layouts), on the seeds themselves, and on hypothesis-generated junk."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.read.clean import clean_text, glue
from nghiquyet.text import normalise

# A People's Council resolution from another province, as a Word→text export leaves it:
# alignment tabs, bookmarks, bold marks, and page breaks that cut paragraphs and a symbol.
EXPORTED = """\
\t HỘI ĐỒNG NHÂN DÂN\t\t CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\t TỈNH QUẢNG TRỊ
Số: 12/NQ-HĐND\t\t\tQuảng Trị, ngày 10 tháng 7 năm 2023

**NGHỊ QUYẾT
Về kế hoạch phát triển kinh tế - xã hội
giai đoạn 2023 - 2025**

[bookmark: _Hlk1234]Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; căn cứ Nghị quyết số 26-NQ/TW ngày 03/11/2022 của Bộ Chính trị; xét Tờ trình số 88/TTr-UBND của Ủy ban nhân dân tỉnh;

Điều 1. Mục tiêu

1. Phấn đấu tốc độ tăng trưởng GRDP bình quân đạt 7,5 - 8%/năm; thu ngân sách nhà nước trên địa bàn đến năm 2025 đạt 5.000 tỷ đồng, tạo điều

kiện cho các nhà đầu tư triển khai dự án theo Kết luận số 15-

KL/TU và Quyết định số 1737/QĐ-TTg.

2. Thực hiện tốt các chính sách an sinh xã hội cho 3 huyện miền núi¹, chăm lo đời sống

¹ Gồm các huyện Hướng Hóa, Đakrông và Cam Lộ.

đồng bào dân tộc thiểu số; tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.

a) Về kinh tế: tăng trưởng đạt khá.
b) Về xã hội: giảm nghèo bền vững.
- Các sở, ngành:
- các huyện, thị xã.

Nơi nhận:
- Thường trực Tỉnh ủy,
- các sở, ban, ngành;
- Lưu VT.
\tCHỦ TỊCH
"""


@pytest.fixture(scope="module")
def cleaned() -> str:
    return clean_text(normalise(EXPORTED))


def test_debris_is_gone(cleaned: str) -> None:
    assert "[bookmark" not in cleaned and "**" not in cleaned and "\t" not in cleaned
    assert "  " not in cleaned
    assert all(line == line.strip() for line in cleaned.split("\n"))


def test_page_break_inside_a_sentence_is_rejoined(cleaned: str) -> None:
    assert "đạt 5.000 tỷ đồng, tạo điều kiện cho các nhà đầu tư" in cleaned


def test_symbol_cut_at_its_hyphen_is_rejoined(cleaned: str) -> None:
    assert "theo Kết luận số 15-KL/TU và Quyết định số 1737/QĐ-TTg." in cleaned


def test_footnote_dropped_into_a_paragraph_moves_after_it(cleaned: str) -> None:
    lines = cleaned.split("\n")
    para = next(i for i, line in enumerate(lines) if line.startswith("2. Thực hiện"))
    assert lines[para].endswith("chăm lo đời sống đồng bào dân tộc thiểu số; "
                                "tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.")
    note = lines.index("¹ Gồm các huyện Hướng Hóa, Đakrông và Cam Lộ.")
    assert note > para


def test_header_block_and_title_lines_stay_separate(cleaned: str) -> None:
    lines = cleaned.split("\n")
    assert "Về kế hoạch phát triển kinh tế - xã hội" in lines
    assert "giai đoạn 2023 - 2025" in lines            # lower-case start, but a title line
    assert "HỘI ĐỒNG NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in lines


def test_items_and_recipients_stay_separate(cleaned: str) -> None:
    lines = cleaned.split("\n")
    for line in ("a) Về kinh tế: tăng trưởng đạt khá.", "b) Về xã hội: giảm nghèo bền vững.",
                 "- các huyện, thị xã.", "Nơi nhận:", "- các sở, ban, ngành;", "CHỦ TỊCH"):
        assert line in lines


def test_sentence_end_stops_joining() -> None:
    text = "I. NHIỆM VỤ\n\nHoàn thành kế hoạch năm 2024.\n\nngày 15 hằng tháng báo cáo."
    assert clean_text(text).split("\n\n")[1:] == ["Hoàn thành kế hoạch năm 2024.",
                                                  "ngày 15 hằng tháng báo cáo."]


def test_table_rows_are_never_joined() -> None:
    text = ("I. CHỈ TIÊU\nSTT | Chỉ tiêu | Đơn vị | Kế hoạch\n"
            "1 | Tốc độ tăng trưởng GRDP | % | 7\n"
            "2 | thu ngân sách | tỷ đồng | 5.000")
    assert clean_text(text).count("\n") == 3


@pytest.mark.parametrize(("a", "b", "joined"), [
    ("phát triển dịch vụ logis-", "tics và cảng biển", "phát triển dịch vụ logistics và cảng biển"),
    ("các tổ chức chính trị-", "xã hội cấp tỉnh", "các tổ chức chính trị-xã hội cấp tỉnh"),
    ("phát triển kinh tế -", "xã hội bền vững", "phát triển kinh tế - xã hội bền vững"),
    ("theo Nghị quyết số 05 -", "NQ/TU ngày 22/10/2021", "theo Nghị quyết số 05 -NQ/TU ngày 22/10/2021"),
])
def test_line_end_hyphens(a: str, b: str, joined: str) -> None:
    cut, sep = glue(a, b)
    assert (a[:-cut] if cut else a) + sep + b == joined


def _letters_digits(text: str) -> Counter[str]:
    return Counter(c for c in text if c.isalnum())


def test_seeds_keep_every_letter_and_lose_only_page_breaks(seeds_dir) -> None:
    """Cleaning the seeds drops only debris; every joined line was a broken paragraph."""
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = normalise(path.read_text(encoding="utf-8-sig"))
        cleaned = clean_text(raw)
        without_debris = re.sub(r"\[bookmark:[^\]]*\]", "", raw)
        assert _letters_digits(cleaned) == _letters_digits(without_debris), path.name
        assert clean_text(cleaned) == cleaned, path.name
        # No body line is left that plainly continues the line before it.
        lines = [line for line in cleaned.split("\n") if line]
        start = next(i for i, line in enumerate(lines) if len(line) > 150)
        end = next((i for i, line in enumerate(lines) if line.startswith("Nơi nhận")), len(lines))
        broken = [(a[-30:], b[:30]) for a, b in zip(lines[start:end], lines[start + 1:end])
                  if glue(a, b) is not None]
        assert broken == [], path.name
        # Joining never makes a heading or a list item disappear.
        for marker in (r"^[IVX]+\. ", r"^\d+\. ", r"^- "):
            assert (len(re.findall(marker, cleaned, re.M))
                    == len(re.findall(marker, "\n".join(l.strip() for l in without_debris
                                                        .replace("**", "").split("\n")), re.M))
                    ), (path.name, marker)


# --- properties ------------------------------------------------------------------------------
_PIECES = st.sampled_from([
    "Nghị quyết số 08-", "NQ/TU", "tạo điều", "kiện cho", "¹ Chú thích.", "¹", "²", "- ", "* ",
    "a) ", "1. ", "I. MỤC TIÊU", "Nơi nhận:", "**", "__", "*", "_", "[bookmark: _Hlk1]",
    "[bookmark:", "]", "\n", "\n\n", "\t", "  ", " ", "đạt 7,3%.", "logis-", "tics", "-",
    "CỦA BAN", "về", " | ", "17.900", "Đ", "ư", "x" * 160, "\r\n", "\f",
])
_JUNK = st.one_of(
    st.lists(_PIECES, max_size=40).map("".join),
    st.text(max_size=300),
    st.text(alphabet="ab¹ -*_\n\t.:|Đđ08[]", max_size=200),
)


@settings(max_examples=400, deadline=None)
@given(_JUNK)
def test_clean_never_raises_and_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=400, deadline=None)
@given(_JUNK)
def test_clean_never_loses_a_letter_or_digit(text: str) -> None:
    """Only whitespace and markup debris go; letters and digits are all kept (maybe moved)."""
    expected = _letters_digits(re.sub(r"\[bookmark:[^\]\n]*\]", "", text))
    assert _letters_digits(clean_text(text)) == expected
