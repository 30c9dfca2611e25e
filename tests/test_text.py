"""The str shortcuts that stand in for regex scans give the regex's answer on any text.

Speed work replaced whole-text regex scans by `in` / `str.replace` / `str.split` (see
benchmarks/README.md); these properties pin them to the definitions they replaced, including
on the characters where str methods and `re` could disagree (Unicode digits and spaces)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import extract_text
from nghiquyet.text import (_TRANSLATE, ascii_digits_only, has_ascii_digit, normalise, nfc, squash,
                           zero_digits)

# Characters where the shortcuts could go wrong: ASCII and foreign digits, odd spaces and
# dashes, zero-width marks, line ends, a combining accent, letters, an emoji.
TRICKY = st.text(alphabet=st.sampled_from(
    list("aZđ Ệ19 20\n\r\t.,%") + ["５", "٣", "९", "\U0001d7d8", "\u00a0", "\u2013", "\u2212",
                                   "\u200b", "\ufeff", "\u3000", "\u0301", "\x1c", "🙂", "（"]),
    max_size=40)


def normalise_by_regex(text: str) -> str:
    """`normalise` as it was written before the speed work: one regex substitution."""
    odd = re.compile("[" + "".join(map(chr, _TRANSLATE)) + "\r]")
    text = nfc(text)
    if not odd.search(text):
        return text
    text = odd.sub(lambda m: _TRANSLATE.get(ord(m.group()), m.group()) or "", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


@settings(max_examples=2000, deadline=None)
@given(TRICKY)
def test_normalise_matches_the_regex_version(text):
    assert normalise(text) == normalise_by_regex(text)


@settings(max_examples=2000, deadline=None)
@given(TRICKY)
def test_squash_matches_the_regex_version(text):
    assert squash(text) == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=2000, deadline=None)
@given(TRICKY)
def test_ascii_digit_test_answers_like_backslash_d(text):
    if ascii_digits_only(text):
        assert has_ascii_digit(text) == bool(re.search(r"\d", text))
    else:                                    # conservative: only texts that may hold others
        assert not text.isascii()


@settings(max_examples=2000, deadline=None)
@given(TRICKY)
def test_zero_digits_writes_each_ascii_digit_zero(text):
    assert zero_digits(text) == re.sub("[0-9]", "0", text)


def test_foreign_digits_are_not_taken_for_ascii_only():
    assert ascii_digits_only("Kế hoạch số 62 – “năm 2025”")
    for digits in ("５０", "٥٠", "५०", "\U0001d7dd"):
        assert not ascii_digits_only(f"đạt {digits}%")


def test_figures_written_in_fullwidth_digits_are_still_found():
    # Paragraph digit tests take the `in` shortcut only when every digit is ASCII; a document
    # typed with fullwidth digits goes through the regex (\d) and keeps its figures.
    text = ("KẾ HOẠCH\nI. MỤC TIÊU\n1. Chỉ tiêu đến năm 2030\n"
            "Tỷ lệ hộ nghèo giảm còn ２%; tỷ lệ lao động qua đào tạo đạt ８５%.")
    values = sorted(t.value for t in extract_text(text).targets)
    assert values == [2.0, 85.0]
