"""Units: every vocabulary family is recognised after a number and normalised."""
from __future__ import annotations

import pytest

from nghiquyet.extract import vocab
from nghiquyet.extract.units import match_unit


def _unit(text):
    m = match_unit(text, 0)
    return (m.unit, m.family) if m else None


def test_every_count_and_measure_entry_is_recognised():
    data = vocab.load("units")
    for family, key in (("count", "counts"), ("measure", "measures")):
        for word in data[key]:
            assert _unit(" " + word) == (word.lower(), family), word


def test_every_currency_spelling_is_recognised_with_each_scale():
    data = vocab.load("units")
    for scale in data["money"]["scales"]:
        for spelling, canonical in data["money"]["currencies"].items():
            assert _unit(f" {scale} {spelling}") == (f"{scale} {canonical}".lower()
                                                     if canonical != "USD" else f"{scale} USD",
                                                     "money"), (scale, spelling)


def test_every_per_part_is_normalised():
    for spelling, canonical in vocab.load("units")["per"].items():
        assert _unit(f" tỷ đồng/{spelling}") == (f"tỷ đồng/{canonical}", "money"), spelling


@pytest.mark.parametrize("text, expected", [
    ("%", ("%", "percent")),
    (" %/năm", ("%/năm", "percent")),
    (" lần", ("lần", "multiplier")),
    (" Tỷ đồng", ("tỷ đồng", "money")),
    (" tỷ đô la Mỹ", ("tỷ USD", "money")),
    (" giường bệnh / 1 vạn dân", ("giường bệnh/vạn dân", "count")),
])
def test_spellings(text, expected):
    assert _unit(text) == expected


@pytest.mark.parametrize("text", [" hội nghị", "kV", " hành lang", " năm", " đại biểu"])
def test_words_that_are_not_units(text):
    assert _unit(text) is None


def test_the_first_letter_dispatch_sees_every_letter_re_would_match():
    # match_unit picks a cut of the unit regex by the lower-cased character after the number.
    # re's case-insensitive matching pairs a few more letters (re._casefix: "ſ" with "s") and
    # takes "İ" for "i"; match_unit sends those to the whole regex. A vocabulary word starting
    # with another such letter would need it added there.
    from re import _casefix

    from nghiquyet.extract import units
    firsts = set(units._by_first())
    paired = {chr(v) for k, vs in _casefix._EXTRA_CASES.items() if chr(k) in firsts for v in vs}
    assert paired <= set("İıſ")

    def whole(text):                     # match_unit as it was, with the whole regex
        m = units._tables()[0].match(text, 1)
        return m and units.UnitMatch(*units._spelled(m["base"], m["per"]), m.end())

    for text in ("5 ſản phẩm", "5 İ", "5 ı", "5 sản phẩm", "5 %", "5 Đồng"):
        assert match_unit(text, 1) == whole(text)
    assert match_unit("5 ſản phẩm", 1) is not None     # "ſ" is read as "s", as re reads it
