"""Name one quantity: its indicator, comparator and quote, from the words around it.

Documents write a figure in a few shapes, and each has its rule here:

- indicator first: "Tỷ lệ lao động qua đào tạo đạt khoảng 85%" (the words before the number);
- number first: "trên 98% thôn, tổ dân phố đạt danh hiệu văn hóa", "Xử lý 100% các điểm ..."
  (the words after the number, "tỷ lệ ..." for a percentage, "... được xử lý" for a verb);
- a count with a verb: "Giải quyết việc làm mới cho trên 23.500 người" → "số người được ...";
- shares: "trong đó công nghiệp - xây dựng chiếm khoảng 60,3%" → "tỷ trọng ... trong <whole>";
- ratios to a plan: "bằng 139,6% Nghị quyết HĐND huyện giao";
- changes: "giảm 0,6-1%/năm" → "mức giảm ...", "tăng 2,5-3 lần so với năm 2020";
- rankings: "nằm trong nhóm 20 tỉnh ..." → lte 20 "thứ hạng".

How named figures relate (parts, shares, plans beside results) is in `figures_parts`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import fold
from . import figures_scan as fs
from . import figures_text as ft
from .figures_parts import share_name
from .numbers import Quantity, find_quantities  # noqa: F401 (doctests)
from .units import is_rate

# A comparison after the unit that belongs to the figure ("... lần so với năm 2020").
_SO_VOI = re.compile(r"""
    \s*(?:\([^()]{0,60}\)\s*)?                 # "(giá hiện hành)" between
    (?:so\s+với\s+[^,;.()]{1,60}              # "so với năm 2020", "so với trung bình cả nước"
      |(?=năm\s+(?:19|20)\d\d)năm\s+\d{4})     # "gấp 1,6 lần năm 2020"
    (?:\s*\([^()]{0,60}\))?
