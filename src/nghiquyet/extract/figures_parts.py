"""How figures relate to one another: a share and its whole, a "trong đó" part and the figure it
belongs to, a plan written beside a result, an age that names a group. Split from
`figures_build` (which names one quantity from the words around it).
"""
from __future__ import annotations

import re

from ..model import Figure
from ..text import fold
from . import figures_text as ft
from .numbers import Quantity, find_quantities  # noqa: F401 (doctests)


def share_name(sector: str, whole: str | None) -> str:
    """"tỷ trọng <sector> trong <whole>" unless the sector already names it.

    >>> share_name("dịch vụ", "GRDP")
    'tỷ trọng dịch vụ trong GRDP'
    >>> share_name("tỷ trọng kinh tế số trong GRDP", None)
    'tỷ trọng kinh tế số trong GRDP'
    """
    sector = ft.tidy(sector)
    if fold(sector).startswith(("ty trong", "ti trong")):
        return sector
    return f"tỷ trọng {sector}" + (f" trong {whole}" if whole else "")


def part_name(part: str, parent: str) -> str:
    """The indicator of a "trong đó" part, completed from its parent's.

    >>> part_name("có bằng cấp, chứng chỉ", "tỷ lệ lao động qua đào tạo")
    'tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ'
    >>> part_name("nước đạt tiêu chuẩn", "tỷ lệ dân số nông thôn sử dụng nước hợp vệ sinh")
    'tỷ lệ dân số nông thôn sử dụng nước đạt tiêu chuẩn'
    >>> part_name("mức giảm tỷ lệ trong đồng bào dân tộc thiểu số", "mức giảm tỷ lệ hộ nghèo")
    'mức giảm tỷ lệ hộ nghèo trong đồng bào dân tộc thiểu số'
    >>> part_name("thu nội địa", "tổng thu ngân sách trên địa bàn")
    'thu nội địa'
    >>> part_name("mức tăng công nghiệp - xây dựng", "mức tăng tổng sản phẩm")
    'mức tăng công nghiệp - xây dựng'
    """
    part, parent = ft.tidy(part), ft.tidy(parent)
    fp, fpar = fold(part), fold(parent)
    prefix = ""
    m = re.match(r"muc (?:tang|giam) ", fp)
    if m:
        n = m.end()
        if fpar.startswith(fp[:n]):
            parent, fpar = parent[n:], fpar[n:]
        prefix, part, fp = part[:n], part[n:], fp[n:]
    words_par = fpar.split()
    head = " ".join(words_par[:2])
    if len(words_par) > 2 and fp.startswith(head + " ") and ft.starts_with_head(part):
        return prefix + parent + part[len(head):]            # "tỷ lệ <in group>" of the same rate
    if ft.starts_with_head(part) or prefix:
        return prefix + part                                 # a complete name of its own
    first = fp.split()[0] if fp.split() else ""
    idx = fpar.rfind(" " + first + " ") if first else -1
    if first and idx > 0 and first not in ("co", "la", "dat", "trong"):
        return prefix + parent[: idx + 1] + part             # "... sử dụng nước" + "nước đạt ..."
    return prefix + parent + " " + part


# Heads that name a figure of their own when a clause opens with one ("thu" does not: "trong đó:
# thu nội địa ...; thu xuất nhập khẩu ..." lists parts).
_OWN_HEAD = re.compile(r"(?:ty|ti) (?:le|trong) |toc do |tong |so ")


def names_other(clause: str, whole: str) -> bool:
    """Whether a clause after ";" names another figure than the "trong đó" parts' whole.

    >>> names_other("tỷ lệ gia đình đạt danh hiệu văn hóa từ ", "tỷ lệ trường học đạt chuẩn")
    True
    >>> names_other("tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm ", "mức giảm tỷ lệ hộ nghèo")
    False
    >>> names_other("thu xuất nhập khẩu ", "tổng thu ngân sách"), names_other("", "x")
    (False, False)
    """
    lead = fold(ft.strip_lead(clause)[1]) + " "
    m = _OWN_HEAD.match(lead)
    if not m:
        return False
    own = lead[m.end():].split()[:2]
    words = fold(whole).split()
    return not any(words[i:i + len(own)] == own for i in range(len(words)))


# --- figures that are not figures of their own -------------------------------------

# "người từ 60 tuổi trở lên", "trẻ em dưới 5 tuổi": an age that names a group of people.
_AGE_GROUP = re.compile(r"(?:người|trẻ\s+em|trẻ|học\s+sinh|sinh\s+viên|phụ\s+nữ|thanh\s+niên|"
                        r"lao\s+động|nam|nữ|cụ)\s+(?:(?:từ|dưới|trên|đủ|đến)\s+)?$", re.IGNORECASE)


def age_group(text: str, q: Quantity) -> bool:
    """Whether an age in years describes who is counted rather than being a figure.

    >>> group, life = "100% người từ 60 tuổi trở lên", "Tuổi thọ đạt 75 tuổi"
    >>> age_group(group, find_quantities(group)[1]), age_group(life, find_quantities(life)[0])
    (True, False)
    """
    return q.unit == "tuổi" and bool(_AGE_GROUP.search(text, max(0, q.start - 24), q.start))


# What names a plan figure written beside a result: "(kế hoạch 68%)", "(KH: 68%)",
# "vượt chỉ tiêu Nghị quyết (68%)", "(Nghị quyết đề ra 68%)", "không đạt kế hoạch (95%)".
_PLAN_NAME = re.compile(r"""^(?:vượt\s+|so\s+với\s+|theo\s+|(?:không\s+|chưa\s+)?đạt\s+)?
    (?:kế\s+hoạch|kh|chỉ\s+tiêu|mục\s+tiêu|nghị\s+quyết|nq|dự\s+toán)
    (?:\s+(?:nghị\s+quyết|nq|đề\s+ra|giao|năm|tỉnh|huyện|kế\s+hoạch|(?:19|20)\d\d))*\W*
    (?:(?:dưới|trên|khoảng|từ|ít\s+nhất|tối\s+thiểu|tối\s+đa|không\s+quá)\s*)?$""",
                        re.IGNORECASE | re.VERBOSE)


def plan_of(indicator: str, q: Quantity, previous: Figure) -> bool:
    """Whether quantity `q` is the plan of the result just before it, in the same unit.

    >>> r = Figure(indicator="x", comparator="eq", value=68.5, unit="%", kind="result")
    >>> q = find_quantities("(kế hoạch 68%)")[0]
    >>> plan_of("kế hoạch", q, r), plan_of("tỷ lệ lao động qua đào tạo", q, r)
    (True, False)
    >>> plan_of("không đạt kế hoạch", q, r), plan_of("chưa đạt chỉ tiêu Nghị quyết", q, r)
    (True, True)
    >>> plan_of("vượt kế hoạch đề ra (kế hoạch", find_quantities("(kế hoạch 7,5 - 8%)")[0], r)
    True
    """
    return (previous.kind == "result" and previous.unit == q.unit and previous.planned is None
            and bool(_PLAN_NAME.match(ft.tidy(indicator))))      # a range plan: kept by its floor
