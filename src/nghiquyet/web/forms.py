"""The review form: which fields of an item a person edits, and how form text maps to them.

Numbers are shown and typed the Vietnamese way (`17.900`, `7,3`); `store.review` parses them
(it owns the rules); this module only decides what changed, so that an untouched field does
not become a "correction".
"""
from __future__ import annotations

from typing import Any, Mapping

from ..model import COMPARATORS
from .present import COMPARATOR_SIGNS, number

# family → (plural key of document_dict, Vietnamese heading)
FAMILIES: dict[str, tuple[str, str]] = {
    "target": ("targets", "Chỉ tiêu"),
    "result": ("results", "Kết quả"),
    "deadline": ("deadlines", "Thời hạn"),
}

COMPARATOR_CHOICES = [
    ("eq", "bằng (=)"), ("gte", "ít nhất (≥)"), ("gt", "trên (>)"), ("lte", "tối đa (≤)"),
    ("lt", "dưới (<)"), ("approx", "khoảng (≈)"), ("range", "từ … đến"),
]
assert {c for c, _ in COMPARATOR_CHOICES} == set(COMPARATORS)
assert set(COMPARATOR_SIGNS) == set(COMPARATORS)

# (field, label, input type); the order is the order on the form.
FIGURE_FORM = [
    ("indicator", "Chỉ tiêu", "text"), ("comparator", "So sánh", "comparator"),
    ("value", "Giá trị", "number"), ("value_max", "Đến", "number"), ("unit", "Đơn vị tính", "text"),
    ("year", "Năm", "year"),
]
RESULT_EXTRA = [("estimate", "Ước đạt", "checkbox")]
DEADLINE_FORM = [
    ("task", "Nhiệm vụ", "text"), ("due", "Hạn", "date"), ("responsible", "Chủ trì", "text"),
]
FORM_FIELDS = {"target": FIGURE_FORM, "result": FIGURE_FORM + RESULT_EXTRA,
               "deadline": DEADLINE_FORM}


def shown(field_type: str, value: Any) -> str:
    """The text an input shows for a stored value.

    >>> shown("number", 17900.0), shown("number", 7.3), shown("year", 2030), shown("text", None)
    ('17.900', '7,3', '2030', '')
    """
    if value is None:
        return ""
    if field_type == "number":
        return number(value)
    if field_type == "checkbox":
        return "1" if value else ""
    return str(value)


def item_context(item: dict) -> dict:
    """An item dict of `store.items.item_dict` plus the text of each input (`input_<field>`)."""
    out = dict(item)
    for field, _, kind in FORM_FIELDS[item["family"]]:
        out[f"input_{field}"] = shown(kind, item.get(field))
    return out


def form_values(family: str, form: Mapping[str, Any], row: Any | None) -> dict:
    """The fields the person changed (all given fields when adding a new item, `row` None).

    >>> class Row: indicator, comparator, value, value_max, unit, year, estimate = (
    ...     "Tỷ lệ hộ nghèo", "lte", 2.5, None, "%", 2025, False)
    >>> form_values("target", {"indicator": "Tỷ lệ hộ nghèo", "comparator": "lte",
    ...     "value": "2,5", "value_max": "", "unit": "%", "year": "2025"}, Row())
    {}
    >>> form_values("target", {"indicator": "Tỷ lệ hộ nghèo ", "value": "2,0", "unit": "%",
    ...     "comparator": "lte", "value_max": "", "year": "2025"}, Row())
    {'value': '2,0'}
    """
    changes: dict[str, Any] = {}
    for field, _, kind in FORM_FIELDS[family]:
        if kind == "checkbox":
            new: Any = field in form
            old = bool(getattr(row, field, False)) if row is not None else False
            if row is None or new != old:
                changes[field] = new
            continue
        if field not in form:
            continue
        text = str(form[field]).strip()
        if row is None:
            if text:
                changes[field] = text
            continue
        if text != shown(kind, getattr(row, field, None)).strip():
            changes[field] = text
    return changes
