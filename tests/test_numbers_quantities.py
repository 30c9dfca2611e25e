"""The fast paths of `figures_quantities.quantities` answer what its plain rules answer.

Rankings are matched only where an opening word stands, not tried at every character:
random lower-cased texts built from the words of `_RANK` go through both ways.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import figures_quantities as fq

_PIECES = ["nhóm", "top", "tốp", "xếp", "đứng", "vị trí", "xếp hạng", "thứ", "đầu", "dẫn đầu", "tỉnh",
           "nhóm ", "top ", "tốp dẫn đầu ", "xếp thứ ", "đứng thứ ", "vị trí thứ ", "xếp vị trí thứ ",
           "địa phương", "cả nước", "toàn quốc", "xã", "8", "20", "1234", "/63", "/", " ", "  ", "\n",
           ",", "stop", "x", "nhómnhóm"]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=2), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_ranks_are_what_the_rank_regex_finds(text: str) -> None:
    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    assert spans(fq._ranks(text)) == spans(fq._RANK.finditer(text))


def test_a_ranking_and_a_group_named_in_a_paragraph() -> None:
    text = "Phấn đấu nằm trong nhóm 20 tỉnh dẫn đầu, xếp thứ 8/63; nhóm giải pháp thứ 2, vị trí thứ 3"
    got = [(q.value, q.planned, q.unit) for q in fq.quantities(text, text.lower(), True)]
    assert got == [(20.0, None, "thứ hạng"), (8.0, 63.0, "thứ hạng"), (3.0, None, "thứ hạng")]


_BEFORE = ["thứ", "lần thứ", "khóa", "khoá", "số", "Số", "loại", "mạch", "Đề án", "đề án", "Đề  án", "năm",
           "Năm", "tháng", "ngày", "Quý", "điều", "Khoản", "mục", "đạt", "khoảng", "án", "Đề", "n", " ", "  ",
           "\t", "\n", "x", "5"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_BEFORE) | st.text(max_size=2), max_size=8).map("".join), st.integers(0, 40))
def test_ordinal_before_is_what_its_regex_says(text: str, i: int) -> None:
    from nghiquyet.extract.numbers import _ORDINAL_BEFORE, _ordinal_before

    i = min(i, len(text))
    assert _ordinal_before(text, i) == bool(_ORDINAL_BEFORE.search(text[max(0, i - 12):i]))
