"""What `normalise` remembers of a text (see `text.rare_chars`) is true of it.

`nfc`, `may_hold` and `ascii_digits_only` answer from that memory instead of scanning the text
once more: these tests check the facts the shortcut rests on over all of Unicode, and that the
answers are those of the scans on any text, cleaned or not."""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.read.clean import clean_text
from nghiquyet.text import (_COMMON_BLOCKS, _other_digit_blocks, _stable, ascii_digits_only,
                            inherit, may_hold, nfc, normalise, rare_chars)

TRICKY = st.lists(st.sampled_from(
    list("aZđ Ệ19 \n\r\t.*_[]¹²") + ["５", "٣", "\U0001d7d8", "\u00a0", "\u2013", "\u2000", "\u2001",
                                   "\u200b", "\ufeff", "\u3000", "\u0301", "\u0323", "\u1161", "ᄀ",
                                   "⁴", "⁰", "“", "🙂", "（", "\u0958", "Ω", "[bookmark: x]"]),
    max_size=40).map("".join)


def _second_of_a_pair() -> set[str]:
    """Characters NFC may compose with the one before them (NFC_QC=Maybe)."""
    found = set()
    for cp in range(0x110000):
        c = chr(cp)
        d = unicodedata.decomposition(c)
        if d and not d.startswith("<") and len(d.split()) == 2 \
                and unicodedata.normalize("NFC", c) == c:
            found.add(chr(int(d.split()[1], 16)))
    # Hangul syllables compose by rule, not by table: vowels after a consonant, final consonants.
    return found | set(map(chr, range(0x1161, 0x1176))) | set(map(chr, range(0x11A8, 0x11C3)))


def test_stable_characters_compose_with_nothing():
    maybe = _second_of_a_pair()
    assert "\u0301" in maybe and "\u1161" in maybe         # the check finds what it should
    assert not [c for c in maybe if _stable(c)]


def test_the_common_blocks_are_stable_and_have_no_foreign_digits():
    chars = [chr(b * 256 + i) for b in _COMMON_BLOCKS for i in range(256)]
    assert all(_stable(c) for c in chars)
    assert not set(_COMMON_BLOCKS) & set(_other_digit_blocks())
    assert [c for c in chars if c.isdecimal()] == list("0123456789")


def test_rare_characters_are_listed_or_none():
    assert rare_chars("Nghị quyết số 26-NQ/TW") == frozenset()
    assert rare_chars("“Kế hoạch”\u2074 ५") == frozenset("“”\u2074५")
    assert rare_chars("a🙂b") is None                        # indexes no longer line up
    assert rare_chars("“" * 600) is None


@settings(max_examples=1500, deadline=None)
@given(TRICKY)
def test_what_is_remembered_of_a_cleaned_text_is_true(raw):
    normalised = normalise(raw)
    cleaned = clean_text(normalised)
    inherit(normalised, cleaned)
    for text in (normalised, cleaned):
        inherit(normalised, text)
        assert nfc(text) == unicodedata.normalize("NFC", text)
        for c in "⁴⁰¹“\u0301\u2000":
            if c in text:
                assert may_hold(text, c)
        if ascii_digits_only(text):
            assert all(d in "0123456789" for d in re.findall(r"\d", text))


def test_a_text_normalise_did_not_return_is_scanned():
    normalise("Kế hoạch")
    assert may_hold("đạt 7,3%⁴", "⁴") and not may_hold("đạt 7,3%", "⁴")
    assert nfc("Nghi\u0323") == "Nghị"
    assert not ascii_digits_only("đạt ５０%")
