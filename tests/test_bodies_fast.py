"""`bodies.body_name` names what it named when it split the whole line into words.

It splits off the first ten words only, and the whole line when those do not settle the
name; the property pins it to the old loop over every word on random names."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.extract import bodies as b


def body_name_before(text: str) -> str | None:
    words: list[str] = []
    raw_words = text[:160].split("\n", 1)[0].split()
    for k, raw in enumerate(raw_words):
        w = raw.rstrip(",;.:)")
        if not w or (not w[0].isupper() and not words):
            break
        ok = w[0].isupper() or w in b._NAME_LOWER or bool(b._ROMAN.match(w)) or b._meeting_word(words, w)
        if not ok and words and words[0] in ("Bộ", "Sở") and words[1:2] != ["Chính"]:
            nxt = raw_words[k + 1] if k + 1 < len(raw_words) else ""
            ok = w not in b._NAME_STOP and (w != "và" or (nxt[:1].isupper() and not b._KIND_START.match(nxt)))
        if not ok or (w == "ban" and raw_words[k + 1:k + 2] == ["hành"]):
            break
        words.append(w)
        if w != raw and raw.endswith(",") and words[0] in ("Bộ", "Sở") \
                and b._enumerated(raw_words[k + 1:k + 7]):
            words[-1] = raw
            continue
        if w != raw or len(words) >= 14:
            break
    while words and words[-1] in ("và", "khóa", "khoá", "-"):
        words.pop()
    return " ".join(words) if words and words[0][0].isupper() else None


_WORDS = ["Bộ", "Sở", "Ban", "Hội", "nghị", "lần", "thứ", "sáu", "6", "Trung", "ương", "Văn", "hóa,", "Thể",
          "thao", "và", "Du", "lịch", "Nông", "nghiệp", "nông", "thôn", "Chính", "trị,", "ban", "hành", "khóa",
          "XII", "tỉnh", "về", "Nghị", "Kế", "hoạch", "-", "Y", "tế", "cơ", "sở", "Tài", "chính,", "x.", "ủy",
          "\n", "", "İ"]
# Long names: words a name may hold (capitalised, or the lower-case ones of bodies' names),
# then anything, so the name ends around the tenth word.
_NAME_WORDS = ["Bộ", "Ban", "Văn", "hóa,", "Thể", "thao", "Chấp", "hành", "Đảng", "bộ", "tỉnh", "XII", "và",
               "Ủy", "ban", "nhân", "dân", "Hà", "Tĩnh", "khóa", "-", "Kinh", "tế"]
_NAMES = st.tuples(st.lists(st.sampled_from(_NAME_WORDS), min_size=6, max_size=16),
                   st.lists(st.sampled_from(_WORDS), max_size=10)).map(lambda t: " ".join(t[0] + t[1]))
_LINES = st.lists(st.sampled_from(_WORDS), max_size=24).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_NAMES | _LINES)
def test_body_name_splits_off_what_it_needs(text: str) -> None:
    assert b.body_name(text) == body_name_before(text)


def test_body_name_around_the_tenth_word() -> None:
    for j in range(2, 14):
        for text in ("Bộ " + "Kinh " * j + "tế, Thể thao và Du lịch về y tế",
                     "Bộ " + "Kinh " * j + "tế, Thể thao thao thao thao thao và Du lịch về",
                     "Ban " + "Kinh " * j + "ban hành x y", "Bộ " + "Kinh " * j + "và Phát triển về"):
            assert b.body_name(text) == body_name_before(text)