""", re.VERBOSE)
_CHANGE_VERB = re.compile(r"(?:[Nn]âng\s+cao|[Nn]âng|[Tt]ăng|[Gg]iảm|[Kk]éo\s+giảm|[Hh]ạ|[Cc]ải\s+thiện)\s+")
_ESTIMATED_CHANGE = re.compile(r"(?:^|\s)ước\s+(?:tăng|giảm|đạt)\s*$")
# A change named by its verb ("mức cắt giảm thời gian ...", "mức giảm tỷ lệ ..."): the later
# items of its list share the verb.
_NAMED_CHANGE = re.compile(r"(mức\s+(?:\S+\s+)?(?:giảm|tăng))\s")
# "đạt 102,5% dự toán": a share of the plan, not a level.
_PLAN_WORDS = re.compile(r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết)",
                         re.IGNORECASE)
_PLAN_NAME_WORDS = re.compile(r"[^,;.()]{1,60}")          # the plan's name, up to its aside
# "Cơ cấu kinh tế đến năm 2030: ..." names the whole of the shares listed after it.
_WHOLE_BEFORE = re.compile(r"([Cc]ơ\s+cấu[^:;.]{0,60}?)\s*:\s*$")
# Where the words after a number-first figure stop: `figures_scan.AFTER_STOP`.
# A due date after the words is the figure's time, not its name: "100% thôn, bản trước ngày
# 31/12/2026", "... trong giai đoạn 2026-2030". Every alternative starts with a word written out
# (not a group, not an optional "trong"), so `re` skips to the letters v, t, đ, g (it tried the
# pattern at every character when the period's alternative opened with "(?:trong\s+)?").
# `_DUE_LEAD` takes back the ", hoàn thành" or "và" before it ("đạt 50% và đến ngày ...").
_WHEN = r"(?:hết\s+|cuối\s+)?(?:ngày|tháng|[Qq]uý|năm)"
_DUE = re.compile(rf"""(?:vào\s+{_WHEN}
                         |trong\s+(?:{_WHEN}|giai\s+đoạn|thời\s+kỳ)
                         |trước\s+{_WHEN}|đến\s+{_WHEN}|tới\s+{_WHEN}
                         |giai\s+đoạn|thời\s+kỳ)\s+[\dIV]""", re.VERBOSE)
_DUE_LEAD = re.compile(r"(?:,?\s*(?:hoàn\s+thành|xong))?(?:\s+và)?[\s,]*$")
# Where a part of the words after a figure is handed to the next figure ("..., 30% số huyện").
_SPLIT = re.compile(r",\s+|\s+và\s+|;\s*|\s+với\s+")
# A whole named in a share ("... chiếm 41% trong cơ cấu kinh tế chung của huyện").
_WHOLE_AFTER = re.compile(r"\s*(?:(?:trong|của)\s+|(?=(?:GRDP|GDP)\b))([^,;.()]{3,80})")   # "20% GRDP"
_CUT_PARENT = re.compile(r"\s+(?:tăng(?!\s+trưởng)|giảm|gấp|so\s+với|của|ước|đạt|trên\s+địa\s+bàn)\b.*$")
# Strong indicator heads that start a new clause after a comma.
_CLAUSE_HEAD = re.compile(r",\s+(?=(?:tỷ\s+lệ|tỉ\s+lệ|tốc\s+độ|tỷ\s+trọng|tổng|GRDP|kim\s+ngạch)\b)",
                          re.IGNORECASE)
# "... với mục tiêu tăng trưởng đạt 8%": what a goal sets out starts after the cue, as after
# "phấn đấu" (the words before are the document's own framing: "Thực hiện Kết luận số ...").
_GOAL_CUE = re.compile(r"\b(?:phấn\s+đấu|Phấn\s+đấu|(?:[Vv]ới|[Nn]hằm)\s+mục\s+tiêu(?:\s+là)?)\b")
_GOAL_CUE_STARTS = ("phấn", "Phấn", "với", "Với", "nhằm", "Nhằm")   # every match starts so
# "gấp 1,4 lần nhiệm kỳ trước", "gấp 2 lần giai đoạn 2016 - 2020": the span compared with.
_OTHER_TERM = re.compile(r"\s*(?:nhiệm\s+kỳ|giai\s+đoạn|cùng\s+kỳ)\s+(?:trước|[^,;.()]{1,40})")
# What stands between a ranked index and its rank: "thuộc", "duy trì trong", "nằm trong".
_RANK_VERB = re.compile(r"(?:\s+(?:luôn|tiếp\s+tục))?(?:\s+(?:thuộc|nằm|duy\s+trì|giữ\s+vững|giữ|đứng|xếp|lọt))?"
                        r"(?:\s+(?:trong|vào|ở|vị\s+trí|hạng|thứ|nhóm|top|tốp))*\s*$", re.IGNORECASE)
# The whole a share before names: "tỷ trọng công nghiệp - xây dựng trong GRDP".
_SHARE_OF = re.compile(r"(?:tỷ|tỉ)\s+trọng\s+.+?\s+trong\s+(.+)$", re.IGNORECASE)
# Words after a figure that judge it rather than name it: "... còn 3,86%, vượt mục tiêu đề ra".
_VERDICTS = ("vuot ", "cao hon ", "thap hon ", "tang ", "giam ")
_VERDICT_FIRST = frozenset("vVcCtTgG")         # their first letters: most words need no folding
# Verbs that reach a share of a plan ("chỉ đạt 82,6% kế hoạch").
_REACH_PLAN = frozenset(("đạt", "hoàn thành", "ước đạt"))
# Verbs that reach a share of a whole ("đạt 2% tổng chi"); names that are already a rate.
_REACH_WHOLE = frozenset(("đạt", "bảo đảm", "đảm bảo"))
_RATE_HEADS = ("ty le", "ti le", "ty trong", "ti trong")


@dataclass(slots=True)               # slots: built faster (one per quantity)
class Named:
    indicator: str
    comparator: str
    quote_start: int
    quote_end: int
    consumed_to: int                  # where the next figure's words may start
    mode: str = "indicator"           # indicator | number | share | ratio | change | multiplier | rank
    share_sector: str | None = None
    share_whole: str | None = None
    verbs: list[str] = field(default_factory=list)
    lead: str = ""


@lru_cache(maxsize=4096)
def base_of(indicator: str) -> str:
    """The thing a figure measures, without its change or comparison ("GRDP (giá hiện hành) tăng ..." → "GRDP").

    >>> base_of("GRDP (giá hiện hành) tăng so với năm 2020")
    'GRDP'
    >>> base_of("giá trị sản xuất của huyện")
    'giá trị sản xuất'
    >>> base_of("mức tăng tổng sản phẩm (GRDP) so với năm 2023")
    'tổng sản phẩm'
    """
    text = re.sub(r"^mức\s+(?:tăng|giảm|vượt)\s+", "", indicator)
    text = re.sub(r"\([^()]*\)", " ", text)
    return ft.tidy(_CUT_PARENT.sub("", text))


def _whole_before(text: str, end: int) -> re.Match[str] | None:
    """`_WHOLE_BEFORE` in the 80 characters before `end`: "Cơ cấu kinh tế:" before a list.

    >>> _whole_before("Cơ cấu kinh tế: nông nghiệp 25%", 16).group(1), _whole_before("Cơ cấu: x, y", 10)
    ('Cơ cấu kinh tế', None)

    The pattern ends with ":" and blanks only (`$` at `end`): without a ":" as the last
    character before the blanks no search (through 80 characters) can match.
    """
    start = max(0, end - 80)
    if not text[start:end].rstrip().endswith(":"):       # \s is what str.rstrip strips
        return None
    return _WHOLE_BEFORE.search(text, start, end)


def _only_verb(words: str) -> bool:
    """Whether words before a number are only a linking verb (with a time): "đến năm 2025 đạt".

    A bare "phấn đấu 100% xã ..." is not: its figure is named after the number.

    >>> _only_verb(" đến năm 2025 đạt "), _only_verb(" tỷ lệ hộ nghèo còn "), _only_verb(" ")
    (True, False, False)
    """
    stripped, verbs = ft.strip_link(ft.strip_time(words))
    return bool(verbs) and ft.is_empty_indicator(ft.strip_lead(stripped)[1])


def name_quantity(text: str, q: Quantity, clause_start: int, limit: int,
                  next_start: int | None, prev: Named | None) -> Named:
    """Name quantity `q` of `text`, whose words start at `clause_start` and end by `limit`.

    `next_start` is where the next quantity of the sentence starts (None for the last);
    `prev` is the previous figure of the same sentence, for "..., tăng 6,72 lần".
    """
    before = text[clause_start:q.start]
    comp, comp_at = ft.comparator_before(before)
    words = before[:comp_at]
    after_comp, after_len = ft.comparator_after(text[q.end:limit])
    if after_comp is None and before.endswith("từ ") and q.value_max is None:
        # "có từ 90% tổ chức cơ sở đảng trở lên": "từ ... trở lên" frames a longer name
        after_comp, after_len = ft.comparator_after(text[q.end:min(limit, q.end + 60)], 6)
    end = q.end + after_len
    if q.value_max is not None:
        comp = "range"
    elif after_comp:
        comp = after_comp
    # "ước" lower-cased holds "ớ", which only "ớ" and "Ớ" lower-case to: test those first (fast)
    if comp is None and q.value_max is None and ("ớ" in (end_words := before[-20:]) or "Ớ" in end_words) \
            and "ước" in (tail := ft.low(end_words)) and _ESTIMATED_CHANGE.search(tail):
        comp = "approx"                          # "ước tăng 9,1%": an estimate of the change
    comp = comp or "eq"

    # Only the words after the last goal cue or strong head belong to this figure.
    has_cue = "hấn" in words or "mục tiêu" in words        # every spelling of a cue holds one
    cue = fs.all_matches(_GOAL_CUE, words, _GOAL_CUE_STARTS) if has_cue else []
    if cue and not _only_verb(words[cue[-1].end():]):
        words = words[cue[-1].start():]
        clause_start = clause_start + (len(before[:comp_at]) - len(words))
    elif cue:
        # "Tốc độ tăng trưởng GRDP phấn đấu đạt 7,5%": the cue only stands between the
        # indicator and its verb, so the words before it name the figure.
        s, e = cue[-1].span()
        words = words[:s] + " " * (e - s) + words[e:]     # same length: offsets still hold
    heads = list(_CLAUSE_HEAD.finditer(words)) if "," in words else []     # each starts with ","
    if heads:
        cut = heads[-1].end()
        clause_start += cut
        words = words[cut:]

    verb_tuple, verbset, lead = ft.indicator_words(words)
    verbs = list(verb_tuple)
    change_verb = _CHANGE_VERB.match(lead)
    opening_change = None                        # "Giảm tỷ lệ hộ nghèo bình quân 1%/năm"
    if change_verb and ft.starts_with_head(lead[change_verb.end():]):
        opening_change = ft.low(change_verb.group(0))
        lead = lead[change_verb.end():]          # "Nâng tỷ lệ che phủ rừng lên 55%"
    lead_in = text[clause_start:q.start]
    quote_start = clause_start + (len(lead_in) - len(lead_in.lstrip(" ,;:.-+*•")))

    so_voi = _SO_VOI.match(text, end, limit)
    so_voi_text = ft.tidy(so_voi.group(0)) if so_voi else ""

    # Words after the number, up to the next figure's own words.
    after_end = fs.after_stop(text, end, limit)
    due = _DUE.search(text, end, after_end)
    if due and text[due.start() - 1].isspace():
        after_end = end + _DUE_LEAD.search(text[end:due.start()]).start()
    if next_start is not None and next_start < after_end:
        after_end = next_start
        splits = list(_SPLIT.finditer(text, end, after_end))
        after_end = splits[-1].start() if splits else end
    after = ft.tidy(text[end:after_end])
    if after_comp and len(gap := text[q.end:end].split()) > 2:
        # "từ 90% tổ chức cơ sở đảng trở lên hoàn thành ...": the words inside the frame name it
        after = ft.tidy(" ".join(gap[:-2]) + " " + after)
    if after.startswith("(") or (after[:1] in _VERDICT_FIRST and fold(after).startswith(_VERDICTS)):
        after = ""          # "(giá hiện hành)" qualifies, "..., vượt mục tiêu đề ra" judges: no name

    def result(indicator: str, mode: str, consumed: int, quote_end: int | None = None) -> Named:
        qe = quote_end or end
        if text.startswith(")", qe) and text.count("(", quote_start, qe) > text.count(")", quote_start, qe):
            qe += 1                              # "cử tri (trên 95%)": close the aside
        # indicator, comparator, quote_start, quote_end, consumed_to, mode, share_sector,
        # share_whole, verbs, lead (positional: a dataclass call with keywords costs twice as much)
        return Named(ft.tidy(indicator), comp, quote_start, qe, max(consumed, qe), mode, None, None,
                     verbs, lead)

    prev_base = base_of(prev.indicator) if prev else ""

    if q.family == "rank":
        subject = lead if not ft.is_empty_indicator(lead) and not after else ""
        if not subject and after and ft.starts_with_head(lead):
            # "Chỉ số cải cách hành chính (PAR Index) thuộc nhóm 10 tỉnh ...": the index ranked
            subject = ft.lower_first(_RANK_VERB.sub("", lead))
        if not subject and prev_base and fold(lead) in ("", "dung", "xep", "xep hang", "dung thu",
                                                        "xep thu", "xep hang thu", "vi tri thu"):
            subject = prev_base                  # "..., đứng thứ 12 cả nước": rank of that figure
        among = f"trong {int(q.planned)} " if q.planned else ""
        named = result(ft.tidy(f"thứ hạng {subject} {among}{after}"), "rank", after_end, after_end)
        named.comparator = "lte" if re.search(r"(?:nhóm|top|tốp)\s+(?:\S+\s+)?$", ft.low(before)) else "eq"
        return named

    if "chiếm" in verbset:                           # a share of a whole
        whole = None
        sector = lead
        inside = re.search(r"\s+trong\s+(.+)$", lead)
        if inside:
            sector, whole = lead[: inside.start()], inside.group(1)
        m = _WHOLE_AFTER.match(text, end, limit)
        if m and not whole:
            whole = ft.tidy(m.group(1))
        m = _whole_before(text, clause_start)
        if m and not whole:
            whole = ft.lower_first(ft.strip_time(m.group(1)))
        named = result("", "share", end)
        named.share_sector, named.share_whole = ft.lower_first(sector), whole
        named.indicator = share_name(named.share_sector, whole)
        return named

    if q.family == "percent" and verbset <= {"đạt", "là"} and not ft.is_empty_indicator(lead) \
            and not ft.starts_with_head(lead):
        # "Cơ cấu kinh tế: nông nghiệp 25%, công nghiệp - xây dựng 35%, dịch vụ 40%"
        m = _whole_before(text, clause_start)
        whole = ft.lower_first(ft.strip_time(m.group(1))) if m else \
            (prev.share_whole if prev and prev.mode == "share" else None)
        if not whole and prev and (w := _SHARE_OF.match(prev.indicator)):
            whole = w.group(1)                   # "Tỷ trọng công nghiệp trong GRDP đạt 30%; dịch vụ 45%"
        if whole:
            named = result("", "share", end)
            named.share_sector, named.share_whole = ft.lower_first(lead), whole
            named.indicator = share_name(named.share_sector, whole)
            return named

    planned_ratio = q.family == "percent" and verbset & _REACH_PLAN and \
        _PLAN_WORDS.match(text, end, limit)
    if ("bằng" in verbset and q.family == "percent") or planned_ratio:  # a ratio to a plan
        subject = lead if not ft.is_empty_indicator(lead) else prev_base
        target = after or so_voi_text
        if not target and _PLAN_WORDS.match(text, end, limit):
            # "bằng 83,3% mục tiêu đến năm 2025 (1.500 ha)": the plan's own figure follows, so
            # the words after the number were handed to it; the plan's name stays with the ratio.
            target = ft.tidy(_PLAN_NAME_WORDS.match(text, end, limit).group(0))
        name = f"{subject} so với {target}" if target and not target.startswith("so với") else \
            f"{subject} {target}"
        return result(name, "ratio", after_end, max(end, after_end))

    if q.family == "multiplier" and (verbset & {"tăng", "gấp"} or "gấp" in ft.low(before[-12:])):
        subject = lead if not ft.is_empty_indicator(lead) else prev_base
        change = " tăng" if "tăng" in verbset else ""
        if not so_voi and (term := _OTHER_TERM.match(text, end, limit)):
            so_voi = term                        # "gấp 1,4 lần nhiệm kỳ trước"
            so_voi_text = ft.tidy(term.group(0))
        if so_voi_text.startswith(("năm", "nhiệm kỳ", "giai đoạn", "cùng kỳ")):
            so_voi_text = "so với " + so_voi_text
        name = f"{ft.lower_first(subject)}{change} {so_voi_text}"
        return result(name, "multiplier", end + (so_voi.end() - end if so_voi else 0),
                      so_voi.end() if so_voi else end)

    delta = None
    if verbs and verbs[-1] in ("giảm", "tăng", "giảm bình quân", "tăng bình quân", "tăng thêm") \
            and not verbset & {"còn", "xuống", "xuống còn", "lên"}:
        delta = "giảm" if "giảm" in verbs[-1] else "tăng"
    elif opening_change and not verbs and ("giảm" in opening_change or "tăng" in opening_change) \
            and q.family == "percent":
        # the verb opens the figure and no "lên", "còn", "đạt" follows: the figure is the change
        delta = "giảm" if "giảm" in opening_change else "tăng"

    if delta is None and prev is not None and prev.mode == "number" and comp == "eq" and not verbs \
            and q.family == "percent" and after and ft.is_empty_indicator(lead) \
            and not text[prev.consumed_to:q.start].strip(" ,") \
            and (listed := _NAMED_CHANGE.match(prev.indicator)):
        # "cắt giảm ít nhất 30% thời gian ..., 30% chi phí ...": a bare item right after a change
        # shares its verb and its bound
        comp = prev.comparator
        return result(f"{listed.group(1)} {after}", "number", after_end, after_end)
    if comp == "gt" and q.family == "percent" and q.value == 100 and not ft.starts_with_head(lead):
        comp = "eq"                              # "ký số trên 100% văn bản": "trên" is "on"
    if q.family == "percent" and comp == "gt" and "vượt" in ft.low(before[-12:]) \
            and re.match(r"\s*(?:so\s+với\s+)?(?:kế\s+hoạch|dự\s+toán|chỉ\s+tiêu)", text[end:limit]):
        comp = "eq"                              # "vượt 14,2% kế hoạch": the excess, not a bound
        target = ft.tidy(re.match(r"[^,;.()]*", text[end:limit]).group(0))
        subject = lead if not ft.is_empty_indicator(lead) else prev_base
        return result(f"mức vượt {target} {ft.lower_first(subject)}", "ratio", end)
    if q.family == "percent" and after.startswith(("tổng ", "GRDP")) and verbset & _REACH_WHOLE \
            and not ft.is_empty_indicator(lead) and not fold(lead).startswith(_RATE_HEADS):
        # "Bố trí ngân sách cho khoa học ... đạt ít nhất 2% tổng chi ngân sách", "Chi cho khoa
        # học bảo đảm tối thiểu 3% tổng chi ngân sách": a share of the whole after the number,
        # named by the words before it
        whole = re.split(r",\s|\s+và\s+", after, maxsplit=1)[0]
        return result(f"tỷ lệ {ft.lower_first(lead)} trong {whole}", "indicator", after_end, after_end)
    counted = q.family == "count" or is_rate(q.unit) or (
        q.family == "measure" and bool(after) and not after.startswith("so với"))   # "tăng 1,5 cm so với"
    bare_head = after and ft.low(lead) in ("tỷ lệ", "tỉ lệ", "số", "tổng số", "số lượng")
    if bare_head:
        lead = ""                                # "Giữ vững tỷ lệ 100% xã ...": the rate is named after
    if ft.is_empty_indicator(lead) or (not ft.starts_with_head(lead)
                                        and ((after and q.family == "percent") or counted)
                                        and not (verbset == {"đạt"} and not after)):
        # (not "Khách du lịch đến tỉnh đạt 8,9 triệu lượt": what "đạt" a number names the figure)
        # number first: "trên 98% thôn ...", "Xử lý 100% các điểm ...", "cho trên 23.500 người"
        each = ""
        if lead[:1] in ("M", "m") and fold(lead).startswith("moi "):       # "Mỗi xã, phường có ít nhất 1 trạm y tế": per unit
            each, lead = ft.lower_first(lead), ""
        if "," in lead:                          # "Năm 2023, trong bối cảnh ..., toàn tỉnh đạt 24/27"
            lead = ft.strip_lead(lead.rsplit(",", 1)[1])[1]
        action = "" if ft.is_empty_indicator(lead) else ft.lower_first(lead)
        if fold(after).startswith("so voi") and prev_base and not action:
            name = f"{prev_base} {after}"       # "..., tăng 9,5% so với cùng kỳ"
        elif q.family == "percent" and after and delta and not fold(after).startswith(("so voi", "ty le")):
            # "cắt giảm ít nhất 30% thời gian xử lý thủ tục": the change of what follows, by the
            # verb as written ("cắt giảm", not "giảm ... được cắt")
            if action and " " not in action:
                delta, action = f"{action} {delta}", ""
            name = after
        elif q.family == "percent" and after:
            name = after if ft.low(after).startswith(("tỷ lệ", "tỉ lệ")) else "tỷ lệ " + after
        elif counted:
            head = "số " + re.sub(r"^(?:nghìn|ngàn|triệu|vạn|trăm nghìn|chục nghìn)\s+", "",
                                   unit_as_written(text, q))
            name = head + (" " + after if after and not fold(after).startswith(fold(head)) else "")
            if fold(after).startswith("so "):
                name = after
        elif after:
            name = after
        elif prev_base and not action:
            name = prev_base
            if q.family == "percent" and prev and fold(prev.indicator).startswith("so "):
                # "Có 85/101 xã đạt chuẩn nông thôn mới, đạt 84,2%": the share of those counted
                name = "tỷ lệ " + prev.indicator[3:]
        else:
            name = action or q.unit
            action = ""
        if action:
            # "Kết nạp được 18 đảng viên": "được" after the verb says it was managed, no more
            name += " được " + re.sub(r"\s+(?:cho|tới|đến|được)$", "", action)
        if delta and not name.startswith("mức"):
            name = f"mức {delta} {name}"
        if each:
            name += " ở " + each
        return result(name, "number", after_end if after else end, after_end if after else end)

    name = ft.lower_first(lead)
    if delta:
        name = f"mức {delta} {name}" + (f" {so_voi_text}" if so_voi_text.startswith("so với") else "")
    stop_at = so_voi.end() if so_voi and so_voi_text.startswith("so với") else end
    return result(name, "change" if delta else "indicator", stop_at, stop_at)


def unit_as_written(text: str, q: Quantity) -> str:
    """The unit with the text's own capitals ("sản phẩm OCOP"); `q.unit` is lower-cased.

    >>> t = "có 20 sản phẩm OCOP"
    >>> unit_as_written(t, find_quantities(t)[0])
    'sản phẩm OCOP'
    """
    written = " ".join(text[q.number_end:q.end].split())
    return written if written.lower() == q.unit else q.unit
