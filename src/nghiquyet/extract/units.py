"""Units written after a number: `%`, `%/năm`, `tỷ đồng`, `triệu đồng/người/năm`, `giường bệnh/vạn dân`.

The vocabulary is `data/vocab/units.yaml`; this module turns it into one compiled regex (longest
spelling first, so `triệu đồng/người/năm` wins over `triệu đồng`) and rewrites a match into the
unit as written, lightly normalised: lower-case, single spaces, `tỷ đô la Mỹ` → `tỷ USD`,
`/1 vạn dân` → `/vạn dân`.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

from . import vocab


class UnitMatch(NamedTuple):          # a tuple: built several times faster than a frozen dataclass
    unit: str          # normalised unit
    family: str        # percent | multiplier | money | count | measure
    end: int           # offset just after the unit in the scanned text


def _alternatives(words) -> str:
    """A regex alternation, longest first, spaces matching any run of blanks."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


@cache
def _tables() -> tuple[re.Pattern[str], dict[str, str], dict[str, str], dict[str, str]]:
    data = vocab.load("units")
    currencies = {k.lower(): v for k, v in data["money"]["currencies"].items()}
    per = {k.lower(): v for k, v in data["per"].items()}
    families: dict[str, str] = {}
    for fam, key in (("percent", "percent"), ("multiplier", "multiplier"),
                     ("count", "counts"), ("measure", "measures")):
        for w in data[key]:
            families[w.lower()] = fam
    pattern = _unit_regex(data["money"]["scales"], list(currencies), data["count_scales"],
                          list(families), list(per))
    return pattern, families, currencies, per


def _unit_regex(scales, currencies, count_scales, families, per, first: str | None = None):
    r"""The unit regex; with `first`, only the alternatives that can start with that (lower-case)
    character. `(?:A\s*)?B` is written `A\s*B|B`, which `re` tries in the same order, so that
    the second `B` can be cut to the words starting with `first` while the first keeps them all."""
    def starting(words):
        return [w for w in words if first is None or w[:1].lower() == first]

    def scaled(scale_words, gap, words):
        parts = []
        if starting(scale_words):
            parts.append(rf"(?:{_alternatives(starting(scale_words))}){gap}(?:{_alternatives(words)})")
        if starting(words):
            parts.append(rf"(?:{_alternatives(starting(words))})")
        return parts

    alts = scaled(scales, r"\s*", currencies) + scaled(count_scales, r"\s+", families)
    if not alts:
        return None
    return re.compile(rf"""
        \s*                                   # "7,3%" or "7,3 %"
        (?P<base>{"|".join(alts)})
        (?P<qual>(?:\s+[^\W\d_]+){{1,3}}?           # "25 doanh nghiệp hoạt động/1.000 dân": words
          (?=\s*/\s*(?:{_alternatives(p for p in per if p.endswith("dân"))})))?  # before a rate
        (?P<per>(?:\s*/\s*(?:{_alternatives(per)}))*)   # "/người/năm", "/1 vạn dân"
        (?![\w/])                             # a whole word: "hộ" is not the start of "hội"
    """, re.VERBOSE | re.IGNORECASE)


