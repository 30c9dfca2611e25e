"""The time frame of a document's figures: its own year and the years its title plans for.

`context` reads the document's date (or the `ngày ... năm YYYY` line of its header) and the
years its title and header name ("năm 2025", "đến 2030", "giai đoạn 2021-2025"), so a figure
without a year of its own gets the one the document plans for (targets) or reports on
(results). Split from `figures`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Identity
from .outline import Layout

_DATE_LINE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)")
_TITLE_YEAR = re.compile(r"(?<!tầm nhìn )(?<!tầm nhìn đến )(?<!tầm nhìn đến năm )"
                         r"(?<!tháng \d )(?<!tháng \d\d )năm\s+((?:19|20)\d\d)|đến\s+((?:19|20)\d\d)")


@dataclass
class Context:
    now: int | None                  # the document's own year
    plan_target: int | None          # the year the document plans for (title)
    plan_result: int | None          # the year it reports on (title)
    reports: bool = False            # a report (báo cáo): figures without a goal cue are results


def context(layout: Layout, doc: Identity) -> Context:
    """The document's year and the years its title and header (before the first section) name."""
    now = int(doc.date[:4]) if doc and doc.date and doc.date[:4].isdigit() else None
    head = []
    for p in layout.paragraphs:
        if p.section is not None:
            break
        head.append(p.text)
    block = " ".join(head[:12])
    if now is None:
        m = _DATE_LINE.search(block)
        now = int(m.group(1)) if m else None
    title = (doc.title or "") if doc else ""
    years = [int(a or b) for a, b in _title_years(_DATE_LINE.sub(" ", title + " " + block))]
    past = [y for y in years if now is None or y <= now]
    return Context(now=now, plan_target=max(years) if years else None,
                   plan_result=min(past) if past else now,
                   reports=bool(doc and doc.kind == "bao_cao"))


def _title_years(text: str) -> list[tuple[str, str]]:
    """`_TITLE_YEAR.findall(text)`, trying the pattern only where "năm" or "đến" is written:
    every match starts there and none can hold another (`re` would try every position).

    >>> _title_years("Kế hoạch năm 2025, tầm nhìn đến năm 2030; đến 2035")
    [('2025', ''), ('', '2035')]
    """
    found = []
    for word in ("năm", "đến"):
        i = text.find(word)
        while i >= 0:
            m = _TITLE_YEAR.match(text, i)
            if m:
                found.append((i, m.groups("")))     # "" for the other group, as findall
            i = text.find(word, i + 1)
    return [groups for _, groups in sorted(found)]
