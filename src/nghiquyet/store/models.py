"""Tables of the library: documents, their versions, citations, outline and extracted items.

Machine output and human review are kept apart: each extracted item row carries the values
the extractor produced in `machine` (JSON) and its *effective* values in the columns, which
are the machine values overlaid by the rows of `corrections` (keyed by the item's stable
`key`). Re-extracting a document recomputes the columns from the new machine output plus the
same corrections, so a human fix survives a new version of the file.

Table and column names are a contract with `track.models` and the web application: add
columns, never rename them.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String,
                        Text, UniqueConstraint, text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .db import Base

ORIGINS = ("machine", "human")
ITEM_STATUSES = ("draft", "confirmed", "deleted")
DOCUMENT_STATUSES = ("draft", "confirmed")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class EffectiveIdentity:
    """A document's symbol and date, its own or else the ones inferred from who cites it (for
    the ORM row and for `store.record.NewDocument`, a row just written by raw INSERT). No
    annotations here: the declarative mapping would read them as columns."""

    @property
    def effective_symbol(self) -> str | None:
        return self.symbol or self.symbol_inferred

    @property
    def effective_date(self) -> date | None:
        return self.date or self.date_inferred


class Document(EffectiveIdentity, Base):
    """One document of the cascade. `placeholder` documents are only known from citations."""
    __tablename__ = "documents"
    # The few documents printed without their symbol, searched for each new placeholder.
    __table_args__ = (Index("ix_documents_unnumbered", "kind", sqlite_where=text("symbol IS NULL"),
                            postgresql_where=text("symbol IS NULL")),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default="other")
    symbol: Mapped[str | None] = mapped_column(String(80))
    # Folded, space-free form of the effective symbol (own or inferred), for lookups.
    symbol_key: Mapped[str | None] = mapped_column(String(80), index=True)
    date: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    place: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_position: Mapped[str | None] = mapped_column(String(200))
    signer_on_behalf_of: Mapped[str | None] = mapped_column(String(200))
    recipients: Mapped[list] = mapped_column(JSON, default=list)
    symbol_inferred: Mapped[str | None] = mapped_column(String(80))
    date_inferred: Mapped[date | None] = mapped_column(Date)
    # The document whose citation gave the inferred symbol/date, and why it matched.
    inferred_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"))
    inference_note: Mapped[str | None] = mapped_column(Text)
    inference_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    placeholder: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    source_name: Mapped[str | None] = mapped_column(String(500), index=True)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("document_versions.id", use_alter=True, ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    versions: Mapped[list["DocumentVersion"]] = relationship(
        back_populates="document", foreign_keys="DocumentVersion.document_id",
        order_by="DocumentVersion.number", cascade="all, delete-orphan", passive_deletes=True)
    current_version: Mapped["DocumentVersion | None"] = relationship(
        foreign_keys=[current_version_id], post_update=True)

    @property
    def label(self) -> str:
        """How the document is named in listings: its symbol, else its source file, else #id."""
        sym = self.effective_symbol
        if sym:
            return sym if self.symbol else f"{sym} (suy ra)"
        return self.source_name or f"#{self.id}"


class DocumentVersion(Base):
    """One ingested file content of a document; a changed file adds a version."""
    __tablename__ = "document_versions"
    __table_args__ = (UniqueConstraint("document_id", "file_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    number: Mapped[int] = mapped_column(Integer, default=1)
    source_name: Mapped[str] = mapped_column(String(500))
    source_path: Mapped[str | None] = mapped_column(Text)
    file_hash: Mapped[str] = mapped_column(String(64), index=True)     # sha256 hex of the bytes
    file_type: Mapped[str | None] = mapped_column(String(20))
    encoding: Mapped[str | None] = mapped_column(String(40))
    size: Mapped[int] = mapped_column(Integer, default=0)              # bytes
    text: Mapped[str] = mapped_column(Text, default="")
    extracted: Mapped[dict] = mapped_column(JSON, default=dict)        # Extraction.to_contract()
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship(back_populates="versions",
                                              foreign_keys=[document_id])


class Citation(Base):
    """A document cited by symbol in another one; resolved to a library or placeholder node."""
    __tablename__ = "citations"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    cited_symbol: Mapped[str] = mapped_column(String(80))
    cited_key: Mapped[str] = mapped_column(String(80), index=True)
    cited_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="SET NULL"), index=True)
    # Indexed: inferring a document's symbol looks among the citations of its kind.
    kind: Mapped[str | None] = mapped_column(String(40), index=True)
    date: Mapped[date | None] = mapped_column(Date)
    issuer: Mapped[str | None] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    implements: Mapped[bool] = mapped_column(Boolean, default=False)
    quote: Mapped[str] = mapped_column(Text, default="")
    span_start: Mapped[int] = mapped_column(Integer, default=0)
    span_end: Mapped[int] = mapped_column(Integer, default=0)
    # The citing sentence from the citation to its end ("... thực hiện Nghị quyết số X"):
    # the quote often stops at the issuer, before what the cited document carries out.
    context: Mapped[str | None] = mapped_column(Text)
    # What the citation says the cited document carries out: the symbol keys, space-separated
    # (`matching.cited_implements` of the quote or context; "" for none). Kept so inference
    # need not read and parse every candidate's text again (migration 0007).
    cited_implements: Mapped[str | None] = mapped_column(Text)

    document: Mapped[Document] = relationship(foreign_keys=[document_id])
    cited_document: Mapped[Document | None] = relationship(foreign_keys=[cited_document_id])


