"""Shapes of the JSON API (they make the OpenAPI document); values come from the services."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Family = Literal["target", "result", "deadline"]


class Problem(BaseModel):
    detail: str


class DocumentSummary(BaseModel):
    id: int
    label: str
    kind: str
    symbol: str | None = None
    symbol_inferred: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    status: str
    url: str = Field(description="The document's page")


class Item(BaseModel):
    """An extracted or added item with its effective (reviewed) values."""
    model_config = ConfigDict(extra="allow")
    id: int
    family: Family
    key: str
    document_id: int
    origin: str
    status: str
    span: list[int]
    corrected: bool


class Link(BaseModel):
    symbol: str
    kind: str | None = None
    implements: bool
    date: str | None = None
    issuer: str | None = None
    document_id: int | None = None
    document: str | None = None
    placeholder: bool


class DocumentDetail(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: int
    label: str
    kind: str
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    status: str
    placeholder: bool
    targets: list[Item]
    results: list[Item]
    deadlines: list[Item]
    cites: list[Link]
    cited_by: list[Link]


class TreeNode(BaseModel):
    id: int
    label: str
    kind: str | None = None
    title: str | None = None
    placeholder: bool
    repeated: bool
    children: list["TreeNode"]


class Cascade(BaseModel):
    up: list[TreeNode]
    down: list[TreeNode]


class IngestResult(BaseModel):
    status: Literal["new", "updated", "unchanged"]
    document_id: int
    targets: int
    results: int
    deadlines: int
    review_url: str


class ItemChanges(BaseModel):
    """Fields to change, e.g. `{"value": "18.500"}` or `{"value": 18500, "year": 2025}`.

    Figures: indicator, comparator, value, value_max, unit, year, period, number, base_year,
    estimate, planned. Deadlines: task, due (yyyy-mm-dd), responsible."""
    model_config = ConfigDict(extra="allow")


class SearchHit(BaseModel):
    entity: str
    id: int
    document_id: int
    kind: str | None = None
    issuer: str | None = None
    year: int | None = None
    title: str
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end) offsets into the snippet")
    exact: bool
    url: str


def drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
