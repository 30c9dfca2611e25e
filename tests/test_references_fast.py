"""The fast paths of the references stage answer what the plain rules answered.

The stage skips work where it can prove the answer: a citation's day read by one anchored
pattern instead of `find_dates` over the window after the symbol; a group ("các nghị quyết
của X:") looked for before the colons of the citation's sentence, not in the whole chunk; a
subject read as runs of one character class; the chain between two citations matched in
place instead of sliced out; the kind words before a symbol tried only at the lengths of
the phrases that end with the last word. Each test feeds random
texts built from the pieces the rules care about to both ways and asks for the same answer.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import references as refs
from nghiquyet.extract import references_context as ctx
from nghiquyet.text import squash


def date_after_before(text: str, pos: int) -> tuple[str | None, int]:
    """`references_context.date_after` as it was: `find_dates` over the 40 characters after
    the lead (`day_in_window`, now only its slow way), with no fast path before it."""
    return ctx.day_in_window(text, pos, ctx._LEAD.match(text, pos).end())


# What may follow a symbol: its day in every spelling, and what breaks or imitates one.
_DATE_PIECES = ["ngày ", "Ngày ", "NGÀY ", "ngày", "ngày  ", "03", "3", "31", "02", "12", "7", "0",
                "2022", "1999", "2100", "20225", "1234", "/", "/ ", " /", ".", "-", "–", " ", "   ",
                ",", ", ", "\n", "tháng ", "THÁNG ", " tháng ", "năm ", " năm ", "năm   ", "NĂM ",
                "quý I ", "6 tháng đầu năm ", "của Tỉnh ủy", "İ", "٣", "a"]
_DATE_TEXTS = st.lists(st.sampled_from(_DATE_PIECES) | st.text(max_size=2), max_size=14).map("".join)
# Days nearly right: each part of `ngày 03/11/2022` or `ngày 22 tháng 10 năm 2021` varied.
_SPACES = st.sampled_from(["", " ", "  ", "   ", "\n", "\t"])
_DIGITS = st.sampled_from(["3", "03", "31", "29", "0", "12", "123", "٣", "x"])
_YEARS = st.sampled_from(["2022", "2024", "1900", "2099", "2100", "2200", "202", "20222", "2022/", "2022.5"])
_NEAR_DAYS = st.tuples(
    st.sampled_from(["", ",", ", ", " ,", "ngày", "Ngày", "NGÀY", "ngàyx", "quý", "6 "]), _SPACES,
    _DIGITS, st.sampled_from(["/", "/ ", " / ", ".", "-", " tháng ", " THÁNG  ", "tháng "]), _DIGITS,
    st.sampled_from(["/", "-", ".", "/ ", " năm ", "năm ", ", năm ", " năm    ", " NĂM ", " "]),
    _YEARS, st.sampled_from(["", " của", "/2023", "3", ".", "\n"])).map("".join)


@settings(max_examples=200, deadline=None)
@given(_DATE_TEXTS, _DATE_TEXTS)
def test_date_after_reads_the_day_find_dates_read(before: str, after: str) -> None:
    text = before + after
    assert ctx.date_after(text, len(before)) == date_after_before(text, len(before))


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["X", "05-NQ/TU", "a,", "1"]), _NEAR_DAYS)
def test_date_after_reads_a_near_day_as_find_dates_read_it(before: str, after: str) -> None:
    text = before + after
    assert ctx.date_after(text, len(before)) == date_after_before(text, len(before))


def test_date_after_fast_and_slow_cases() -> None:
    cases = ["X, ngày 03/11/2022 của", "X ngày 22 tháng 10 năm 2021", "X 5.3.2021", "X ngày 31/02/2022",
             "X ngày 5 tháng 3 năm    2021", "X ngày      03/11/2022", "X ٣/11/2022", "X, quý I năm 2022",
             "X ngày  03/11/2022", "X ngày 03/11/2022"]
    got = [ctx.date_after(t, 1)[0] for t in cases]
    assert got == ["2022-11-03", "2021-10-22", "2021-03-05", None, None, None, None, None, None, "2022-11-03"]
    assert got == [date_after_before(t, 1)[0] for t in cases]


def group_before_before(chunk: str, lo: int, start: int) -> str | None:
    """The group a citation at `start` falls under, as it was found: every "các " of the
    lower-cased chunk matched, then the last group ending before `start` in its sentence."""
    low = chunk.lower()
    groups = []
    i = low.find("các ")
    while i >= 0:
        g = ctx._GROUP_OF.match(chunk, i) if low.startswith(ctx._GROUP_WORDS, i) else None
        if g:
            groups.append((lo + g.end(), g["who"]))
        i = low.find("các ", i + 4)
    text = " " * lo + chunk
    for g_end, who in reversed(groups):
        if g_end <= start and not ctx._SENTENCE_END.search(text, g_end, start):
            return who
    return None


_GROUP_PIECES = ["các ", "Các ", "CÁC ", "cÁc ", "các", "ác ", "nghị quyết ", "NGHỊ QUYẾT ", "kế hoạch ",
                 "chương trình ", "văn bản ", "sau ", "của ", "CỦA ", "Tỉnh ủy", "Ban Thường vụ ", "Bộ",
                 ":", ": ", ";", ".", ". ", "!", "? ", "\n", " ", "  ", "İ", "x", "Nghị quyết số 05-NQ/TU"]
# A whole group, "các nghị quyết sau của Ban Thường vụ Tỉnh ủy:", each part varied.
_GROUPS = st.tuples(
    st.sampled_from([" các", "Các", "CÁC", "xcác", "các\n"]), st.sampled_from([" ", "  ", "\n"]),
    st.sampled_from(["nghị quyết", "kế hoạch", "Chỉ thị", "văn  bản", "đề án"]),
    st.sampled_from([" ", " sau ", "\n"]), st.sampled_from(["của ", "CỦA ", "của\n", "về "]),
    st.lists(st.sampled_from(["Tỉnh ủy", "Ban", "A", "B!", "x? y", "\n", " ", "  ", ".", ";"]),
             max_size=5).map(" ".join),
    st.sampled_from([":", " :", ":", ""])).map("".join)
_GROUP_TEXTS = st.lists(st.one_of(_GROUPS, _GROUPS, st.sampled_from(_GROUP_PIECES), st.text(max_size=2)),
                       max_size=8).map("".join)


@settings(max_examples=200, deadline=None)
@given(_GROUP_TEXTS, st.integers(0, 3))
def test_group_before_finds_the_group_the_whole_chunk_gave(chunk: str, lo: int) -> None:
    way = ctx.group_lowered if "İ" in chunk else ctx.group_before
    for start in range(lo, lo + len(chunk) + 1):
        assert way(chunk, lo, start) == group_before_before(chunk, lo, start)


def test_group_before_takes_the_last_group_of_its_sentence() -> None:
    nested = "Các nghị quyết của các kế hoạch của Tỉnh ủy: 05-NQ/TU"
    after_colon = "các nghị quyết của Tỉnh ủy: a: 05-NQ/TU. x: các kế hoạch của Bộ Y tế: 06-KH/TU"
    cases = [(nested, "05", "Tỉnh ủy"), (after_colon, "05", "Tỉnh ủy"), (after_colon, "x:", None),
             (after_colon, "06", "Bộ Y tế")]
    for chunk, at, who in cases:
        start = chunk.index(at)
        assert ctx.group_before(chunk, 0, start) == who == group_before_before(chunk, 0, start)


def subject_before(text: str, pos: int) -> str | None:
    sub = ctx._SUBJECT.match(text, pos)
    return squash(ctx._ISSUING_TAIL.sub("", sub["about"])).rstrip(",") if sub else None


_SUBJECT_PIECES = ["về", "về ", " về ", "Về ", ",", ", ", " ", "  ", "\n", "\n\n", "\n \n", "\n\t", "\t",
                   ";", ":", ".", "(", ")", "ban hành", " ban hành ", "ban  hành", " thống nhất", " quyết nghị",
                   "Ban Thường vụ ", "phát triển", "ab", "x", "a" * 90, "b" * 150, "của"]
_SUBJECT_TEXTS = st.lists(st.sampled_from(_SUBJECT_PIECES) | st.text(max_size=2), max_size=14).map("".join)


_SUBJECTS = st.tuples(st.sampled_from(["", " ", ",", " , ", "x "]), st.sampled_from(["về", "Về"]),
                      st.sampled_from([" ", "  ", "   ", "\n", "\t", "\n\n", ""]), _SUBJECT_TEXTS,
                      st.sampled_from(["", "c" * 220, "\n \n", "\nd"]), _SUBJECT_TEXTS).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SUBJECTS | _SUBJECT_TEXTS, st.integers(0, 4))
def test_subject_reads_what_the_one_by_one_pattern_read(text: str, pos: int) -> None:
    assert ctx.subject_after(text, pos) == subject_before(text, pos)


_CHAIN_OLD = __import__("re").compile("^" + refs._CHAIN_GAP.pattern)


@settings(max_examples=200, deadline=None)
@given(_SUBJECT_TEXTS, st.integers(0, 6), st.integers(0, 60))
def test_chain_gap_matched_in_place_as_sliced_out(text: str, a: int, b: int) -> None:
    text = "và " + text + " của\n"
    assert bool(refs._CHAIN_GAP.match(text, a, b)) == bool(_CHAIN_OLD.match(text[a:b]))


def cited_kind_before(before: str) -> tuple[str | None, int]:
    words = before.split()
    number = 1 if words and words[-1].lower() in ("số", "số:") else 0
    if number:
        words = words[:-1]
    cite = ctx._cite_words()
    for n in (4, 3, 2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(words[-n:]).lower()
        if phrase in cite:
            at = ctx._last_words_start(before, n + number)
            return cite[phrase], len(before) - at
    if number and "Luật" in before:
        m = ctx._LAW_NAME.search(before)
        if m:
            return "luat", len(before) - m.start()
    return None, 0


_KIND_PIECES = ["Nghị", "nghị", "NGHỊ", "quyết", "QUYẾT", "Chương", "trình", "hành", "động", "thông",
                "báo", "kết", "luận", "tư", "liên", "tịch", "Luật", "luật", "Đất đai", "số", "Số:", "số:",
                "theo", "İ", "Σ", "x", "Chương trình hành động", "chương trình", "Thông báo kết luận",
                "thông tư liên tịch", "Kế hoạch", "Luật Tổ chức chính quyền địa phương"]
_BEFORE = st.lists(st.sampled_from(_KIND_PIECES) | st.text(max_size=2),
                   max_size=9).map(" ".join).map(lambda t: t + " ")


@settings(max_examples=300, deadline=None)
@given(_BEFORE)
def test_cited_kind_tries_only_the_lengths_that_can_match(before: str) -> None:
    assert ctx.cited_kind(before) == cited_kind_before(before)
