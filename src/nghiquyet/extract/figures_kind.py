"""The kind of a named figure: a target, a result, or no figure at all.

The section a figure stands in says what it most likely is ("II. MỤC TIÊU" holds targets); cue
words in its sentence ("phấn đấu", "đã đạt", "ước"), its year against the document's, and
whether it sits in parentheses decide the rest. Split from `figures`.
"""
from __future__ import annotations

import re

from . import figures_text as ft
from .figures_build import Named
from .figures_context import Context
from .numbers import Quantity

# "(có) số chỉ tiêu (chủ yếu) đạt và vượt ...": the indicators a report counts as reached (with
# "có" or "vượt": a bare "28 chỉ tiêu đạt" may be a list's heading). Those it counts as missed
# ("3 chỉ tiêu chưa đạt") only restate the tally ("24/27 chỉ tiêu").
_TALLY = re.compile(r"số\s+chỉ\s+tiêu\s+(?:(?!không|chưa)\w+\s+){0,2}?(?:(?:cơ\s+bản\s+)?đạt|vượt|hoàn\s+thành)\b")
_QUOTES = ("“", "\"", "”", "'")
# A figure named by what it is compared with is the other's figure, not this document's.
_COMPARED = re.compile(r"(?:thấp|cao|lớn|nhỏ|ít|nhiều|chậm|nhanh)\s+hơn\b")


def seen(positions: list[int], start: int, end: int) -> bool:
    """Whether a cue starts in [start, end) (a plain loop: most lists are empty or short).

    >>> seen([3, 40], 10, 50), seen([3, 40], 10, 40)
    (True, False)
    """
    for p in positions:
        if start <= p < end:
            return True
    return False


def decide(sec_kind: str | None, cues: dict[str, list[int]], past_at: list[int], s_start: int,
            clause: int, q: Quantity, named: Named, year: int | None, ctx: Context,
            paren: bool, due: bool = False) -> str | None:
    """"target", "result" or None (not a figure) for one named quantity.

    `cues` holds where the sentence's goal, result and estimate cues start, `past_at` where
    its past-tense "đã" does; `due` says a due date follows the figure ("trước ngày 31/12/2026").
    """
    at = q.start
    goal = seen(cues["goal_cues"], s_start, at)
    # "26/28 chỉ tiêu", "có 17 chỉ tiêu đạt và vượt kế hoạch, 5 chỉ tiêu không đạt": a tally
    tally = q.unit == "chỉ tiêu" and (q.planned is not None or (
        ("có" in named.verbs or "vượt" in named.indicator) and bool(_TALLY.match(named.indicator))))
    past = seen(cues["result_cues"], clause, at) or seen(past_at, clause, at) or tally
    estimate = seen(cues["estimate_cues"], clause, at)
    if sec_kind != "goal" and not goal and seen(past_at, s_start, at):
        past = True                                  # "... đã chỉ đạo ... với trên 9.600 lượt"
    future_year = bool(ctx.now and year and year > ctx.now)
    past_year = bool(ctx.now and year and year < ctx.now)
    if q.unit == "chỉ tiêu" and not tally:
        return None                                  # "28 chỉ tiêu" counts a list, it is no figure
    if sec_kind == "result":
        kind = "target" if (goal or future_year) and not past else "result"
    elif sec_kind == "goal":
        kind = "result" if (past or past_year) and not goal else "target"
    else:
        if goal or future_year or (due and not past_year and not past):
            kind = "target"
        elif past or estimate or past_year or ctx.reports:
            kind = "result"
        elif sec_kind == "task" and named.mode in ("number", "rank", "indicator", "change") \
                and (q.family in ("percent", "rank") or due
                     or (named.mode == "number" and q.family in ("measure", "count")
                         and bool(named.lead) and not ctx.reports
                         and not any(c in named.lead for c in _QUOTES))) and not paren:
            # "Làm mới 25 km đường giao thông nông thôn": a task that states how much (not the
            # name of a programme: 'đề án “01 triệu căn hộ nhà ở xã hội”')
            kind = "target"                          # "... cho 1.250 hộ trước ngày 31/12/2026"
        else:
            return None
    if paren and kind == "target":
        return None                                  # "(chiếm 30%)" asides are not goals
    if paren and _COMPARED.match(named.indicator):
        return None                                  # "thấp hơn bình quân cả nước (21,3%)": theirs
    if ft.is_empty_indicator(named.indicator):
        return None
    if q.unit == "tuổi" and "tuổi" not in named.indicator.lower():
        return None                                  # "trẻ em dưới 5 tuổi" names a group
    return kind
