"""Figures: quantitative targets (goals with a number) and reported results.

For each paragraph that holds a digit, every quantity (number + unit, see `figures_quantities`)
is named (`figures_build`), placed in time (the sentence's "đến năm 2030" / "Giai đoạn 2021-2030", else the
horizon of the enclosing heading, else the year the document plans for) and sorted into a target
or a result: by the kind of section it sits in (KẾT QUẢ / TÌNH HÌNH → results; MỤC TIÊU /
CHỈ TIÊU → targets), overridden by the sentence's own cues ("phấn đấu", "ước đạt", "đã", a year
before the document's own). Rows of a table of targets are read by `figures_table`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from ..model import Figure, Identity
from ..text import ascii_digits_only, has_ascii_digit
from . import figures_clauses as fc
from . import figures_scan as fs
from . import figures_text as ft
from . import vocab
from .figures_build import Named, base_of, name_quantity
from .figures_parts import names_other, part_name, plan_of, share_name
from .figures_quantities import quantities
from .figures_context import (Context, as_of_past, context, heading_period, intro_kind_of,
                              intro_year_of, lead_in_kind, over_period, section_kinds)
from .figures_kind import decide, seen
from .figures_table import TableReader
from .layout import lowered as lowered_text
from .numbers import Quantity
from .units import per_ten_thousand
from .outline import Layout

_DIGIT = re.compile(r"\d")
_START = attrgetter("start")
_TRONG_DO = re.compile(r"\btrong\s+đó\b|\bTrong\s+đó\b|\btrong\s+số\s+đó\b")


def extract(layout: Layout, doc: Identity) -> tuple[list[Figure], list[Figure]]:
    """Targets and results of one document, in reading order."""
    ctx = context(layout, doc)
    targets: list[Figure] = []
    results: list[Figure] = []
    kinds = section_kinds(layout)
    table = TableReader()
    in_table = False
    intro_kind: str | None = None
    intro_section: int | None = -1
    intro_year: int | None = None             # "Phấn đấu đến năm 2030:" before a list
    # Paragraphs without a digit hold no figure. When the document's digits are all ASCII
    # (nearly always), `in` finds them much faster than the regex.
    ascii_digits = ascii_digits_only(layout.text)
    has_digit = has_ascii_digit if ascii_digits else _DIGIT.search
    for para in layout.paragraphs:
        if (intro_kind or intro_year) and (
                not _within(layout, para.section, intro_section)
                # A line before the first heading ("... đánh giá kết quả năm 2025 và thống nhất
                # quyết nghị:") opens the body, not a list: a heading that says what it holds
                # ("I. KẾT QUẢ", "II. MỤC TIÊU") takes over; its items ("a) ...") do not.
                or (intro_section is None and para.section is not None and kinds[para.section])):
            intro_kind = intro_year = None
        text = para.text
        if "|" in text and " | " in text:       # a table row (one-character search first)
            for fig in table.row(text, para, layout, ctx):
                _append(fig, targets, results)
            in_table = True
            continue
        if in_table:                            # only rows change the reader
            table.reset()
            in_table = False
        if has_digit(text):
            kind = intro_kind or (kinds[para.section] if para.section is not None else None)
            for fig in _paragraph(text, para, layout, kind, ctx, ascii_digits, intro_year):
                if fig.parent is None:          # most figures: no whole to turn into an index
                    (targets if fig.kind == "target" else results).append(fig)
                else:
                    _append(fig, targets, results)
        # `_intro` wants a text ending with ":" (perhaps before blanks): most paragraphs do not
        last = text[-1:]
        if last == ":" or last.isspace():
            opened = intro_kind_of(text)
            year = intro_year_of(text)
            if opened or year:
                intro_kind, intro_year = opened or intro_kind, year or intro_year
                intro_section = para.section
    return targets, results


def _append(fig: Figure, targets: list[Figure], results: list[Figure]) -> None:
    """Add a figure to its list; its `parent` is still a Figure object and becomes an index."""
    bucket = targets if fig.kind == "target" else results
    parent = fig.parent
    fig.parent = None
    if isinstance(parent, Figure):
        for i, other in enumerate(bucket):
            if other is parent:
                fig.parent = i
    bucket.append(fig)


def _within(layout: Layout, section: int | None, ancestor: int | None) -> bool:
    """Whether `section` is `ancestor` or lies under it."""
    while section is not None:
        if section == ancestor:
            return True
        section = layout.sections[section].parent
    return ancestor is None


_LEVEL_ASIDE = re.compile(r"\((?:xuống\s+)?(?:còn|lên)\s*$")
# A paragraph that opens with a span of the year gone by reports on it: "Chín tháng đầu năm 2026,",
# "6 tháng đầu năm,", "Quý I/2026,". (A goal is written "Phấn đấu 6 tháng ...": no match.)
_PAST_SPAN = re.compile(r"(?:\d{1,2}[.)]\s+)?(?:(?:\d{1,2}|[Mm]ột|[Hh]ai|[Bb]a|[Ss]áu|[Cc]hín|[Mm]ười\s+một)"
                        r"\s+tháng\s+đầu\s+năm|[Qq]uý\s+I{1,3}\b)")
@dataclass
class _Place:
    """Where a paragraph sits: its section path, horizon and the list number in force."""
    section: str | None
    horizon: int | None
    offset: int                      # the paragraph's offset in the document text
    number: int | None = None        # "(12)": the label of the numbered target being read
    carried: int | None = None       # the last year stated earlier in the paragraph
    periods: tuple[str, ...] = ()    # "GIAI ĐOẠN 2026-2030" in an enclosing heading


def _paragraph(text: str, para, layout: Layout, sec_kind: str | None, ctx: Context,
               ascii_digits: bool = False, intro_year: int | None = None) -> list[Figure]:
    lowered = lowered_text(para)                  # once a paragraph: lower() is slow on long text
    if len(lowered) != len(text):
        lowered = ft.low(text)                    # "İ" lower-cases to two characters
    qs = quantities(text, lowered, ascii_digits)
    if not qs:
        return []
    # A slice of the lowered paragraph is the lowered sentence, except around a Greek capital
    # sigma, which str.lower() writes by its context (σ or final ς).
    sigma = "Σ" in text
    own = para.section
    if para.is_heading and own is not None:
        own = layout.sections[own].parent         # "a) Tỷ lệ ... (năm 2025 đạt 18%)" is no horizon
    # section, horizon, offset, number, carried, period (positional: keywords cost more); the
    # period of the nearest heading, else the title's ("Đề án ... giai đoạn 2026 - 2030")
    place = _Place(layout.path(para.section), intro_year or layout.horizon(own), para.span[0],
                   None, None, heading_period(layout, own) or ((ctx.period,) if ctx.period else ()))
    # Where the cue phrases start, found once for the paragraph (in its offsets): no phrase
    # can run across a sentence end (a full stop), and the rules only look at cues between a
    # sentence's start and a quantity in it. Around a sigma each sentence is lowered apart.
    # Cues are only looked at before a quantity: none starting after the last one is read.
    cues = None if sigma else _cues(lowered, 0, qs[-1].start)
    out: list[Figure] = []
    whole = len(text)
    if sec_kind in (None, "task") and _PAST_SPAN.match(text):
        sec_kind = "result"                      # "Chín tháng đầu năm 2026, ...": a span gone by
    lo = 0                                       # qs before it lie in earlier sentences
    for s_start, s_end in fc.sentences(text):
        sentence = text[s_start:s_end]           # the text itself when it is one sentence
        if s_start == 0 and s_end == whole:
            sq = qs
        else:
            # the quantities starting in the sentence: qs is sorted by start and the sentences
            # come in order, so they are a slice (found by bisection, not a pass over qs)
            lo = bisect_left(qs, s_start, lo, key=_START)
            hi = bisect_left(qs, s_end, lo, key=_START)
            sq, lo = qs[lo:hi], hi
        if not sq:
            # a sentence without a figure only moves the list number on: most hold no label
            if fc.may_number(sentence):
                bounds = fc.boundaries(sentence)
                place.number = next((n for _, _, n in reversed(bounds) if n is not None), place.number)
            continue
        bounds = fc.boundaries(sentence)
        if ":" in sentence:
            sec_kind = lead_in_kind(sentence) or sec_kind   # "Đại hội đánh giá: ..." (paragraph)
        marks = fc.time_marks(sentence)
        sent_cues = cues if cues is not None else _cues(ft.low(sentence), s_start)
        out.extend(_sentence(text, s_start, s_end, sent_cues, sq, bounds, marks, place, sec_kind, ctx))
        if marks:                                # most sentences state no year
            _carry(marks, place)
    return out


def _carry(marks: list[fc.TimeMark], place: _Place) -> None:
    """The last year and span a sentence states hold for the sentences after it."""
    years = [m.year for m in marks if m.year]
    place.carried = years[-1] if years else place.carried
    spans = [m.period for m in marks if m.period]
    if spans and spans[-1] not in place.periods:
        # "Nhiệm kỳ 2020 - 2025, ... . Thu ngân sách 5 năm đạt ...": the span read on
        place.periods = place.periods + (spans[-1],)


_CUE_KEYS = ("goal_cues", "result_cues", "estimate_cues")


def _cues(lowered: str, offset: int = 0, before: int | None = None) -> dict[str, list[int]]:
    """Where each kind of cue phrase starts in a lower-cased text, plus `offset` (those starting
    before `before`, when given)."""
    if offset:
        return {key: [offset + p for p in ft.cue_positions(lowered, key, before)] for key in _CUE_KEYS}
    return {key: ft.cue_positions(lowered, key, before) for key in _CUE_KEYS}


def _sentence(text: str, s_start: int, s_end: int, cues: dict[str, list[int]], sq: list[Quantity],
              bounds, marks, place: _Place, sec_kind: str | None, ctx: Context) -> list[Figure]:
    """The figures of one sentence, left to right, each clause starting where the last ended.

    `cues` holds where the goal, result and estimate cues start (offsets in `text`; those
    outside the sentence are never looked at).
    """
    past: list[int] = []
    if text.find("đã", s_start, s_end) >= 0 or text.find("Đã", s_start, s_end) >= 0:
        past = fs.past_marks(text, s_start, s_end)
    if text.find("ngày", s_start, s_end) >= 0:
        as_of = as_of_past(text, s_start, s_end, ctx.date)       # "Đến ngày 10/4/2026, ..."
        if as_of is not None:
            past.append(as_of)
    estimates = cues["estimate_cues"]
    weak_counts = _weak_counts()
    # The sentence's first "(": a quote before it is in no aside. (Found once a sentence, not
    # once a figure from the sentence's start.)
    first_paren = text.find("(", s_start, s_end)
    prev: Named | None = None
    whole_fig: Figure | None = None          # what "trong đó" parts belong to
    parts_open = False
    consumed = clause = s_start
    sent_figs: list[tuple[Figure, Named]] = []
    undated: list[Figure] = []               # targets since the last one with a year of its own
    seen_bounds = 0
    for i, q in enumerate(sq):
        rel = q.start - s_start
        while seen_bounds < len(bounds) and bounds[seen_bounds][1] <= rel:
            b0, b1, n = bounds[seen_bounds]
            seen_bounds += 1
            clause = s_start + b1
            if text[s_start + b0] == ";":
                undated = []                 # a year after ";" is that clause's own
            if n is not None:                # a new numbered item: nothing carries over
                place.number = n
                parts_open, whole_fig, prev = False, None, None
            elif parts_open and whole_fig is not None and text[s_start + b0] == ";" \
                    and names_other(text[clause:q.start], whole_fig.indicator):
                parts_open = False           # "...; trong đó 2 trường ...; tỷ lệ gia đình ..."
        if consumed > clause:
            clause = consumed
        # every spelling of _TRONG_DO holds "rong" and "đó": str.find first, the regex only then
        if sent_figs and text.find("rong", consumed, q.start) >= 0 \
                and text.find("đó", consumed, q.start) >= 0 and _TRONG_DO.search(text, consumed, q.start):
            parts_open, whole_fig = True, _whole(sent_figs)
        next_start = sq[i + 1].start if i + 1 < len(sq) else None
        named = name_quantity(text, q, clause, s_end, next_start, prev)
        if next_start is not None and fc.baseline(text, q, sq[i + 1]):
            prev, consumed = named, max(named.consumed_to, q.end)
            continue                         # "giảm từ 3,1% xuống còn 2,2%": only 2,2% is reached
        if sent_figs and sent_figs[-1][0].unit == q.unit and sent_figs[-1][0].kind == "result" \
                and (plan_of(named.indicator, q, sent_figs[-1][0])
                     or plan_of(text[consumed:q.start].strip(" ,;(:"), q, sent_figs[-1][0])):
            sent_figs[-1][0].planned = q.value       # "đạt 68,5% (kế hoạch 68%)"
            consumed = max(named.consumed_to, q.end)
            continue
        if q.unit in weak_counts and not _counted_here(text[clause:q.start], named, sent_figs):
            continue                         # "tại 3 đô thị": part of a name
        year, period, base_year, term = fc.when(marks, rel) if marks else (None, None, None, False)
        late = None
        if year is None:
            # "... lên 60 triệu đồng/năm vào năm 2027", "100% thôn, bản trước ngày 31/12/2025"
            late = fc.YEAR_AFTER.match(text, q.end, s_end) or (
                named.mode == "number" and named.quote_end > q.end
                and fc.YEAR_AFTER.match(text, named.quote_end, s_end))
            year = int(late.group(1)) if late else None
            if not late and fc.may_open_period(text, named.quote_end, s_end) \
                    and (span := fc.PERIOD_AFTER.match(text, named.quote_end, s_end)):
                # "xây mới 1.200 phòng học trong giai đoạn 2026 - 2030": a total over the period
                year, period = int(span.group(2)), f"{span.group(1)}-{span.group(2)}"
                late = span
            if late and undated:
                # "cắt giảm 30% thời gian ..., 30% chi phí ... trong năm 2025": the list's year
                for other in undated:
                    other.year = year
                undated = []
        # most quotes hold no "(": no call to find out they are in no aside
        paren = 0 <= first_paren < q.start and _in_parentheses(text, s_start, q.start)
        if paren and prev is not None and _LEVEL_ASIDE.search(text, max(s_start, q.start - 16), q.start):
            paren = False                    # "giảm 0,5% (còn 1,6%)": the level the change reaches
        kind = decide(sec_kind, cues, past, s_start, clause, q, named, year, ctx, paren,
                      bool(late) and year is not None)
        if kind is None:
            continue                         # its words stay with the next figure
        consumed = max(named.consumed_to, q.end)
        if year is None and place.carried and (kind == "result" or place.horizon is None) \
                and not (kind == "result" and ctx.now and place.carried > ctx.now):
            # "năm 2024 ...; Toàn tỉnh có 146 doanh nghiệp". A result is never of a year after
            # its document's: "... bằng 83% mục tiêu đến năm 2025. Giá trị ... ước đạt 312 tỷ"
            year = place.carried
        guessed = year is None and kind == "target"      # no year of its own: a later one may say
        if year is None:
            year = place.horizon or (ctx.plan_target if kind == "target" else ctx.plan_result)
        over = None                          # over_period of the figure: read once, if asked
        if term and not (over := over_period(text[named.quote_start:named.quote_end], q.unit)):
            period = None                    # "Nhiệm kỳ 2020-2025, ...; tỷ lệ hộ nghèo còn 1,85%"
        if period is None and place.periods and year and (span := fc.ending(place.periods, year)):
            if over is None:
                over = over_period(text[named.quote_start:named.quote_end], q.unit)
            if over:
                period = span                # "bình quân 5 năm đạt 10%/năm" under "2026-2030"
        # Positional, in the order of Figure's fields (keywords cost twice as much, per figure):
        # indicator, comparator, value, value_max, unit, year, period, parent, quote, section,
        # span, number, base_year, kind, estimate, planned.
        unit = q.unit
        if q.family == "count" and "dân" in named.indicator:
            unit = per_ten_thousand(named.indicator, unit)   # "Số bác sĩ/vạn dân đạt 12 bác sĩ"
        fig = Figure(named.indicator, named.comparator, q.value, q.value_max, unit, year, period,
                     None, ft.tidy_quote(text[named.quote_start:named.quote_end]), place.section,
                     (place.offset + named.quote_start, place.offset + named.quote_end),
                     place.number, base_year, kind, bool(estimates) and seen(estimates, clause, q.start),
                     q.planned)
        if guessed:
            undated.append(fig)
        elif kind == "target":
            undated = []
        if parts_open and whole_fig is not None and whole_fig.kind == kind:
            fig.parent = whole_fig           # an object until `_append` turns it into an index
            if named.mode == "share" and not named.share_whole:
                fig.indicator = share_name(named.share_sector or "", base_of(whole_fig.indicator))
            elif named.mode != "share":
                fig.indicator = part_name(named.indicator, whole_fig.indicator)
        fig.indicator = ft.lower_first(fig.indicator)
        sent_figs.append((fig, named))
        prev = named
    _fill_share_wholes(sent_figs)
    if len(sent_figs) > 1 and text.find("dân", s_start, s_end) >= 0 \
            and any(f.unit.endswith("/vạn dân") for f, _ in sent_figs):
        _share_rate(text, sent_figs)
    return [fig for fig, _ in sent_figs]


def _share_rate(text: str, sent_figs: list[tuple[Figure, Named]]) -> None:
    """Counts joined by "và" share the rate written after the last: "đạt 38 giường bệnh và 13
    bác sĩ trên 1 vạn dân" is 38 giường bệnh/vạn dân."""
    for (a, na), (b, nb) in zip(sent_figs[-2::-1], sent_figs[::-1]):
        if b.unit.endswith("/vạn dân") and "/" not in a.unit and a.unit != "%" \
                and nb.mode == "number" \
                and (text[na.quote_end:nb.quote_start] + " " + b.quote).strip(" ,").startswith("và "):
            a.unit += "/vạn dân"
            if "vạn dân" not in a.indicator:
                a.indicator += "/vạn dân"


