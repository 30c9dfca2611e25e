"""The indicator catalogue and the matching of extracted figures to it.

The catalogue is reviewed data (`nghiquyet/data/indicators.yaml`), loaded here and nowhere else.
A figure's indicator text is matched in three steps, the first that succeeds winning:

1. its folded text equals a folded name or alias (`exact`);
2. the same after dropping qualifiers that do not change what is measured — parentheses
   (`(giá hiện hành)`), years (`năm 2020`), "so với năm 2020", "trên địa bàn" (`alias`);
3. fuzzy similarity of the folded words (rapidfuzz token-sort and token-set ratios) at or above
   `FUZZY_THRESHOLD` (`fuzzy`).

A match whose unit cannot be converted to the indicator's unit loses `UNIT_PENALTY` points (a
"% so với kế hoạch" figure is not the revenue itself). What does not reach the threshold is
proposed as a new indicator for review (`propose`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Iterable

import numpy as np
import yaml
from rapidfuzz import fuzz, process

from ..text import fold, squash

DIRECTIONS = ("higher", "lower")
NATURES = ("level", "share", "rate", "change")
FUZZY_THRESHOLD = 86      # token-sort ratio (0-100) a fuzzy match needs to be accepted
UNIT_PENALTY = 20         # points lost when the figure's unit cannot be the indicator's
MULTIPLE_UNITS = ("lần",)  # "tăng 2,5-3 lần so với năm 2020": a multiple of a base, any indicator


class CatalogueError(ValueError):
    """The indicator data file is malformed (names the entry and field)."""


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str
    direction: str = "higher"
    nature: str = "level"
    group: str | None = None
    aliases: tuple[str, ...] = ()
    of: str | None = None             # for `change`: the indicator whose yearly change this is
    part_of: str | None = None        # shares of one whole ("economic_structure") add up to 100 %

    @property
    def lower_is_better(self) -> bool:
        return self.direction == "lower"


@dataclass(frozen=True)
class Match:
    code: str
    score: float                      # 0-100
    method: str                       # exact | alias | fuzzy
    unit_ok: bool = True

    @property
    def accepted(self) -> bool:
        return self.score >= FUZZY_THRESHOLD


# --------------------------------------------------------------------------- text keys

_PUNCT = re.compile(r"[^\w%/]+")
_Y_FINAL = re.compile(r"\b([bcdghklmnprstvx]+)y\b")
_QUALIFIERS = re.compile(r"""
    \([^)]*\)                                   # (giá hiện hành), (dân số), (giá so sánh năm 2010)
  | \b(?:tang|giam)?\s*(?:gap\s+)?(?:khoang\s+)?[\d.,]+(?:\s*-\s*[\d.,]+)?\s+lan\b  # tăng gấp 2-3 lần
  | \b(?:tang|giam)?\s*(?:gap\s+)?so\s+voi\s+(?:cung\s+ky\s+)?(?:nam\s+)?\d{4}\b   # tăng so với năm 2020
  | \b(?:hang|hàng)\s+nam\b | \bon\s+dinh\b                                       # hằng năm, ổn định
  | \b(?:giai\s+doan\s+)?\d{4}\s*-\s*\d{4}\b    # 2021-2030
  | \b(?:den|vao|trong|cua)?\s*nam\s+\d{4}\b     # đến năm 2030, năm 2020
  | \btren\s+dia\s+ban(?:\s+(?:tinh|huyen|thi\s+xa|thanh\s+pho|xa|phuong))?\b  # trên địa bàn huyện
  | \bcua\s+(?:tinh|huyen|thi\s+xa|thanh\s+pho|xa)\b                           # của huyện
  | \b(?:dat|con|khoang|tren|duoi|it\s+nhat|toi\s+thieu)\s*$                     # trailing verbs
