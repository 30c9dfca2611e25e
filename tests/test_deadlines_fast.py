"""The str shortcuts of `deadlines_dates` give their regex's answer on any text.

`sentence_breaks` finds `_SENTENCE`'s matches from the marks they follow, `_has_year` finds
`_HAS_YEAR`'s from str.find: these properties pin both to the patterns they stand for,
including on the characters where str methods and `re` could disagree (other blanks and digits)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract.deadlines_dates import _HAS_YEAR, _SENTENCE, _has_year, sentence_breaks

TEXT = st.lists(st.sampled_from(
    list(".!?;:,- (*\t\u00a0\u2028\x1cAaĐđỸ12905٣") + ["  ", ". ", "20", "19", "21", "2025", ".  B",
                                                     "Quý II", "\u0661\u0669"]),
    max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_sentence_breaks_are_the_pattern_matches(text):
    sentence_breaks.cache_clear()
    assert sentence_breaks(text) == tuple((m.start(), m.end()) for m in _SENTENCE.finditer(text))


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_has_year_answers_like_the_pattern(text):
    assert _has_year(text) == bool(_HAS_YEAR.search(text))


@settings(max_examples=1000, deadline=None)
@given(TEXT)
def test_day_slash_month_answers_like_the_loop(text):
    from nghiquyet.extract.deadlines_dates import _day_slash_month
    for t in (text, text.replace(" ", "/"), text.replace("-", "/")):
        assert _day_slash_month(t) == _day_slash_month_slow(t)


def _day_slash_month_slow(text: str) -> bool:
    """`_day_slash_month`'s rule as a loop over the "/" (the oracle; the product uses a regex)."""
    i = text.find("/")
    while i >= 0:
        if 0 < i < len(text) - 1 and text[i + 1].isdecimal() and text[i - 1].isdecimal():
            return True
        i = text.find("/", i + 1)
    return False


# The verbs' patterns without the lookahead on their first letters: the oracles.
_VERB_TEXT = st.lists(st.sampled_from(
    list(" ,.;(\u00a0KkſSİıĐđ") + ["hoàn thành", "HOÀN  THÀNH", "xong", "Xong", "tổ chức", "Tổ Chức",
                                 "trình", "rà soát", "đưa vào", "Đưa vào", "ký kết", "\u212aý kết",
                                 "ſơ kết", "gửi", "nộp", "khởi công", "kiểm tra", "sửa đổi", "hoànthành",
                                 "phát động", "tham mưu", "quán triệt", "bổ sung", "xây dựng", "báo cáo"]),
    max_size=12).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_VERB_TEXT)
def test_the_verbs_lookaheads_change_no_answer(text):
    import re

    from nghiquyet.extract.deadlines_dates import _DONE, _TASK_VERB
    for pattern, guard in ((_TASK_VERB, "(?=[hxtbgnsqprkđ])"), (_DONE, "(?=[hx])")):
        assert guard in pattern.pattern
        plain = re.compile(pattern.pattern.replace(guard, "", 1), pattern.flags)
        assert bool(pattern.search(text)) == bool(plain.search(text))