@cache
def _weak_counts() -> frozenset[str]:
    return frozenset(w.lower() for w in vocab.load("units")["weak_counts"])


_COUNT_CUE = re.compile(r"(?:^|\s)(?:có|thêm|đạt|tăng|còn|lên|giảm|là)\s*$", re.IGNORECASE)


def _counted_here(before: str, named: Named, sent_figs: list) -> bool:
    """A weak count ("đô thị") is a figure after a cue word or a comparator, or inside a list."""
    if named.comparator != "eq" or _COUNT_CUE.search(before[-24:]):
        return True
    return bool(sent_figs) and not before.strip(" ,;:").replace("và", "").strip()


def _whole(sent_figs: list[tuple[Figure, Named]]) -> Figure:
    """The figure "trong đó" parts belong to: the last level before them, not a multiple."""
    for fig, named in reversed(sent_figs):
        if fig.parent is None and named.mode not in ("multiplier", "share"):
            return fig
    return sent_figs[-1][0]


def _fill_share_wholes(sent_figs: list[tuple[Figure, Named]]) -> None:
    """Shares listed together name their whole once: "A chiếm x%, B chiếm y% trong cơ cấu kinh tế"."""
    if len(sent_figs) < 2:
        return                           # one figure names its own whole, or has none to take
    wholes = [n.share_whole for _, n in sent_figs if n.mode == "share" and n.share_whole]
    if not wholes:
        return
    for fig, named in sent_figs:
        if named.mode == "share" and not named.share_whole and fig.parent is None:
            fig.indicator = share_name(named.share_sector or "", wholes[-1])


def _in_parentheses(text: str, start: int, pos: int) -> bool:
    """Inside an aside "(...)" — unless the aside lists parts ("(trong đó ... đạt 30%)")."""
    if text.find("(", start, pos) < 0:
        return False                     # most quotes: no copy of the span to find out
    seg = text[start:pos]
    if seg.count("(") <= seg.count(")"):
        return False
    return not _TRONG_DO.search(seg, seg.rfind("("))