""", re.VERBOSE)


def key(text: str) -> str:
    """The folded, punctuation-free form names and aliases are compared in.

    >>> key("Tỷ lệ đô thị hoá")
    'ti le do thi hoa'
    >>> key("Số bác sĩ/vạn dân") == key("số  bác sĩ / vạn dân")
    True
    >>> key("Tỷ trọng công nghiệp - xây dựng")
    'ti trong cong nghiep xay dung'
    """
    k = fold(squash(text))
    k = re.sub(r"\s*/\s*", "/", k)
    k = _Y_FINAL.sub(r"\1i", k)      # sỹ/sĩ, kỹ/kĩ, lý/lí are spelling variants
    return squash(_PUNCT.sub(" ", k))


def core_key(text: str) -> str:
    """`key` without qualifiers that do not change what is measured.

    >>> core_key("GRDP (giá hiện hành) tăng so với năm 2020")
    'grdp'
    >>> core_key("giá trị sản xuất năm 2020 tăng so với năm 2004")
    'gia tri san xuat'
    >>> core_key("Thu ngân sách nhà nước trên địa bàn huyện")
    'thu ngan sach nha nuoc'
    """
    k = fold(squash(text))
    prev = None
    while prev != k:
        prev, k = k, _QUALIFIERS.sub(" ", k)
    return key(k)


def _similarity(query: str, choices: list[str]) -> np.ndarray:
    """Mean of token-sort and token-set ratios of `query` to each choice (vectorised in C):
    word order does not matter, extra qualifying words cost half ("tỷ lệ che phủ rừng ổn
    định"), and among aliases contained in the text the one closest in length wins ("mức giảm
    tỷ lệ hộ nghèo" over "tỷ lệ hộ nghèo")."""
    if not choices:
        return np.zeros(0)
    a = process.cdist([query], choices, scorer=fuzz.token_sort_ratio)[0]
    b = process.cdist([query], choices, scorer=fuzz.token_set_ratio)[0]
    return (a.astype(float) + b) / 2


# --------------------------------------------------------------------------- units

@lru_cache(maxsize=512)
def _unit_key(unit: str | None) -> str:
    return re.sub(r"\s*/\s*", "/", squash((unit or "").lower()))


@dataclass
class Catalogue:
    """Indicators by code, with their folded names and aliases ready for matching."""
    indicators: list[Indicator]
    unit_families: dict[str, dict[str, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_code = {i.code: i for i in self.indicators}
        self._exact: dict[str, str] = {}
        self._core: dict[str, str] = {}
        for ind in self.indicators:
            for name in (ind.name, *ind.aliases):
                self._exact.setdefault(key(name), ind.code)
                self._core.setdefault(core_key(name), ind.code)
        self._choices = list(self._exact)

    def __len__(self) -> int:
        return len(self.indicators)

    def __iter__(self):
        return iter(self.indicators)

    def get(self, code: str) -> Indicator | None:
        return self.by_code.get(code)

    # -- units
    def convert(self, value: float, unit: str | None, to_unit: str | None) -> float | None:
        """`value` in `unit` expressed in `to_unit`; None if they are not of one family.

        A missing unit is taken to be the target unit (documents often omit a repeated unit).
        """
        a, b = _unit_key(unit), _unit_key(to_unit)
        if not a or not b or a == b:
            return value
        for fam in self.unit_families.values():
            if a in fam and b in fam:
                return value * fam[a] / fam[b]
        return None

    def unit_compatible(self, unit: str | None, indicator: Indicator) -> bool:
        u = _unit_key(unit)
        ind = _unit_key(indicator.unit)
        return (not u or u in MULTIPLE_UNITS or ind.startswith(u + "/")   # "bác sĩ" of "bác sĩ/vạn dân"
                or self.convert(1.0, u, indicator.unit) is not None)

    # -- matching
    def match(self, text: str, unit: str | None = None) -> Match | None:
        """The best catalogue indicator for a figure's indicator text (and unit), or None.

        >>> cat = load_catalogue()
        >>> cat.match("Tỷ lệ hộ nghèo").code
        'POVERTY_RATE'
        >>> cat.match("GRDP (giá hiện hành) tăng so với năm 2020", "lần").method
        'alias'
        >>> cat.match("tỷ lệ lao động đã qua đào tạo nghề nghiệp", "%").code
        'TRAINED_LABOUR'
        >>> cat.match("số cuộc thi sáng tác ca khúc về quê hương") is None
        True
        """
        if not text or not text.strip():
            return None
        candidates: list[tuple[str, float, str]] = []
        k = key(text)
        if k in self._exact:
            candidates.append((self._exact[k], 100.0, "exact"))
        ck = core_key(text)
        if ck in self._core:
            candidates.append((self._core[ck], 99.0, "alias"))
        scores = _similarity(ck or k, self._choices)
        for j in np.argsort(-scores)[:5]:
            if scores[j] >= FUZZY_THRESHOLD - UNIT_PENALTY:
                candidates.append((self._exact[self._choices[j]], min(float(scores[j]), 98.0), "fuzzy"))
        best: Match | None = None
        for code, score, method in candidates:
            ok = self.unit_compatible(unit, self.by_code[code])
            m = Match(code, score if ok else score - UNIT_PENALTY, method, ok)
            if best is None or m.score > best.score:
                best = m
        return best if best is not None and best.accepted else None

    def propose(self, text: str, unit: str | None = None) -> Indicator:
        """A new indicator, for review, from a figure nothing matched.

        >>> load_catalogue().propose("Số cuộc thi sáng tác ca khúc", "cuộc").code
        'NEW_SO_CUOC_THI_SANG_TAC_CA_KHUC'
        """
        name = squash(re.sub(r"\([^)]*\)", " ", text)) or text
        code = "NEW_" + "_".join(key(name).upper().split())[:60]
        u = _unit_key(unit)
        nature = "rate" if u.endswith("/năm") and u.startswith("%") else (
            "share" if u == "%" else "level")
        # a rank, or a rate of something bad, is better lower; the reviewer confirms
        lower = u == "thứ hạng" or any(w in key(name).split() for w in ("ngheo", "ngheo", "nhiem", "vong"))
        return Indicator(code=code, name=name[:1].upper() + name[1:], unit=unit or "",
                         direction="lower" if lower else "higher", nature=nature, aliases=(text,))


# --------------------------------------------------------------------------- loading

def parse_catalogue(data: dict) -> Catalogue:
    """Validate the YAML content and build the catalogue (errors name the entry and field)."""
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise CatalogueError("indicators.yaml: expected a mapping with an `indicators` list")
    out: list[Indicator] = []
    seen: set[str] = set()
    for n, e in enumerate(data["indicators"], 1):
        where = f"indicators.yaml entry {n} ({e.get('code', '?') if isinstance(e, dict) else e!r})"
        if not isinstance(e, dict):
            raise CatalogueError(f"{where}: not a mapping")
        for f in ("code", "name", "unit", "direction", "nature"):
            if not isinstance(e.get(f), str) or not e[f].strip():
                raise CatalogueError(f"{where}: field `{f}` missing or empty")
        if e["direction"] not in DIRECTIONS:
            raise CatalogueError(f"{where}: direction must be one of {DIRECTIONS}")
        if e["nature"] not in NATURES:
            raise CatalogueError(f"{where}: nature must be one of {NATURES}")
        if e["code"] in seen:
            raise CatalogueError(f"{where}: duplicate code")
        seen.add(e["code"])
        aliases = e.get("aliases") or []
        if not all(isinstance(a, str) for a in aliases):
            raise CatalogueError(f"{where}: aliases must be strings")
        out.append(Indicator(code=e["code"], name=e["name"], unit=e["unit"], direction=e["direction"],
                             nature=e["nature"], group=e.get("group"), aliases=tuple(aliases),
                             of=e.get("of"), part_of=e.get("part_of")))
    for ind in out:
        if ind.of is not None and ind.of not in seen:
            raise CatalogueError(f"indicators.yaml {ind.code}: `of` names unknown indicator {ind.of}")
    families = {name: {_unit_key(u): float(f) for u, f in fam.items()}
                for name, fam in (data.get("units") or {}).items()}
    return Catalogue(out, families)


@cache
def load_catalogue() -> Catalogue:
    """The shipped catalogue (cached; treat as read-only)."""
    path = resources.files("nghiquyet") / "data" / "indicators.yaml"
    with path.open("r", encoding="utf-8") as f:
        return parse_catalogue(yaml.safe_load(f))


def with_extra(extra: Iterable[Indicator]) -> Catalogue:
    """The shipped catalogue plus indicators kept in the database (reviewed proposals)."""
    base = load_catalogue()
    more = tuple(i for i in extra if i.code not in base.by_code)
    return _extended(more) if more else base


@lru_cache(maxsize=8)
def _extended(extra: tuple[Indicator, ...]) -> Catalogue:
    base = load_catalogue()
    return Catalogue([*base.indicators, *extra], base.unit_families)
