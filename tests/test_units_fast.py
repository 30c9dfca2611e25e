"""`match_unit`'s remembered lookups answer what the whole unit regex answers.

`match_unit` picks the regex by the first character after the blanks (remembered per character)
and the unit's spelling by the whole text matched (remembered per text). Random texts built
from unit words, blanks, slashes and odd letters go through it twice (the second time every
lookup is remembered) and through the whole regex read as the unit was first read.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import units
from nghiquyet.extract.units import match_unit

_PIECES = ["%", "%/năm", "tỷ", "Tỷ", "TỶ", "triệu", " đồng", "đô la Mỹ", "USD", " lượt khách", "người",
           "/", " / ", "1 vạn dân", "vạn dân", "năm", "giường bệnh", "bác sĩ", "hộ", "hội", "lần", "ha",
           "km", "doanh nghiệp", " ", "  ", "\t", "\n", ",", ".", ";", "x", "İ", "ı", "ſ", "K", "5", "_"]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=2), max_size=8).map("".join)


def _whole(text: str, pos: int):
    m = units._tables()[0].match(text, pos)
    return m and units.UnitMatch(*units._spelled(m["base"], m["per"]), m.end())


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(0, 3))
def test_remembered_lookups_give_what_the_whole_regex_gives(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    first = match_unit(text, pos)
    assert match_unit(text, pos) == first
    assert (first or None) == (_whole(text, pos) or None)


def test_the_memos_stay_small() -> None:
    text = "".join(chr(c) for c in range(0x100, 0x100 + 2 * units._MEMO_SIZE))
    for i in range(len(text)):
        match_unit(text, i)
    assert len(units._cuts) <= units._MEMO_SIZE
    assert match_unit(" " + text[-1] + " tỷ đồng", 0) is None
