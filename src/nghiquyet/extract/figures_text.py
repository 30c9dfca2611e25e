"""Text rules for figures: comparators, cue words and the words around a number.

Pure functions over strings; `figures.py` strings them together (sentences, clause marks and
time phrases are in `figures_clauses`). Vocabulary comes from
`comparators.yaml` and `figures.yaml`; cue words are matched lower-cased but with their accents,
because folding merges words that differ only by accent ("từ" from, "tư" in "đầu tư").
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from . import vocab
from .figures_clauses import _TIME, _YEAR4

# The rules below are pure and meet the same short strings again and again (the words before a
# number, a lead-in, an indicator): remembering recent answers saves most of their work.
_remember = lru_cache(maxsize=8192)

# "Sau 3 năm thực hiện,", "Qua hơn 2 năm triển khai,": a span of time that opens a report's
# sentence, written without a year.
# Found from its first word (`re` skips to the letters S, Q, T), then checked to open the
# text or to follow a comma.
_SPAN_OPENER = re.compile(r"(?:[Ss]au|[Qq]ua|[Tt]rải\s+qua)\s+(?:(?:hơn|gần|trên)\s+)?"
                          r"\d{1,2}\s+năm[^,;\d]{0,40},")


# "đến cuối năm", "trước hết năm", "cuối nhiệm kỳ": the end of the span in force, unnamed.
_YEAR_END = re.compile(r"(?:(?:[Đđ]ến|[Tt]ới|[Vv]ào|[Tt]rước)\s+)?(?:cuối|hết)\s+(?:năm|nhiệm\s+kỳ)(?!\s*\d)")


def strip_time(text: str) -> str:
    """Remove time phrases from an indicator ("đến năm 2020", "Giai đoạn 2021-2030,").

    >>> strip_time("Giá trị sản xuất trên địa bàn huyện năm 2004")
    'Giá trị sản xuất trên địa bàn huyện'
    >>> strip_time("Đến năm 2030, giá trị sản xuất")
    'giá trị sản xuất'
    >>> strip_time("Sau 3 năm thực hiện, có"), strip_time("Trồng mới 3 năm")
    ('có', 'Trồng mới 3 năm')
    >>> strip_time("đến cuối năm tỷ lệ hồ sơ được xử lý trực tuyến")
    'tỷ lệ hồ sơ được xử lý trực tuyến'

    """
    def repl(m: re.Match[str]) -> str:
        return m.group(0) if (m.group("base") or m.group("cmp")) else " "
    if ("19" in text or "20" in text) and _YEAR4.search(text):
        text = _TIME.sub(repl, text)
    if "cuối " in text or "hết " in text:
        text = _YEAR_END.sub(" ", text)   # "đến cuối năm tỷ lệ hồ sơ ...": a time, not a name
    if "năm" in text and ("au" in text or "ua" in text):      # sau, Sau, qua, Qua, trải qua
        for m in reversed(list(_SPAN_OPENER.finditer(text))):
            if not text[:m.start()].rstrip() or text[:m.start()].rstrip()[-1] in ",;":
                text = text[:m.start()] + " " + text[m.end():]
    return tidy(text)


# ---------------------------------------------------------------- vocabulary

def low(text: str) -> str:
    """Lower-case, keeping accents (same length as the text, so offsets carry over).

    >>> low("Đạt TRÊN")
    'đạt trên'
    """
    out = text.lower()
    return out if len(out) == len(text) else "".join(c.lower()[:1] or c for c in text)


@cache
def _words(name: str, key: str) -> tuple[str, ...]:
    """A list from a vocabulary file, lower-cased, longest first."""
    items = vocab.load(name)[key]
    return tuple(sorted({low(w) for w in items}, key=len, reverse=True))


def _spaced(phrase: str) -> str:
    """A literal phrase as a regex whose spaces match any run of blanks."""
    return re.escape(phrase).replace(r"\ ", r"\s+")


def _phrase_regex(words: tuple[str, ...], *, at: str) -> re.Pattern[str]:
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    if at == "end":
        return re.compile(rf"(?:^|(?<=[\s,(]))(?:{alt})[\s,]*$")
    return re.compile(rf"^[\s,:\-+*]*(?:{alt})(?=[\s,:]|$)[\s,:]*")


@cache
def _cue_regex(name: str, key: str, at: str) -> re.Pattern[str]:
    return _phrase_regex(_words(name, key), at=at)


@cache
def _comparators() -> re.Pattern[str]:
    """One regex for the comparator phrases that can end a text; the named group is the comparator.

    Anchored at the end, the leftmost match is the longest phrase: "không dưới" beats "dưới".
    """
    data = vocab.load("comparators")["before"]
    groups = []
    for comp, ws in data.items():
        alt = "|".join(_spaced(low(w)) for w in sorted(ws, key=len, reverse=True))
        groups.append(f"(?P<{comp}>{alt})")
    return re.compile(r"(?:^|(?<=[\s(,]))(?:" + "|".join(groups) + r")\s*$")


def has_cue(lowered: str, key: str) -> bool:
    """Whether a lower-cased text contains one of the `figures.yaml` cue phrases under `key`.

    >>> has_cue(low("Phấn đấu đến năm 2030 đạt 50%"), "goal_cues")
    True
    >>> has_cue(low("Tăng trưởng kinh tế ước đạt 7,3%"), "estimate_cues")
    True
    """
    return bool(_cue_search(key).search(lowered))


def cue_positions(lowered: str, key: str, before: int | None = None) -> list[int]:
    """Where the cue phrases under `key` start in a lower-cased text (computed once a sentence);
    with `before`, only those starting before it (a phrase may still run past it).

    >>> cue_positions(low("Tăng trưởng ước đạt 7%, phấn đấu năm sau đạt 8%"), "goal_cues")
    [24]
    >>> cue_positions("vđã đạt; đã đạt", "result_cues")      # not inside a word
    [9]
    >>> cue_positions("đã đạt, đã đạt", "result_cues", 8), cue_positions("đã đạt", "result_cues", 1)
    ([0], [0])

    The same positions as `_cue_search(key).finditer(lowered)`, found faster: every match
    starts with the first word of its phrase as written, so the phrase regex is tried only
    where `str.find` sees one (`re` would try it at every letter the phrases start with);
    the look-behind (start of text or a non-word character) is checked here.
    """
    starts: list[int] = []
    end = len(lowered) if before is None else before
    for word in _cue_first_words(key):
        if word not in lowered:          # most words: `in` answers faster than a find call
            continue
        stop = end + len(word) - 1       # a word starting before `end` ends by here
        i = lowered.find(word, 0, stop)
        while i >= 0:
            starts.append(i)
            i = lowered.find(word, i + 1, stop)
    if not starts:
        return []                        # no phrase can start: nothing to try
    starts.sort()
    rx = _cue_scan(key)
    out: list[int] = []
    pos = 0
    for i in starts:
        if i < pos:
            continue                     # inside the phrase found last (or a repeat)
        m = rx.match(lowered, i)
        if m is None:
            continue
        if i == 0 or not (lowered[i - 1].isalnum() or lowered[i - 1] == "_"):   # (?<=\W)
            out.append(i)
            pos = m.end()
    return out


@cache
def _cue_first_words(key: str) -> tuple[str, ...]:
    """The first word of each cue phrase: every match of `_cue_scan(key)` holds one as written
    (only the spaces between words may differ)."""
    return tuple(sorted({w.split()[0] for w in _words("figures", key)}))


@cache
def _cue_scan(key: str) -> re.Pattern[str]:
    alt = "|".join(_spaced(w) for w in _words("figures", key))
    return re.compile(rf"(?:{alt})(?=\W|$)")


@cache
def _cue_search(key: str) -> re.Pattern[str]:
    alt = "|".join(_spaced(w) for w in _words("figures", key))
    return re.compile(rf"(?:^|(?<=\W))(?:{alt})(?=\W|$)")


# Words allowed between a comparator and the number ("trên mức 9%", "khoảng gấp 2 lần").
_BETWEEN = re.compile(r"(?:\s+(?:mức|gấp|là|đạt|bình\s+quân))*\s*$")


@_remember
def comparator_before(text: str) -> tuple[str | None, int]:
    """The comparator written just before a number, and where it starts in `text`.

    >>> comparator_before("Tỷ lệ tham gia bảo hiểm y tế đạt trên ")
    ('gt', 33)
    >>> comparator_before("Thu nhập bình quân đầu người gấp khoảng ")
    ('approx', 33)
    >>> comparator_before("tăng gần gấp ")
    ('approx', 5)
    >>> comparator_before("Tỷ lệ hộ nghèo giảm còn ")
    (None, 24)
    >>> comparator_before("không quá "), comparator_before("không dưới "), comparator_before("dưới ")
    (('lte', 0), ('gte', 0), ('lt', 0))
    >>> comparator_before("chủ trương đầu tư ")
    (None, 18)
    """
    offset = max(0, len(text) - 40)          # a comparator is a few words before the number
    lowered = low(text[offset:])
    tail = _BETWEEN.search(lowered)
    core = lowered[: tail.start() if tail else len(lowered)]
    m = _comparators().search(core)
    if not m:
        return None, len(text)
    if m.lastgroup == "gte" and m.group(0).strip() == "từ":
        return None, offset + m.start()       # bare "từ": a range or a start, not a bound
    return m.lastgroup, offset + m.start()


@cache
def _after_comparators(reach: int = 3) -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = vocab.load("comparators")["after"]
    # Up to `reach` words may name what is counted first: "từ 70% dân số trở lên".
    return tuple((comp, re.compile(r"^\s*(?:[^\W\d_]+\s+){0,%d}?(?:" % reach + _spaced(low(w))
                                   + r")(?!\w)"))
                 for comp, ws in data.items() for w in ws)


@_remember
def comparator_after(text: str, reach: int = 3) -> tuple[str | None, int]:
    """A comparator written after the unit ("từ 80% trở lên") and its length; up to `reach`
    words may stand between (a "từ" before the number announces a longer reach).

    >>> comparator_after(" trở lên; ")
    ('gte', 8)
    >>> comparator_after(" dân số")
    (None, 0)
    >>> comparator_after(" số hộ trở lên.")
    ('gte', 14)
    >>> comparator_after(" tổ chức cơ sở đảng trở lên"), comparator_after(" tổ chức cơ sở đảng trở lên", 6)
    ((None, 0), ('gte', 27))
    """
    lowered = low(text)
    for comp, rx in _after_comparators(reach):
        m = rx.match(lowered)
        if m:
            return comp, m.end()
    return None, 0


# ---------------------------------------------------------------- indicator text

_SPACES = re.compile(r"\s+")


@_remember
def tidy(text: str) -> str:
    """Collapse spaces and trim punctuation left at either end.

    >>> tidy(" , tỷ lệ hộ nghèo  (")
    'tỷ lệ hộ nghèo'
    >>> tidy("(giá hiện hành)"), tidy("tỷ lệ hộ nghèo (theo chuẩn nghèo )")
    ('(giá hiện hành)', 'tỷ lệ hộ nghèo (theo chuẩn nghèo)')
    """
    text = " ".join(text.split()).strip(" ,;:.-+*•")
    if "(" not in text and ")" not in text:
        return text
    # "(theo chuẩn nghèo )" once a time phrase is cut from an aside
    text = text.replace("( ", "(").replace(" )", ")")
    if text.endswith("(") or (text.count("(") > text.count(")") and text.endswith(" (")):
        text = text[:-1]
    if text.startswith(")"):
        text = text[1:]
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")] if text.rfind("(") > 0 else text.replace("(", "")
    if text.count(")") > text.count("("):
        text = text.replace(")", "")
    return text.strip(" ,;:.-+*•")


@_remember
def strip_lead(text: str) -> tuple[str, str]:
    """Remove cue words from the start of an indicator; returns (what was removed, the rest).

    >>> strip_lead("Duy trì ổn định tỷ lệ độ che phủ rừng")
    ('Duy trì ổn định', 'tỷ lệ độ che phủ rừng')
    >>> strip_lead("Có ")
    ('Có', '')
    >>> strip_lead("trong đó có bằng cấp")
    ('trong đó', 'có bằng cấp')
    """
    rx = _cue_regex("figures", "lead_cues", "start")
    removed_to = 0
    while True:
        m = rx.match(low(text[removed_to:]))
        if not m or m.end() == 0:
            break
        # keep "có" after "trong đó": "trong đó có bằng cấp" names the part
        if low(text[:removed_to]).strip().endswith("trong đó"):
            break
        removed_to += m.end()
    return tidy(text[:removed_to]), tidy(text[removed_to:])


def strip_link(text: str) -> tuple[str, list[str]]:
    """Remove the verbs between an indicator and its number; returns (indicator, verbs removed).

    >>> strip_link("Tỷ lệ hộ nghèo giảm còn")
    ('Tỷ lệ hộ nghèo', ['giảm', 'còn'])
    >>> strip_link("Tỷ lệ trường đạt chuẩn Quốc gia là")
    ('Tỷ lệ trường đạt chuẩn Quốc gia', ['là'])
    >>> strip_link("công nghiệp - xây dựng chiếm")
    ('công nghiệp - xây dựng', ['chiếm'])
    >>> strip_link("Tỷ lệ giải phóng mặt bằng"), strip_link("Tỷ lệ giải phóng mặt bằng đạt")
    (('Tỷ lệ giải phóng mặt bằng', []), ('Tỷ lệ giải phóng mặt bằng', ['đạt']))
    >>> strip_link("tỷ lệ giải ngân chỉ đạt"), strip_link("Tỷ lệ có bằng cấp, chứng chỉ đạt")
    (('tỷ lệ giải ngân', ['đạt']), ('Tỷ lệ có bằng cấp, chứng chỉ', ['đạt']))
    """
    indicator, verbs = _strip_link(text)
    return indicator, list(verbs)          # a fresh list: callers may keep or change it


@_remember
def _strip_link(text: str) -> tuple[str, tuple[str, ...]]:
    rx = _cue_regex("figures", "link_verbs", "end")
    verbs: list[str] = []
    while True:
        offset = max(0, len(text) - 24)      # link verbs are short: look at the end only
        lowered = low(text[offset:])
        m = rx.search(lowered)
        if not m or m.start() == len(lowered):
            break
        if _COMPOUND_END.search(low(text[max(0, offset + m.start() - 8):offset + m.end()])):
            break                            # "mặt bằng", "đồng bằng", "gia tăng": a word's end
        verbs.insert(0, lowered[m.start():].strip(" ,"))
        text = text[: offset + m.start()]
    if verbs and (m := _ONLY.search(text)):
        text = text[:m.start()]              # "tỷ lệ giải ngân ... chỉ đạt 82,6%": "only", no name
    return tidy(text), tuple(v for v in (_SPACES.sub(" ", x) for x in verbs) if v)


# "chỉ" (only) before a link verb, unless it ends "chứng chỉ", "địa chỉ".
_ONLY = re.compile(r"(?<!chứng)(?<!địa)(?<!Địa)\s+chỉ\s*$")


# Words whose second syllable is a link verb ("giải phóng mặt bằng 100%" names no ratio).
_COMPOUND_END = re.compile(r"(?:^|\s)(?:mặt|đồng|cân|công|san|ngang|văn|gia)\s+(?:bằng|tăng)\s*,?\s*$")


@_remember
def indicator_words(words: str) -> tuple[tuple[str, ...], frozenset[str], str]:
    """The words before a number as a figure reads them: its link verbs, the set of those verbs
    ("chiếm tỷ trọng" counted as "chiếm") and what is left once time phrases, link verbs and
    lead cues are removed (`strip_lead(strip_link(strip_time(words)))`, remembered as one).

    >>> verbs, verbset, lead = indicator_words("Đến năm 2030, tỷ lệ hộ nghèo giảm còn ")
    >>> verbs, sorted(verbset), lead
    (('giảm', 'còn'), ['còn', 'giảm'], 'tỷ lệ hộ nghèo')
    """
    stripped, verbs = _strip_link(strip_time(words))
    verbset = frozenset("chiếm" if v.startswith("chiếm") else v for v in verbs)
    return verbs, verbset, strip_lead(stripped)[1]


@_remember
def starts_with_head(text: str) -> bool:
    """Whether a text opens with an indicator noun ("Tỷ lệ ...", "Tổng vốn ...", "GRDP ...").

    >>> starts_with_head("Tỷ lệ che phủ rừng"), starts_with_head("Xử lý các điểm tồn lưu")
    (True, False)
    """
    lowered = low(text)
    if lowered.startswith(("thu hút", "thu gom", "thu thập", "chi trả", "số hóa", "số hoá")):
        return False                     # verbs that begin like a head ("thu", "chi", "số")
    return bool(_cue_regex("figures", "indicator_heads", "start").match(lowered))


@_remember
def is_empty_indicator(text: str) -> bool:
    """A leftover that names nothing ("tăng", "và", "").

    >>> is_empty_indicator(" tăng "), is_empty_indicator("thu nội địa")
    (True, False)
    """
    f = low(tidy(text))
    return not f or f in _words("figures", "empty_indicators") or not re.search(r"[^\W\d_]", f)


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym ("GRDP").

    >>> lower_first("Tỷ lệ hộ nghèo"), lower_first("GRDP bình quân")
    ('tỷ lệ hộ nghèo', 'GRDP bình quân')
    """
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def tidy_quote(text: str) -> str:
    """A quote without the punctuation and spaces around it.

    >>> tidy_quote(", trong đó thu nội địa trên 8.800 tỷ đồng; ")
    'trong đó thu nội địa trên 8.800 tỷ đồng'
    >>> tidy_quote("đạt  92\t%")
    'đạt 92 %'
    """
    if "  " not in text and text.isprintable():
        # The only blank is the ASCII space (every other one is unprintable) and none is
        # doubled: splitting and joining would only drop the spaces at the ends, which the
        # strip drops anyway. Most quotes: no list of their words.
        return text.strip(" ,;:-+*•")
    return " ".join(text.split()).strip(" ,;:-+*•")


@_remember
def short_heading(heading: str, limit: int = 100) -> str:
    """The part of a heading that names its section: up to the first ":" or sentence end.

    >>> short_heading("Đối với cấp tỉnh: Tổ chức Hội nghị")
    'Đối với cấp tỉnh'
    """
    return re.split(r"(?<=\w)[:;.](?:\s|$)", heading, maxsplit=1)[0][:limit]
