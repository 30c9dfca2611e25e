"""Tracking on a real database (SQLite and PostgreSQL): linking, observations, scorecards."""
from __future__ import annotations

import hashlib
from datetime import date

import pytest
from sqlalchemy import select

from fixtures_track import add_document
from nghiquyet.store.library import ingest_extraction
from nghiquyet.track import observations as obs
from nghiquyet.track.linking import track_document
from nghiquyet.track.models import Indicator, Observation
from nghiquyet.track.orgs import document_unit, find_unit
from nghiquyet.track.scorecard import document_scorecard, organisation_scorecard, target_statuses


def ind(session, code):
    return session.scalar(select(Indicator).where(Indicator.code == code))


def test_gold_documents_are_linked_to_units_and_indicators(track_db, gold_extractions):
    ids = {}
    for source, x in gold_extractions.items():
        out = ingest_extraction(track_db, extraction=x, file_hash=hashlib.sha256(source.encode()).hexdigest())
        ids[source] = out.document_id
    reports = {s: track_document(track_db, document_id=i) for s, i in ids.items()}
    # every gold target is linked: to a catalogue indicator, or to a proposal awaiting review
    for source, x in gold_extractions.items():
        r = reports[source]
        assert r.linked + len(r.proposed) == len(x.targets), source
        assert r.linked >= 0.9 * len(x.targets), (source, r.proposed)
    # the district plan concerns the district as it was before 1 July 2025
    district = [s for s, x in gold_extractions.items() if "Huyện ủy" in (x.document.issuer or "")]
    assert district and reports[district[0]].organisation.startswith("H")
    assert document_unit(track_db, ids[district[0]]).valid_to == date(2025, 6, 30)
    proposed = track_db.scalars(select(Indicator).where(Indicator.origin == "proposed")).all()
    assert all(not p.reviewed for p in proposed)


def test_results_become_observations_and_estimates_stay_beside_final(track_db):
    report_2024 = add_document(
        track_db, source="bc_2024.txt", issuer="Ủy ban nhân dân tỉnh Quảng Trị", place="Quảng Trị",
        day="2024-12-10", kind="bao_cao",
        results=[("Tăng trưởng kinh tế", "approx", 7.3, None, "%", 2024, {"estimate": True}),
                 ("Tỷ lệ hộ nghèo", "eq", 4.1, None, "%", 2023)])
    report_2025 = add_document(
        track_db, source="bc_2025.txt", issuer="Ủy ban nhân dân tỉnh Quảng Trị", place="Quảng Trị",
        day="2025-03-10", kind="bao_cao",
        results=[("Tăng trưởng kinh tế", "eq", 7.1, None, "%", 2024)])
    for d in (report_2024, report_2025):
        assert track_document(track_db, document_id=d).observations >= 1
    unit = find_unit(track_db, "Quảng Trị", on=date(2024, 12, 10))
    growth = ind(track_db, "GRDP_GROWTH")
    rows = track_db.scalars(select(Observation).where(Observation.indicator_id == growth.id)).all()
    assert sorted((o.kind, o.value) for o in rows) == [("actual", 7.1), ("estimate", 7.3)]
    assert obs.series(track_db, indicator_id=growth.id, organisation_id=unit.id,
                      as_of=date(2025, 12, 31)) == {2024: 7.1}
    diff = obs.estimate_vs_final(track_db, indicator_id=growth.id, organisation_id=unit.id)
    assert diff[0]["year"] == 2024 and diff[0]["difference"] == pytest.approx(-0.2)
    # tracking again changes nothing
    track_document(track_db, document_id=report_2025)
    assert len(track_db.scalars(select(Observation).where(Observation.indicator_id == growth.id)).all()) == 2


