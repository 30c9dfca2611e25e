"""The API's main flow on both databases (SQLite and PostgreSQL, through the library's
`db_engine` fixture): upload, correct, confirm, track, record a figure, search, deadlines."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from fixtures_web import PLAN_TEXT
from nghiquyet.settings import Settings


@pytest.fixture
def backend_client(db_engine):
    from nghiquyet.web import create_app
    url = db_engine.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url), engine=db_engine, migrate=False)
    with TestClient(app) as c:
        yield c


def test_api_flow_on_each_database(backend_client):
    c = backend_client
    up = c.post("/api/documents", files={"file": ("ke_hoach_41.txt", PLAN_TEXT.encode(), "text/plain")})
    assert up.status_code == 201, up.text
    doc_id = up.json()["document_id"]
    doc = c.get(f"/api/documents/{doc_id}").json()
    assert doc["symbol"] == "41/KH-UBND" and doc["targets"]
    budget = next(t for t in doc["targets"] if "ngân sách" in t["indicator"].lower())
    fixed = c.patch(f"/api/items/target/{budget['id']}", json={"value": "18.000"})
    assert fixed.status_code == 200 and fixed.json()["value"] == 18000.0
    assert c.post(f"/api/documents/{doc_id}/confirm").json()["status"] == "confirmed"
    targets = c.get("/api/targets", params={"document_id": doc_id}).json()
    assert targets["total"] == len(doc["targets"])
    row = next(t for t in targets["items"] if t["target_id"] == budget["id"])
    unit = next(o for o in c.get("/api/organisations").json() if o["code"] == row["organisation"])
    r = c.post("/api/observations", json={"indicator": row["indicator_code"],
                                          "organisation_id": unit["id"], "period": "2025",
                                          "value": "18.100"})
    assert r.status_code == 201
    after = c.get("/api/targets", params={"document_id": doc_id}).json()
    assert next(t for t in after["items"] if t["target_id"] == budget["id"])["status"] in (
        "met", "exceeded")
    hits = c.get("/api/search", params={"q": "thu ngan sach"}).json()
    assert any(h["document_id"] == doc_id for h in hits)
    overdue = c.get("/api/deadlines", params={"view": "overdue"}).json()
    assert overdue and overdue[0]["category"] == "open_overdue"
    assert c.get("/").status_code == 200 and c.get(f"/van-ban/{doc_id}").status_code == 200
