"""Tracking fixtures (registered from conftest.py): databases with units, indicators, documents.

Every fixture that takes `db_session` runs on SQLite and on PostgreSQL (see fixtures_db).
"""
from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from nghiquyet.model import Extraction, Figure, Identity
from nghiquyet.store.library import ingest_extraction
from nghiquyet.track.linking import sync_catalogue, track_document
from nghiquyet.track.orgs import find_unit, load_units


def add_document(session, *, source: str, issuer: str, place: str | None = None, day: str | None = None,
                 kind: str = "ke_hoach", symbol: str | None = None, targets=(), results=(),
                 text: str = "", deadlines=()) -> int:
    """Store a small document written for a test (no extractor involved); returns its id.

    `targets`/`results` are tuples (indicator, comparator, value, value_max, unit, year[, extra]),
    extra being a dict of other Figure fields (period, base_year, estimate, planned).
    """
    def fig(t, kind_):
        ind, comp, v, vmax, unit, year, *extra = t
        return Figure(indicator=ind, comparator=comp, value=v, value_max=vmax, unit=unit, year=year,
                      kind=kind_, quote=ind, **(extra[0] if extra else {}))
    x = Extraction(source=source, document=Identity(kind=kind, symbol=symbol, date=day, issuer=issuer,
                                                    place=place, title=f"Kế hoạch {source}"),
                   targets=[fig(t, "target") for t in targets], results=[fig(r, "result") for r in results],
                   deadlines=list(deadlines), text=text or f"{issuer} {place or ''}", file_type="txt",
                   encoding="utf-8")
    digest = hashlib.sha256(json.dumps(x.to_contract(), ensure_ascii=False, default=str).encode()).hexdigest()
    out = ingest_extraction(session, extraction=x, file_hash=digest)
    session.flush()
    return out.document_id


@pytest.fixture
def track_db(db_session):
    """A fresh database (SQLite and PostgreSQL) with the shipped units and indicators loaded."""
    load_units(db_session)
    sync_catalogue(db_session)
    db_session.flush()
    return db_session


@pytest.fixture
def quang_tri_plan(track_db):
    """A 2025 plan of the People's Committee of Quảng Trị (after the merger) with five targets,
    tracked; returns (session, document id, unit)."""
    doc = add_document(
        track_db, source="kh_quang_tri_2025.txt", issuer="Ủy ban nhân dân tỉnh Quảng Trị",
        place="Quảng Trị", day="2025-08-15", symbol="150/KH-UBND",
        targets=[
            ("Tốc độ tăng trưởng kinh tế (GRDP)", "gte", 8.0, None, "%", 2025),
            ("Tỷ lệ hộ nghèo", "lt", 4.0, None, "%", 2025),
            ("Tỷ lệ che phủ rừng", "approx", 50.0, None, "%", 2025),
            ("Thu ngân sách nhà nước trên địa bàn", "gt", 9.5, None, "nghìn tỷ đồng", 2025),
            ("Tỷ lệ lao động qua đào tạo", "range", 70.0, 72.0, "%", 2025),
        ])
    track_document(track_db, document_id=doc)
    return track_db, doc, find_unit(track_db, "Quảng Trị", on=date(2025, 8, 15))
