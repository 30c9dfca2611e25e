"""The fast paths of the figure rules answer what the plain rules answer.

Figure extraction skips work where it can prove the answer: a `[0-9]` scan where every digit
is ASCII, cue phrases found once a paragraph instead of once a sentence, a quote without
doubled or odd blanks trimmed without splitting it, a paragraph with no full stop but at its
end taken as one sentence. Each test here feeds random texts built
from the pieces the rules care about to both ways and asks for the same answer.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import figures_clauses as fc
from nghiquyet.extract import figures_text as ft
from nghiquyet.extract import vocab
from nghiquyet.extract.figures import _CUE_KEYS
from nghiquyet.extract.numbers import find_quantities

# Numbers, units, labels, cue phrases and the punctuation around them.
_PIECES = ["17.900", "7,3", "2,5-3", "8 - 10", "45.799/36.875", "26/28", "2030", "21/10/2010", "1",
           "(12)", "1)", "a)", "2.", "II.", "%", "%/năm", " tỷ đồng", " triệu đồng/người/năm",
           " lần", " người", " doanh nghiệp", " giường bệnh/vạn dân", " hội nghị", "kV", "năm ",
           "lần thứ ", "số ", "Đề án ", "đạt ", "trên ", "phấn đấu ", "Phấn đấu ", "ước đạt ", "đã đạt ",
           "đạt được ", "so với cùng kỳ", "vượt kế hoạch", "kế hoạch đề ra năm", "mục tiêu", "Ước ",
           "tỷ lệ ", "đến", " - ", "-", "/", ".", ". ", "... ", ";", "; ", ":", ": ", ",", ", ", "(", ")",
           " ", "  ", "\t", "\u00a0", "Tỷ lệ hộ nghèo", "GRDP", "x", "Đ", "İ", "Σ", "²"]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=16).map("".join)
_ASCII_DIGIT_TEXTS = _TEXTS.filter(lambda t: all(c in "0123456789" or not c.isdecimal() for c in t))


def _quantities(text: str, ascii_digits: bool) -> list[tuple]:
    return [(q.start, q.end, q.value, q.value_max, q.planned, q.unit, q.family, q.number_end)
            for q in find_quantities(text, ascii_digits)]


@settings(max_examples=250, deadline=None)
@given(_ASCII_DIGIT_TEXTS)
def test_ascii_scan_finds_the_same_quantities(text: str) -> None:
    assert _quantities(text, True) == _quantities(text, False)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_clause_marks_found_from_their_characters_are_the_regex_marks(text: str) -> None:
    assert fc._boundary_spans(text) == [m.span() for m in fc._BOUNDARY.finditer(text)]


def test_a_foreign_digit_is_still_a_number_on_the_plain_path() -> None:
    assert _quantities("đạt ５０%", False) == [(4, 7, 50.0, None, None, "%", "percent", 6)]


@settings(max_examples=250, deadline=None)
@given(_TEXTS)
def test_tidy_quote_is_split_and_join(text: str) -> None:
    assert ft.tidy_quote(text) == " ".join(text.split()).strip(" ,;:-+*•")


@settings(max_examples=250, deadline=None)
@given(_TEXTS)
def test_indicator_words_is_the_three_steps(text: str) -> None:
    stripped, verbs = ft.strip_link(ft.strip_time(text))
    verbset = {"chiếm" if v.startswith("chiếm") else v for v in verbs}
    assert ft.indicator_words(text) == (tuple(verbs), verbset, ft.strip_lead(stripped)[1])


@settings(max_examples=250, deadline=None)
@given(_TEXTS)
def test_sentences_shortcuts_split_as_the_full_stops_do(text: str) -> None:
    assert fc.sentences(text) == fc._split(text)
    assert fc.sentences(text + ".") == fc._split(text + ".")


def test_sentences_without_a_full_stop() -> None:
    assert fc.sentences("Thu 7; chi 8") == [(0, 12)] == fc._split("Thu 7; chi 8")
    assert fc.sentences("") == [] == fc._split("")


@settings(max_examples=250, deadline=None)
@given(_TEXTS, st.integers(0, 40))
def test_cues_before_a_point_are_the_first_of_all_cues(text: str, before: int) -> None:
    """`figures` reads cues only before a paragraph's last quantity, and finds only those."""
    lowered = ft.low(text)
    for key in _CUE_KEYS:
        assert ft.cue_positions(lowered, key, before) == \
            [p for p in ft.cue_positions(lowered, key) if p < before], key


