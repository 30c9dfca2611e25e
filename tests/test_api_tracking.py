"""JSON API of tracking: statuses, indicators, series, units, figures, deadlines."""
from __future__ import annotations


def _tracked(client, plan_id):
    assert client.post(f"/api/documents/{plan_id}/confirm").status_code == 200
    targets = client.get("/api/targets", params={"document_id": plan_id}).json()
    assert targets["total"] == 3
    return targets


def test_targets_are_listed_with_status_and_counts(client, plan_id):
    assert client.get("/api/targets").json() == {"total": 0, "counts": {
        s: 0 for s in ("exceeded", "met", "on_track", "at_risk", "off_track", "missed", "no_data")},
        "items": []}
    targets = _tracked(client, plan_id)
    assert targets["counts"]["no_data"] == 3
    assert all(t["note"] for t in targets["items"]), "each status is explained"
    assert {t["indicator"] for t in targets["items"]} == {
        "Tỷ lệ lao động qua đào tạo", "Thu ngân sách trên địa bàn", "Tỷ lệ hộ nghèo"}
    page = client.get("/api/targets", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and len(page["items"]) == 1
    assert client.get("/api/targets", params={"status": "met"}).json()["total"] == 0
    assert client.get("/api/targets", params={"status": "tot"}).status_code == 422


def test_recording_a_figure_changes_the_status(client, plan_id):
    targets = _tracked(client, plan_id)
    budget = next(t for t in targets["items"] if t["indicator"] == "Thu ngân sách trên địa bàn")
    unit = next(o for o in client.get("/api/organisations").json()
                if o["code"] == budget["organisation"])
    r = client.post("/api/observations", json={"indicator": budget["indicator_code"],
                                               "organisation_id": unit["id"], "period": "2025",
                                               "value": "18.000"})
    assert r.status_code == 201 and r.json()["value"] == 18000.0 and r.json()["period"] == "2025"
    after = client.get("/api/targets", params={"document_id": plan_id}).json()
    status = next(t for t in after["items"] if t["target_id"] == budget["target_id"])["status"]
    assert status in ("met", "exceeded")
    series = client.get(f"/api/indicators/{budget['indicator_code']}/series").json()
    assert series[0]["series"] == {"2025": 18000.0}
    assert series[0]["targets"][0]["value"] == 17900.0


def test_bad_figures_are_400_or_404(client, plan_id):
    targets = _tracked(client, plan_id)
    code = targets["items"][0]["indicator_code"]
    unit = client.get("/api/organisations").json()[0]["id"]
    def post(**kw):
        body = {"indicator": code, "organisation_id": unit, "period": "2025", "value": 1, **kw}
        return client.post("/api/observations", json=body)
    assert post(indicator="khong_co").status_code == 404
    assert post(organisation_id=999999).status_code == 404
    assert post(period="Quý V/2025").status_code == 400
    assert post(value="mười").status_code == 400
    assert post(kind="guess").status_code == 422


def test_indicators_organisations_and_deadlines(client, plan_id):
    _tracked(client, plan_id)
    inds = client.get("/api/indicators").json()
    assert len(inds) >= 60 and sum(i["targets"] for i in inds) == 3
    assert any("Quảng Bình" in o["name"] for o in
               client.get("/api/organisations", params={"q": "quang binh"}).json())
    overdue = client.get("/api/deadlines", params={"view": "overdue"}).json()
    assert [d["category"] for d in overdue] == ["open_overdue"]
    done = client.post(f"/api/deadlines/{overdue[0]['id']}/done").json()
    assert done["category"] == "done_late" and done["done_on"]
    assert client.get("/api/deadlines", params={"view": "overdue"}).json() == []
    assert client.post("/api/deadlines/999999/done").status_code == 404
