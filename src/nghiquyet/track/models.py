"""Tables of tracking, on the library's `Base`; they point at the library's tables by id.

indicators ← indicator_aliases                the catalogue in the database (shipped + proposed)
targets → target_indicators → indicators       which indicator a stored target measures, for whom
organisations ⇄ organisation_successors        units and agencies over time (1 July 2025)
documents → document_organisations             issuer / organisation concerned
observations → observation_years               reported figures (document, manual, import), yearly
reporting_rounds → submissions                 a unit's figures for a round: draft → approved
explanation_requests                           "yêu cầu giải trình" on a figure or a target
deadlines → tasks                              a deadline tracked as a task with an owner

Names are a contract with the web application: add columns, never rename them.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..store.db import Base
from ..store.models import utcnow

PERIOD_TYPES = ("year", "quarter", "month")
OBSERVATION_KINDS = ("actual", "estimate", "planned")
OBSERVATION_SOURCES = ("document", "manual", "import")
SUBMISSION_STATES = ("draft", "submitted", "approved", "returned")
ORG_LEVELS = ("central", "province", "district", "commune")


class Indicator(Base):
    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(80), default="")
    direction: Mapped[str] = mapped_column(String(10), default="higher")
    nature: Mapped[str] = mapped_column(String(10), default="level")
    group: Mapped[str | None] = mapped_column(String(40))
    of_code: Mapped[str | None] = mapped_column(String(80))
    # catalogue: shipped file; proposed: made from an unmatched figure, awaiting review
    origin: Mapped[str] = mapped_column(String(12), default="catalogue")
    reviewed: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    aliases: Mapped[list["IndicatorAlias"]] = relationship(
        back_populates="indicator", cascade="all, delete-orphan", passive_deletes=True)


class IndicatorAlias(Base):
    __tablename__ = "indicator_aliases"
    __table_args__ = (UniqueConstraint("indicator_id", "alias_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"),
                                              index=True)
    alias: Mapped[str] = mapped_column(Text)
    alias_key: Mapped[str] = mapped_column(String(400), index=True)   # catalogue.key(alias)

    indicator: Mapped[Indicator] = relationship(back_populates="aliases")


class Organisation(Base):
    """An administrative unit (kind `unit`) or an organ of one (kind `agency`: Tỉnh ủy, HĐND,
    UBND, a department), valid between two dates; successors say who took it over."""
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(300), index=True)    # folded short name
    kind: Mapped[str] = mapped_column(String(10), default="unit")     # unit | agency
    level: Mapped[str] = mapped_column(String(10))                    # ORG_LEVELS
    type: Mapped[str | None] = mapped_column(String(20))              # tinh, huyen, xa, tinh_uy...
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                  index=True)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    gso_code: Mapped[str | None] = mapped_column(String(10))

    parent: Mapped["Organisation | None"] = relationship(remote_side=[id])

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to)


class OrganisationSuccessor(Base):
    __tablename__ = "organisation_successors"
    __table_args__ = (UniqueConstraint("organisation_id", "successor_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                 index=True)
    successor_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                              index=True)
    main: Mapped[bool] = mapped_column(Boolean, default=False)    # the default one of a split


class DocumentOrganisation(Base):
    __tablename__ = "document_organisations"
    __table_args__ = (UniqueConstraint("document_id", "organisation_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                 index=True)
    role: Mapped[str] = mapped_column(String(12), default="issuer")   # issuer | concerns


class TargetIndicator(Base):
    """A stored target linked to the indicator it measures and the organisation it concerns."""
    __tablename__ = "target_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), unique=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    method: Mapped[str] = mapped_column(String(10), default="exact")   # exact alias fuzzy proposed manual
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    indicator: Mapped[Indicator] = relationship()


class Observation(Base):
    """A figure of an indicator for an organisation and a period."""
    __tablename__ = "observations"
    __table_args__ = (
        Index("ix_observations_series", "indicator_id", "organisation_id", "year", "period_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                 index=True)
    period_type: Mapped[str] = mapped_column(String(8), default="year")      # PERIOD_TYPES
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    year: Mapped[int] = mapped_column(Integer)          # year of period_end, for fast grouping
    value: Mapped[float] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(10), default="actual")          # OBSERVATION_KINDS
    source: Mapped[str] = mapped_column(String(10), default="manual")        # OBSERVATION_SOURCES
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                                    index=True)
    result_id: Mapped[int | None] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"),
                                                  index=True)
    submission_id: Mapped[int | None] = mapped_column(
        ForeignKey("submissions.id", ondelete="SET NULL"), index=True)
    source_ref: Mapped[str | None] = mapped_column(String(300))   # file:row of an import
    created_by: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class ObservationYear(Base):
    """The yearly value of each series, kept current on every write (`observations.refresh_years`):
    the figure of the latest period ending in the year, an actual one before an estimate. It is
    what scorecards read, so they need not scan every monthly figure."""
    __tablename__ = "observation_years"

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                 primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float)
    period_end: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))
    observation_id: Mapped[int] = mapped_column(ForeignKey("observations.id", ondelete="CASCADE"), index=True)


class ReportingRound(Base):
    __tablename__ = "reporting_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    period_type: Mapped[str] = mapped_column(String(8), default="year")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    due: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Submission(Base):
    """A unit's figures for a round: draft → submitted → approved | returned (with a reason)."""
    __tablename__ = "submissions"
    __table_args__ = (UniqueConstraint("round_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("reporting_rounds.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                 index=True)
    state: Mapped[str] = mapped_column(String(10), default="draft")          # SUBMISSION_STATES
    reason: Mapped[str | None] = mapped_column(Text)                         # why returned / reopened
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime)
    submitted_by: Mapped[str | None] = mapped_column(String(120))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    round: Mapped[ReportingRound] = relationship()

    @property
    def locked(self) -> bool:
        return self.state == "approved"


class ExplanationRequest(Base):
    """A reviewer's question on a figure or a target's status, and the unit's answer."""
    __tablename__ = "explanation_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int | None] = mapped_column(
        ForeignKey("observations.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    question: Mapped[str] = mapped_column(Text)
    asked_by: Mapped[str | None] = mapped_column(String(120))
    asked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[str | None] = mapped_column(String(120))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class Task(Base):
    """A deadline tracked as a task: who owns it and when it was done."""
    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    deadline_id: Mapped[int] = mapped_column(ForeignKey("deadlines.id", ondelete="CASCADE"), unique=True)
    owner: Mapped[str | None] = mapped_column(String(300))                  # as written / assigned
    owner_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