@settings(max_examples=250, deadline=None)
@given(_TEXTS)
def test_a_sentence_may_number_wherever_a_boundary_has_a_number(text: str) -> None:
    """`figures` skips the marks of a sentence without a figure when it can hold no label."""
    numbered = any(n is not None for _, _, n in fc.boundaries(text))
    assert fc.may_number(text) or not numbered, text


@pytest.mark.parametrize("key", _CUE_KEYS)
def test_cue_phrases_cannot_cross_a_sentence_end(key: str) -> None:
    """What finding cues once a paragraph relies on: every phrase is words and spaces."""
    for phrase in vocab.load("figures")[key]:
        assert all(c.isalpha() or c == " " for c in phrase), phrase


@settings(max_examples=250, deadline=None)
@given(_TEXTS)
def test_paragraph_cues_are_the_sentence_cues(text: str) -> None:
    """Cues found in a whole paragraph are, sentence by sentence, those found in the sentence."""
    lowered = ft.low(text)
    if "σ" in lowered or "ς" in lowered:
        return                           # around a sigma `figures` lowers each sentence apart
    for key in _CUE_KEYS:
        whole = ft.cue_positions(lowered, key)
        for a, b in fc.sentences(text):
            alone = [a + p for p in ft.cue_positions(ft.low(text[a:b]), key)]
            assert [p for p in whole if a <= p < b] == alone, (key, text[a:b])


def test_section_kinds_are_each_sections_kind(seeds_dir, samples_dir) -> None:
    """Kinds read once a section (a parent's reused) are those read by walking up each time."""
    from pathlib import Path

    from nghiquyet.extract import outline
    from nghiquyet.extract.figures_context import section_kind, section_kinds
    from nghiquyet.read import read_file

    docs = Path(__file__).resolve().parent / "docs"
    paths = sorted(seeds_dir.glob("*.txt")) + sorted(samples_dir.glob("*.txt")) + sorted(docs.glob("*.txt"))
    kinds_seen = set()
    for path in paths:
        layout = outline.parse(read_file(path).text)
        kinds = section_kinds(layout)
        assert kinds == [section_kind(layout, i) for i in range(len(layout.sections))], path.name
        kinds_seen.update(kinds)
    assert {"goal", "result"} <= kinds_seen           # the documents do have kinds to inherit


# The words of due dates, periods and averages around a figure, with the letters that stand for
# them in other words ("tăng", "giảm", "dân"), in both cases.
_TIME_PIECES = ["trong ", "trong  ", "giai đoạn ", "thời kỳ ", "vào ", "trước ", "đến ", "tới ", "hết ",
                "cuối ", "ngày ", "tháng ", "Quý ", "quý ", "năm ", "Năm ", "NĂM ", "2026", "2026 - 2030",
                "31/12/2025", "IV", "bình quân", "BÌNH QUÂN", "Bình Quân", "quân", "đầu người", " mỗi hộ",
                "5 năm", "năm năm", "cả giai đoạn", "cả nhiệm kỳ", "Cả ", "lũy kế", "LŨY KẾ", "tăng ",
                "giảm ", "dân ", "nhân ", "chăm", "\t", "\u00a0", ",", ", ", " ", "/", "x", "g", "t",
                " trong giai đoạn 2026 - 2030", "thời kỳ 2021-2025", ", giai đoạn 2026–2030"]
_TIME_TEXTS = st.lists(st.sampled_from(_TIME_PIECES) | st.text(max_size=2), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TIME_TEXTS, st.integers(0, 12))
def test_due_pattern_starts_where_the_plain_one_does(text: str, start: int) -> None:
    """`_DUE`, written so that every alternative starts with a word, finds what the plain
    pattern (a period's "trong" as an optional group) finds."""
    import re

    from nghiquyet.extract.figures_build import _DUE

    plain = re.compile(r"(?:(?:vào|trong|trước|đến|tới)\s+(?:hết\s+|cuối\s+)?(?:ngày|tháng|[Qq]uý|năm)"
                       r"|(?:trong\s+)?(?:giai\s+đoạn|thời\s+kỳ))\s+[\dIV]")
    a, b = plain.search(text, start), _DUE.search(text, start)
    assert (a and a.span()) == (b and b.span())


