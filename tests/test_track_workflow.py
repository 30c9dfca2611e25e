"""Reporting rounds, submissions and locks, explanation requests, tasks, cascade alignment."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from fixtures_track import add_document
from nghiquyet.model import Deadline
from nghiquyet.track import observations as obs, tasks, workflow
from nghiquyet.track.align import align, conflicting_figures, share_warnings
from nghiquyet.track.imports import ImportFailed, import_file
from nghiquyet.track.linking import track_document
from nghiquyet.track.models import Indicator
from nghiquyet.track.orgs import find_unit


def ind(session, code):
    return session.scalar(select(Indicator).where(Indicator.code == code))


def test_submission_goes_draft_submitted_returned_approved_and_locks(quang_tri_plan, tmp_path):
    session, _, unit = quang_tri_plan
    rnd = workflow.open_round(session, name="Báo cáo năm 2025", period=2025, due=date(2026, 1, 15))
    forest = obs.record(session, indicator=ind(session, "FOREST_COVER"), organisation=unit, period=2025, value=49.5)
    s = workflow.submit(session, round_id=rnd.id, organisation=unit, who="UBND tỉnh")
    assert s.state == "submitted"
    with pytest.raises(workflow.WorkflowError, match="lý do"):
        workflow.return_for_revision(session, round_id=rnd.id, organisation=unit, reason=" ")
    s = workflow.return_for_revision(session, round_id=rnd.id, organisation=unit, reason="Thiếu số liệu hộ nghèo",
                                     who="Sở Kế hoạch")
    assert (s.state, s.reason) == ("returned", "Thiếu số liệu hộ nghèo")
    workflow.submit(session, round_id=rnd.id, organisation=unit)
    s = workflow.approve(session, round_id=rnd.id, organisation=unit, who="Sở Kế hoạch")
    assert s.locked and s.decided_by == "Sở Kế hoạch"
    # locked: no manual change, no import
    with pytest.raises(obs.LockedError, match="đã được duyệt"):
        obs.record(session, indicator=ind(session, "FOREST_COVER"), organisation=unit, period=2025, value=50.0)
    sheet = tmp_path / "sua.csv"
    sheet.write_text("Mã đơn vị,Mã chỉ tiêu,Kỳ,Giá trị\nT44,FOREST_COVER,Quý IV/2025,50\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="khóa"):
        import_file(session, path=sheet, today=date(2026, 2, 1))
    with pytest.raises(workflow.WorkflowError, match="đã duyệt"):
        workflow.submit(session, round_id=rnd.id, organisation=unit)
    workflow.reopen(session, round_id=rnd.id, organisation=unit, reason="Cục Thống kê điều chỉnh", who="Sở Kế hoạch")
    assert obs.record(session, indicator=ind(session, "FOREST_COVER"), organisation=unit, period=2025,
                      value=50.0).id == forest.id


def test_completeness_and_timeliness(quang_tri_plan):
    session, _, unit = quang_tri_plan
    rnd = workflow.open_round(session, name="", period=2025, due=date(2026, 1, 15))
    on_time = obs.record(session, indicator=ind(session, "FOREST_COVER"), organisation=unit, period=2025, value=49)
    late = obs.record(session, indicator=ind(session, "POVERTY_RATE"), organisation=unit, period="Quý IV/2025",
                      value=3.1)
    on_time.created_at, late.created_at = datetime(2026, 1, 10, 9), datetime(2026, 1, 20, 9)
    session.flush()
    (row,) = [c for c in workflow.completeness(session, round_id=rnd.id) if c.organisation == unit.code]
    assert (row.expected, row.arrived, row.on_time) == (5, 2, 1)
    assert row.share == pytest.approx(0.4) and row.submitted_on_time is None
    with pytest.raises(workflow.WorkflowError, match="trước khi kỳ"):
        workflow.open_round(session, name="x", period=2025, due=date(2025, 6, 1))


def test_explanation_requests_keep_question_answer_and_who(quang_tri_plan):
    session, doc, unit = quang_tri_plan
    o = obs.record(session, indicator=ind(session, "POVERTY_RATE"), organisation=unit, period=2025, value=4.4)
    req = workflow.ask(session, question="Vì sao tỷ lệ hộ nghèo tăng so với năm trước?", observation_id=o.id,
                       who="Ban Kinh tế - Ngân sách HĐND")
    assert req.organisation_id == unit.id and req.answer is None
    workflow.answer(session, request_id=req.id, text="Do thiên tai cuối năm; đã rà soát lại.", who="Sở LĐTBXH")
    assert req.answered_by == "Sở LĐTBXH" and req.answered_at is not None
    workflow.close(session, request_id=req.id)
    with pytest.raises(workflow.WorkflowError, match="đã đóng"):
        workflow.answer(session, request_id=req.id, text="thêm")
    assert workflow.requests_for(session, observation_id=o.id) == [req]
    assert workflow.requests_for(session, organisation_id=unit.id, open_only=True) == []
    with pytest.raises(workflow.WorkflowError):
        workflow.ask(session, question="?", who="x")


def test_deadlines_become_tasks_in_the_four_office_categories(track_db):
    doc = add_document(track_db, source="kh_tuyen_truyen.txt", issuer="Ban Thường vụ Tỉnh ủy", place="Nghệ An",
                       day="2025-01-10", deadlines=[
                           Deadline(task="Hội nghị quán triệt", due="2025-02-28", responsible="Ban Tuyên giáo Tỉnh ủy"),
                           Deadline(task="Sơ kết 6 tháng", due="2025-06-30", responsible="Ban Tuyên giáo Tỉnh ủy"),
                           Deadline(task="Báo cáo kết quả", due="2025-12-31", responsible="Văn phòng Tỉnh ủy"),
                           Deadline(task="Xây dựng chuyên mục", due="2025-03-31", responsible=None)])
    assert tasks.sync_tasks(track_db, document_id=doc) == 4
    assert tasks.sync_tasks(track_db, document_id=doc) == 0
    rows = {r.task: r for r in tasks.task_rows(track_db, today=date(2025, 7, 15), document_id=doc)}
    tasks.complete(track_db, task_id=rows["Hội nghị quán triệt"].task_id, on=date(2025, 2, 20))
    tasks.complete(track_db, task_id=rows["Xây dựng chuyên mục"].task_id, on=date(2025, 4, 10))
    rows = {r.task: r for r in tasks.task_rows(track_db, today=date(2025, 7, 15), document_id=doc)}
    assert {t: r.label for t, r in rows.items()} == {
        "Hội nghị quán triệt": "hoàn thành đúng hạn", "Xây dựng chuyên mục": "hoàn thành quá hạn",
        "Sơ kết 6 tháng": "chưa hoàn thành quá hạn", "Báo cáo kết quả": "chưa hoàn thành trong hạn"}
    assert rows["Xây dựng chuyên mục"].owner == "Ban Thường vụ Tỉnh ủy"        # the issuer, none named
    counts = tasks.counts_by_owner(list(rows.values()))
    assert counts["Ban Tuyên giáo Tỉnh ủy"] == {"done_on_time": 1, "done_late": 0, "open_in_time": 0,
                                                "open_overdue": 1}
    with pytest.raises(tasks.TaskError):
        tasks.complete(track_db, task_id=999_999, on=date(2025, 1, 1))


def test_alignment_of_a_district_plan_with_its_province(track_db):
    province = add_document(track_db, source="ctr_tinh.txt", issuer="Ban Thường vụ Tỉnh ủy", place="Nghệ An",
                            day="2023-03-01", targets=[
                                ("Tỷ lệ lao động qua đào tạo", "eq", 85.0, None, "%", 2030),
                                ("Tỷ lệ che phủ rừng", "gt", 58.0, None, "%", 2030),
                                ("Tỷ lệ hộ nghèo", "lt", 3.0, None, "%", 2030),
                                ("Tỷ lệ đô thị hóa", "gt", 40.0, None, "%", 2030)])
    district = add_document(track_db, source="kh_huyen.txt", issuer="Ban Thường vụ Huyện ủy Thạch Hà",
                            place="Thạch Hà", day="2023-06-01", targets=[
                                ("Tỷ lệ lao động qua đào tạo", "eq", 80.0, None, "%", 2030),
                                ("Tỷ lệ che phủ rừng", "gt", 60.0, None, "%", 2030),
                                ("Tỷ lệ hộ nghèo", "lt", 3.0, None, "%", 2025),
                                ("Tỷ lệ trường đạt chuẩn quốc gia", "eq", 100.0, None, "%", 2030),
                                ("Tỷ trọng nông nghiệp", "range", 10.0, 15.0, "%", 2030),
                                ("Tỷ trọng công nghiệp - xây dựng", "range", 40.0, 45.0, "%", 2030),
                                ("Tỷ trọng dịch vụ", "range", 30.0, 35.0, "%", 2030)])
    for d in (province, district):
        track_document(track_db, document_id=d)
    rel = {r.indicator_code: r.relation for r in align(track_db, child_id=district, parent_id=province).rows}
    assert rel == {"TRAINED_LABOUR": "weakened", "FOREST_COVER": "strengthened", "POVERTY_RATE": "horizon",
                   "URBANISATION": "dropped", "STANDARD_SCHOOLS": "added", "SHARE_AGRICULTURE": "added",
                   "SHARE_INDUSTRY_CONSTRUCTION": "added", "SHARE_SERVICES": "added"}
    # 10-15 + 40-45 + 30-35 = 80-95 %: the sectors cannot make 100 %
    (warning,) = share_warnings(track_db, document_id=district)
    assert "80-95%" in warning


def test_same_indicator_with_different_figures_in_different_documents(track_db):
    a = add_document(track_db, source="nq_a.txt", issuer="Ban Chấp hành Đảng bộ tỉnh", place="Hà Tĩnh",
                     day="2020-10-01", targets=[("Tỷ lệ che phủ rừng", "gt", 52.0, None, "%", 2025)])
    b = add_document(track_db, source="kh_b.txt", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh", place="Hà Tĩnh",
                     day="2021-03-01", targets=[("Tỷ lệ che phủ rừng", "eq", 53.0, None, "%", 2025)])
    for d in (a, b):
        track_document(track_db, document_id=d)
    (c,) = conflicting_figures(track_db, organisation_id=find_unit(track_db, "Hà Tĩnh").id)
    assert c["indicator"] == "FOREST_COVER" and c["year"] == 2025 and len(c["figures"]) == 2
