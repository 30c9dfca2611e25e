"""Thời hạn: overdue list, due this month, owner filter, mark done."""
from __future__ import annotations

import re
from datetime import date

from fixtures_web import plan_extraction


def test_overdue_list_shows_a_past_deadline_and_marking_it_done_moves_it(client, plan_id):
    html = client.get("/thoi-han", params={"xem": "qua-han"}).text
    assert "Hoàn thành rà soát quy hoạch" in html and "30/06/2022" in html
    assert "Chưa hoàn thành quá hạn" in html
    did = re.search(r'<tr id="deadline-(\d+)">', html).group(1)
    r = client.post(f"/thoi-han/{did}/xong", headers={"HX-Request": "true"})
    assert r.status_code == 200 and "Hoàn thành quá hạn" in r.text
    assert "Hoàn thành rà soát quy hoạch" not in client.get("/thoi-han?xem=qua-han").text
    assert "Hoàn thành rà soát quy hoạch" in client.get("/thoi-han?xem=da-xong").text
    assert client.post("/thoi-han/999999/xong").status_code == 404


def test_due_this_month_and_owner_filter(client, store_extraction):
    today = date.today()
    store_extraction(plan_extraction("kh_thang_nay.txt", symbol="77/KH-UBND",
                                     due=today.isoformat()))
    html = client.get("/thoi-han", params={"xem": "thang-nay"}).text
    assert today.strftime("%d/%m/%Y") in html and "Chưa hoàn thành trong hạn" in html
    assert "Hoàn thành rà soát" in client.get("/thoi-han", params={"owner": "Nông nghiệp"}).text
    assert "Không có thời hạn nào" in client.get("/thoi-han", params={"owner": "Sở Y tế"}).text


def test_overview_lists_overdue_deadlines(client, plan_id):
    html = client.get("/").text
    overdue = html.split('id="h-overdue"')[1].split('id="h-soon"')[0]
    assert "Hoàn thành rà soát quy hoạch" in overdue


def test_task_labels_cover_every_tracking_category():
    from nghiquyet.track.tasks import CATEGORIES
    from nghiquyet.web.present import TASK_LABELS
    assert set(TASK_LABELS) == set(CATEGORIES)
    assert all(TASK_LABELS[c][0].lower() == CATEGORIES[c] for c in CATEGORIES)


def test_status_labels_cover_every_tracking_status():
    from nghiquyet.track.status import LABELS
    from nghiquyet.web.present import STATUS_LABELS
    assert set(STATUS_LABELS) == set(LABELS)