@settings(max_examples=400, deadline=None)
@given(_TIME_TEXTS)
def test_over_period_letters_rule_out_only_texts_the_regex_rejects(text: str) -> None:
    from nghiquyet.extract.figures_context import _OVER_PERIOD, over_period

    assert over_period(text, None) == bool(_OVER_PERIOD.search(text))


@settings(max_examples=400, deadline=None)
@given(_TIME_TEXTS, st.integers(0, 80))
def test_period_after_is_tried_wherever_it_can_match(text: str, end: int) -> None:
    from nghiquyet.extract.figures_clauses import PERIOD_AFTER as _PERIOD_AFTER, may_open_period as _may_open_period

    for i in range(len(text) + 1):
        for stop in (end, len(text)):
            if _PERIOD_AFTER.match(text, i, stop):
                assert _may_open_period(text, i, stop), (text, i)


@settings(max_examples=250, deadline=None)
@given(_TEXTS)
def test_quantities_come_sorted_by_start(text: str) -> None:
    """What taking a sentence's quantities as a slice of the paragraph's relies on."""
    from nghiquyet.extract.figures_quantities import quantities

    starts = [q.start for q in quantities(text, ft.low(text))]
    assert starts == sorted(starts)


# What the literal-first searches of `figures_scan` start from, with the characters around them.
_SCAN_PIECES = ["đã", "Đã", "trong", "Trong", "trong đó", "Trong đó", "trong số đó", " trong đó",
                ", trong đó ", ",  trong\tđó", "phấn đấu", "Phấn đấu", "xphấn đấu", " với mục tiêu ", "Nhằm mục tiêu là", "vớimục tiêu", "đó", "đóx",
                "19", "20", "2025", "192020", "٣", "17.900", "(12)", "(1234)", "1.", "a)"]
_SCAN_TEXTS = st.lists(st.sampled_from(_SCAN_PIECES + _PIECES) | st.text(max_size=2),
                       max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(_SCAN_TEXTS, st.data())
def test_literal_first_searches_find_what_their_regexes_find(text: str, data) -> None:
    """Each search of `figures_scan` against the regex it stands for, on the same range."""
    from nghiquyet.extract import figures_scan as fs
    from nghiquyet.extract.figures_build import _GOAL_CUE, _GOAL_CUE_STARTS

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert fs.past_marks(text, start, end) == [m.start() for m in fs.PAST.finditer(text, start, end)]
    stop = fs.AFTER_STOP.search(text, start, end)
    assert fs.after_stop(text, start, end) == (stop.start() if stop else end)
    assert [m.span() for m in fs.all_matches(_GOAL_CUE, text, _GOAL_CUE_STARTS, start, end)] == \
        [m.span() for m in _GOAL_CUE.finditer(text, start, end)]


_AROUND_PIECES = _SCAN_PIECES + _TIME_PIECES + [
    ", ", ",và ", " và ", " với ", "vàng", "...", ". ", ".\n", "so với năm 2020", "so với cùng kỳ năm 2024",
    "giá so sánh năm 2010", "Nhiệm kỳ 2020 - 2025, ", "năm học 2024 - 2025", "Tính đến ngày 31/3/2026",
    "Cơ cấu kinh tế: ", "cơ cấu", ":", ": ", "(giá hiện hành)", "vào năm 2027", "trước ngày 31/12/2025"]
_AROUND_TEXTS = st.lists(st.sampled_from(_AROUND_PIECES) | st.text(max_size=2), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_AROUND_TEXTS, st.data())
def test_searches_from_their_first_letters_find_what_their_regexes_find(text: str, data) -> None:
    """The searches of the words around a figure that start from a literal or skip the regex
    where it cannot match, against the regex (or loop) they stand for."""
    from nghiquyet.extract import figures_build as fb
    from nghiquyet.extract import figures_scan as fs

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    at = data.draw(st.integers(start, len(text)))
    old = next((m for m in fc._TIME.finditer(text, start, end) if m.start() <= at < m.end()), None)
    new = fc._time_over(text, start, end, at)
    assert (old and old.span()) == (new and new.span())
    assert fs.full_stops(text) == [(m.start(), m.start() + len(m.group().rstrip()), m.end())
                                   for m in fc._DOT.finditer(text)]
    whole, plain = fb._whole_before(text, end), fb._WHOLE_BEFORE.search(text, max(0, end - 80), end)
    assert (whole and whole.span()) == (plain and plain.span())