class OutlineSection(Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    idx: Mapped[int] = mapped_column(Integer)                 # position in the outline
    label: Mapped[str] = mapped_column(String(40))
    heading: Mapped[str] = mapped_column(Text)
    level: Mapped[int] = mapped_column(Integer, default=0)
    parent_idx: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int | None] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer, default=0)
    span_end: Mapped[int] = mapped_column(Integer, default=0)


class _Item:
    """Columns every reviewable extracted item shares."""
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(80))      # stable across re-extraction
    idx: Mapped[int] = mapped_column(Integer, default=0)   # order in the document
    quote: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer, default=0)
    span_end: Mapped[int] = mapped_column(Integer, default=0)
    origin: Mapped[str] = mapped_column(String(10), default="machine")
    status: Mapped[str] = mapped_column(String(12), default="draft")
    # True when the document's latest version no longer yields this machine item.
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    machine: Mapped[dict | None] = mapped_column(JSON)   # the extractor's values, untouched
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    @property
    def active(self) -> bool:
        return not self.superseded and self.status != "deleted"


class _Figure(_Item):
    indicator: Mapped[str] = mapped_column(Text, default="")
    comparator: Mapped[str] = mapped_column(String(10), default="eq")
    value: Mapped[float | None] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(80))
    year: Mapped[int | None] = mapped_column(Integer)
    period: Mapped[str | None] = mapped_column(String(20))
    parent: Mapped[int | None] = mapped_column(Integer)    # idx of the figure it is part of
    number: Mapped[int | None] = mapped_column(Integer)
    base_year: Mapped[int | None] = mapped_column(Integer)
    estimate: Mapped[bool] = mapped_column(Boolean, default=False)
    planned: Mapped[float | None] = mapped_column(Float)


class Target(_Figure, Base):
    __tablename__ = "targets"
    __table_args__ = (UniqueConstraint("document_id", "key"),)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)


class Result(_Figure, Base):
    __tablename__ = "results"
    __table_args__ = (UniqueConstraint("document_id", "key"),)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)


class Deadline(_Item, Base):
    __tablename__ = "deadlines"
    __table_args__ = (UniqueConstraint("document_id", "key"),)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    task: Mapped[str] = mapped_column(Text, default="")
    due: Mapped[date | None] = mapped_column(Date)
    responsible: Mapped[str | None] = mapped_column(Text)


ITEM_MODELS: dict[str, type] = {"target": Target, "result": Result, "deadline": Deadline}


class Correction(Base):
    """A human change to one field of one item (or `status`), kept apart from machine output."""
    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    family: Mapped[str] = mapped_column(String(10))       # target | result | deadline
    item_key: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(40))
    value: Mapped[object] = mapped_column(JSON, nullable=True)
    author: Mapped[str | None] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_corrections_item", "document_id", "family", "item_key"),)


class SearchEntry(Base):
    """One searchable thing (a document, target, result or deadline) with its original text.

    A document's text is not copied here: its entry names the version it indexes
    (`version_id`, body empty). The backend's index is made by raw SQL in the migrations:
    on SQLite the FTS5 table `search_fts`, which reads this table (and the versions) through
    the view `search_fts_source`; on PostgreSQL the `tsv` tsvector column (GIN-indexed) of
    this table, computed from the folded text (see `store.index`).
    """
    __tablename__ = "search_entries"
    __table_args__ = (UniqueConstraint("entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(10))       # document | target | result | deadline
    entity_id: Mapped[int] = mapped_column(Integer)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                             index=True)
    kind: Mapped[str | None] = mapped_column(String(40), index=True)
    issuer: Mapped[str | None] = mapped_column(String(300))
    issuer_folded: Mapped[str | None] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    # The version whose text is this document entry's body (None: the body is `body`).
    version_id: Mapped[int | None] = mapped_column(Integer)