def test_document_scorecard_counts_targets_met(quang_tri_plan):
    session, doc, unit = quang_tri_plan
    assert unit.code == "T44" and unit.valid_from == date(2025, 7, 1)

    def put(code, period, value, kind="actual"):
        obs.record(session, indicator=ind(session, code), organisation=unit, period=period, value=value,
                   kind=kind, who="test")
    put("GRDP_GROWTH", 2025, 8.1)           # ≥ 8, within 2 %: met
    put("POVERTY_RATE", 2025, 3.2)          # < 4 by more than 2 %: exceeded
    put("FOREST_COVER", 2025, 48.0)         # khoảng 50: 48 < 49: missed
    put("BUDGET_REVENUE", "Quý III/2025", 7000)   # year to date: only September so far
    put("BUDGET_REVENUE", 2025, 9600)       # > 9,5 nghìn tỷ = 9.500 tỷ: met (annual figure wins)
    # trained labour: no figure
    sc = document_scorecard(session, doc, 2025)
    by = {r.indicator_code: r.status for r in sc.rows}
    assert by == {"GRDP_GROWTH": "met", "POVERTY_RATE": "exceeded", "FOREST_COVER": "missed",
                  "BUDGET_REVENUE": "met", "TRAINED_LABOUR": "no_data"}
    assert sc.summary.startswith("3/5 chỉ tiêu đạt và vượt")
    # as of 30 September only the year-to-date revenue is known, and it is short
    early = {r.indicator_code: r for r in target_statuses(session, document_id=doc, as_of=date(2025, 9, 30))}
    assert early["BUDGET_REVENUE"].observed == 7000 and early["BUDGET_REVENUE"].status != "met"
    org = organisation_scorecard(session, unit, 2025)
    assert (org.achieved, org.total) == (3, 5)


def test_change_targets_use_the_base_indicator_when_unreported(track_db):
    doc = add_document(track_db, source="nq_ha_tinh.txt", issuer="Ban Chấp hành Đảng bộ tỉnh",
                       place="Hà Tĩnh", day="2021-10-01",
                       targets=[("Mức giảm tỷ lệ hộ nghèo bình quân", "range", 0.6, 1.0, "%/năm", 2025,
                                 {"period": "2021-2025"})])
    track_document(track_db, document_id=doc)
    unit = find_unit(track_db, "Hà Tĩnh")
    for year, rate in ((2020, 5.0), (2021, 4.3), (2022, 3.6), (2023, 3.0)):
        obs.record(track_db, indicator=ind(track_db, "POVERTY_RATE"), organisation=unit, period=year, value=rate)
    (row,) = target_statuses(track_db, document_id=doc, as_of=date(2023, 12, 31))
    # falls of 0,7, 0,7, 0,6 points: mean 0,667 ≥ 0,6 → on track
    assert row.indicator_code == "POVERTY_REDUCTION" and row.status == "on_track"
    assert row.observed == pytest.approx(2.0 / 3)


def test_recording_validates_and_replaces(track_db):
    unit = find_unit(track_db, "Hà Tĩnh")
    forest = ind(track_db, "FOREST_COVER")
    a = obs.record(track_db, indicator=forest, organisation=unit, period="2024", value=52.1)
    b = obs.record(track_db, indicator=forest, organisation=unit, period=2024, value=52.3)
    assert a.id == b.id and b.value == 52.3
    with pytest.raises(obs.ObservationError, match="kỳ không hợp lệ"):
        obs.record(track_db, indicator=forest, organisation=unit, period="2024-13", value=1)
    with pytest.raises(obs.ObservationError, match="loại"):
        obs.record(track_db, indicator=forest, organisation=unit, period="2024", value=1, kind="guess")


def test_status_carries_a_forecast_with_required_and_observed_change(quang_tri_plan):
    session, doc, unit = quang_tri_plan
    forest = ind(session, "FOREST_COVER")
    for year, v in ((2021, 44.0), (2022, 45.0), (2023, 46.0)):
        obs.record(session, indicator=forest, organisation=unit, period=year, value=v)
    rows = {r.indicator_code: r for r in target_statuses(session, document_id=doc, as_of=date(2023, 12, 31),
                                                         with_forecast=True)}
    f = rows["FOREST_COVER"].forecast
    # +1 point a year reaches 48 in 2025; "khoảng 50%" needs 49 (2 % tolerance): 1,5 a year from 46
    assert f["linear"] == pytest.approx(48.0) and f["observed_change"] == pytest.approx(1.0)
    assert f["required_change"] == pytest.approx(1.5)
    assert rows["FOREST_COVER"].status == "at_risk"       # (46/44)^(1/2): 2,25 %/year; (49/44)^(1/4): 2,73 % needed