@cache
def _by_first() -> dict[str, re.Pattern[str] | None]:
    """The unit regex cut to the words starting with each character, keyed by that character.

    `re` tries all ~100 case-insensitive spellings at the number's end (several µs); the one
    letter there picks the few that can match. Only "İ", "ı" and "ſ" match a letter other than
    their own lower case in `re` (as "i", "s"): `match_unit` gives them the whole regex.
    """
    data = vocab.load("units")
    _, families, currencies, per = _tables()
    words = [data["money"]["scales"], list(currencies), data["count_scales"], list(families)]
    firsts = {w[:1].lower() for group in words for w in group}
    return {c: _unit_regex(*words, list(per), first=c) for c in firsts}


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at `pos` (just after a number), or None.

    >>> match_unit("7,3%/năm trở lên", 3)
    UnitMatch(unit='%/năm', family='percent', end=8)
    >>> match_unit("2,5 tỷ đô la Mỹ;", 3).unit
    'tỷ USD'
    >>> match_unit("12 bác sĩ/1 vạn dân.", 2).unit
    'bác sĩ/vạn dân'
    >>> match_unit("25 doanh nghiệp hoạt động/1.000 dân", 2)
    UnitMatch(unit='doanh nghiệp hoạt động/1.000 dân', family='count', end=35)
    >>> match_unit("25 doanh nghiệp hoạt động hiệu quả", 2).unit
    'doanh nghiệp'
    >>> match_unit("170 triệu đồng/người/năm (giá hiện hành)", 3).unit
    'triệu đồng/người/năm'
    >>> match_unit("8 triệu lượt khách du lịch", 1).unit
    'triệu lượt khách'
    >>> match_unit("500kV mạch 3", 3) is None
    True
    >>> match_unit("3 hội nghị", 1) is None
    True
    """
    j, n = pos, len(text)
    while j < n and text[j].isspace():   # what the regex's leading \s* skips
        j += 1
    if j == n:
        return None
    rx = _cuts.get(text[j], _UNSEEN)
    if rx is _UNSEEN:
        rx = _cut(text[j])
    if rx is None:
        return None
    m = rx.match(text, pos)
    if not m:
        return None
    written = m.group()                  # the blanks, the unit and its "/per" parts
    spelled = _spelled_as.get(written)
    if spelled is None:
        spelled = _spelled(*m.group("base", "per", "qual"))
        if len(_spelled_as) < _MEMO_SIZE:
            _spelled_as[written] = spelled
    # tuple.__new__ runs in C; the named tuple's own __new__ is a Python function
    return _new_tuple(UnitMatch, (*spelled, m.end()))


_new_tuple = tuple.__new__
_UNSEEN = object()
_MEMO_SIZE = 4096
# The regex `match_unit` tries after a character (None: no unit starts with it), remembered
# for each character met: a plain dict lookup instead of a cached call, `str.lower` and a
# second lookup. A few hundred characters follow numbers; the size cap is for hostile text.
_cuts: dict[str, re.Pattern[str] | None] = {}
# A unit as matched, blanks before it included, and its normalised spelling and family: the
# same few hundred recur, and one lookup on the whole match costs less than the named groups
# and `_spelled`'s cache key of two strings.
_spelled_as: dict[str, tuple[str, str]] = {}


def _cut(c: str) -> re.Pattern[str] | None:
    """The regex for a unit whose first character is `c`: the unit regex cut to the words
    starting with `c` in lower case. Only "İ", "ı" and "ſ" match a letter other than their own
    lower case in `re` (as "i", "s"): they get the whole regex.

    >>> _cut("İ") is _tables()[0], _cut("T") is _cut("t") is _by_first()["t"], _cut(";")
    (True, True, None)
    """
    rx = _tables()[0] if c in "İıſ" else _by_first().get(c.lower())
    if len(_cuts) < _MEMO_SIZE:
        _cuts[c] = rx
    return rx


@lru_cache(maxsize=4096)
def _spelled(written: str, written_per: str, qualifier: str | None = None) -> tuple[str, str]:
    """The normalised unit and its family for a unit as written (a few hundred spellings recur);
    `qualifier` is the words between a count and its rate ("hoạt động" in "doanh nghiệp hoạt
    động/1.000 dân"), kept in the unit as written."""
    _, families, currencies, per = _tables()
    base = re.sub(r"\s+", " ", written).lower()
    bare = base.split(" ", 1)[1] if " " in base and base.split(" ", 1)[1] in families \
        and base not in families else base
    if bare in families:
        family = families[bare]
    else:
        family = "money"
        for spelling, canonical in sorted(currencies.items(), key=lambda kv: -len(kv[0])):
            if base.endswith(spelling):
                base = base[: len(base) - len(spelling)] + canonical
                break
    if qualifier:
        base += " " + " ".join(qualifier.split()).lower()
    parts = [re.sub(r"\s+", " ", p).strip().lower() for p in written_per.split("/")[1:]]
    unit = base + "".join("/" + per.get(p, p) for p in parts)
    return unit.replace(" /", "/"), family


def is_rate(unit: str) -> bool:
    """A count per population or area ("giường bệnh/vạn dân"), named "số <unit>" as an indicator.

    >>> is_rate("giường bệnh/vạn dân"), is_rate("%/năm"), is_rate("tỷ đồng/năm")
    (True, False, False)
    """
    return "/" in unit and "dân" in unit.split("/", 1)[1]


# An indicator per ten thousand people: "số bác sĩ/vạn dân", "số giường bệnh trên 1 vạn dân".
_PER_10K = re.compile(r"(?:/\s*|\btrên\s+)(?:1\s+|một\s+)?(?:vạn|10\.000)\s+dân")


def per_ten_thousand(indicator: str, unit: str) -> str:
    """A count named as a rate per ten thousand people is that rate ("Số bác sĩ/vạn dân" counted
    in "bác sĩ" is in "bác sĩ/vạn dân"); other units are returned as they are.

    >>> per_ten_thousand("số bác sĩ trên 1 vạn dân", "bác sĩ"), per_ten_thousand("số xã", "xã")
    ('bác sĩ/vạn dân', 'xã')
    >>> per_ten_thousand("số bác sĩ/vạn dân", "bác sĩ/vạn dân")
    'bác sĩ/vạn dân'
    >>> per_ten_thousand("số giường bệnh trên 1 vạn dân", "giường")
    'giường bệnh/vạn dân'
    """
    if "/" in unit or "dân" not in indicator or not _PER_10K.search(indicator):
        return unit
    if unit == "giường" and "giường bệnh" in indicator:
        unit = "giường bệnh"             # "Số giường bệnh trên 1 vạn dân đạt 34 giường"
    return unit + "/vạn dân"
