"""The extraction's data model: what `extract` finds in one document.

These plain dataclasses are the contract between the stages: `extract` fills them, `store`
persists them, `track` and `show` read them. `Extraction.to_contract()` gives the JSON shape of
`../shared/EXTRACTION.md` (plus additive fields such as `section` and `span`).

Character spans (`span`) are offsets into `Extraction.text`, the normalised text the extractor
worked on, so a quote can be highlighted in the original.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DOCUMENT_KINDS = (
    "nghi_quyet", "chuong_trinh_hanh_dong", "ke_hoach", "ket_luan", "chi_thi",
    "quyet_dinh", "bao_cao", "thong_bao", "de_an", "other",
)

COMPARATORS = ("eq", "gt", "gte", "lt", "lte", "approx", "range")

Span = tuple[int, int]


@dataclass
class Signer:
    name: str | None = None
    position: str | None = None
    on_behalf_of: str | None = None


@dataclass
class Identity:
    """Who issued the document, when, under which number, and to whom."""
    kind: str = "other"
    symbol: str | None = None
    date: str | None = None           # ISO yyyy-mm-dd
    issuer: str | None = None
    place: str | None = None
    title: str | None = None
    signer: Signer = field(default_factory=Signer)
    recipients: list[str] = field(default_factory=list)
    symbol_inferred: str | None = None
    date_inferred: str | None = None


@dataclass
class Section:
    """One heading of the outline (`II.`, `2.`, `2.1.`, `a)`), with its parent's index."""
    label: str                        # "II", "2", "2.1", "a"
    heading: str                      # heading text without the label
    level: int                        # 0 for roman parts, deeper numbers below
    parent: int | None                # index in Extraction.outline
    span: Span = (0, 0)
    year: int | None = None           # horizon year stated by the heading ("đến năm 2030")

    @property
    def title(self) -> str:
        return f"{self.label}. {self.heading}".strip()


@dataclass
class Footnote:
    mark: str                         # "1", "2" (from ¹ ²)
    text: str
    called_at: int | None = None      # offset of the call mark in the text
    section: str | None = None
    span: tuple[int, int] | None = None   # the note's own text in the document text


@dataclass
class Reference:
    """A document cited by its symbol."""
    symbol: str
    kind: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None          # what the citation says it is about ("về ...")
    implements: bool = False          # this document carries it out ("Thực hiện ...")
    quote: str = ""
    span: Span = (0, 0)


@dataclass
class Figure:
    """A number with what it measures: a target (future goal) or a result (reported figure)."""
    indicator: str
    comparator: str                   # one of COMPARATORS
    value: float | None
    value_max: float | None = None
    unit: str | None = None
    year: int | None = None
    period: str | None = None         # "2021-2030"
    parent: int | None = None         # index of the figure a "trong đó" part belongs to
    quote: str = ""
    section: str | None = None        # "II. MỤC TIÊU › 2. Một số chỉ tiêu cụ thể đến năm 2030"
    span: Span = (0, 0)
    number: int | None = None         # "(12)" in a numbered list of targets
    base_year: int | None = None      # "so với năm 2020"
    kind: str = "target"              # "target" | "result"
    estimate: bool = False            # "ước đạt": an estimate, to be replaced by the final figure
    planned: float | None = None      # "45.799/36.875 tỷ đồng": the planned figure beside the result


@dataclass
class Deadline:
    task: str
    due: str                          # ISO date; last day of a month or quarter
    responsible: str | None = None
    quote: str = ""
    section: str | None = None
    span: Span = (0, 0)


@dataclass
class Extraction:
    source: str
    document: Identity = field(default_factory=Identity)
    references: list[Reference] = field(default_factory=list)
    targets: list[Figure] = field(default_factory=list)
    results: list[Figure] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    outline: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    text: str = ""
    file_type: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_contract(self, *, with_text: bool = False) -> dict[str, Any]:
        """The JSON object of EXTRACTION.md, with extra fields (section, span, outline...)."""
        def figure(f: Figure) -> dict[str, Any]:
            d = asdict(f)
            d["span"] = list(f.span)
            return d

        out: dict[str, Any] = {
            "source": self.source,
            "document": asdict(self.document),
            "references": [{**asdict(r), "span": list(r.span)} for r in self.references],
            "targets": [figure(t) for t in self.targets],
            "results": [figure(r) for r in self.results],
            "deadlines": [{**asdict(d), "span": list(d.span)} for d in self.deadlines],
            "outline": [{"label": s.label, "heading": s.heading, "level": s.level,
                         "parent": s.parent, "year": s.year, "span": list(s.span)}
                        for s in self.outline],
            "footnotes": [asdict(f) for f in self.footnotes],
            "file_type": self.file_type,
            "encoding": self.encoding,
            "warnings": list(self.warnings),
        }
        if with_text:
            out["text"] = self.text
        return out
