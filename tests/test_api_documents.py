"""JSON API of the library, through httpx against the application on SQLite."""
from __future__ import annotations


def test_list_and_get_a_document(client, plan_id):
    docs = client.get("/api/documents").json()
    assert [d["id"] for d in docs] == [plan_id]
    assert docs[0]["symbol"] == "41/KH-UBND" and docs[0]["url"] == f"/van-ban/{plan_id}"
    doc = client.get(f"/api/documents/{plan_id}").json()
    assert doc["kind"] == "ke_hoach" and doc["date"] == "2022-03-15"
    assert [t["value"] for t in doc["targets"]] == [70.0, 17900.0, 2.5]
    assert doc["deadlines"][0]["due"] == "2022-06-30"
    assert doc["cites"][0]["symbol"] == "05-NQ/TU" and doc["cites"][0]["placeholder"] is True


def test_missing_things_are_json_404(client):
    r = client.get("/api/documents/12345")
    assert r.status_code == 404 and "12345" in r.json()["detail"]
    assert client.patch("/api/items/target/999", json={"value": 1}).status_code == 404
    assert client.patch("/api/items/khac/1", json={"value": 1}).status_code == 422


def test_correct_confirm_delete_and_add_items(client, plan_id):
    doc = client.get(f"/api/documents/{plan_id}").json()
    tid = doc["targets"][1]["id"]
    r = client.patch(f"/api/items/target/{tid}", json={"value": "18.500"})
    assert r.status_code == 200 and r.json()["value"] == 18500.0 and r.json()["corrected"]
    r = client.patch(f"/api/items/target/{tid}", json={"value": "nhiều"})
    assert r.status_code == 400 and "value" in r.json()["detail"]
    r = client.patch(f"/api/items/target/{tid}", json={"colour": "đỏ"})
    assert r.status_code == 400 and "colour" in r.json()["detail"]
    assert client.post(f"/api/items/target/{tid}/confirm").json()["status"] == "confirmed"
    did = doc["deadlines"][0]["id"]
    assert client.delete(f"/api/items/deadline/{did}").json()["status"] == "deleted"
    r = client.post(f"/api/documents/{plan_id}/deadline",
                    json={"task": "Tổng kết 3 năm thực hiện", "due": "2024-12-31",
                          "responsible": "Văn phòng Huyện ủy"})
    assert r.status_code == 201 and r.json()["origin"] == "human"
    r = client.post(f"/api/documents/{plan_id}/deadline", json={"task": "Thiếu hạn"})
    assert r.status_code == 400
    doc = client.get(f"/api/documents/{plan_id}").json()
    assert [d["task"] for d in doc["deadlines"]] == ["Tổng kết 3 năm thực hiện"]
    confirmed = client.post(f"/api/documents/{plan_id}/confirm").json()
    assert confirmed["status"] == "confirmed"


def test_upload_through_the_api(client):
    body = "KẾ HOẠCH\nPhát triển thương mại điện tử tỉnh Quảng Bình\n".encode()
    r = client.post("/api/documents", files={"file": ("kh_tmdt.txt", body, "text/plain")})
    assert r.status_code == 201
    out = r.json()
    assert out["status"] == "new" and out["review_url"] == f"/tai-len/{out['document_id']}"
    again = client.post("/api/documents", files={"file": ("kh_tmdt.txt", body, "text/plain")})
    assert again.json()["status"] == "unchanged"
    bad = client.post("/api/documents", files={"file": ("a.exe", b"MZ", "application/x")})
    assert bad.status_code == 400 and "a.exe" in bad.json()["detail"]


def test_cascade_and_search(client, plan_id):
    cascade = client.get(f"/api/documents/{plan_id}/cascade").json()
    assert cascade["down"] == [] and cascade["up"][0]["label"] == "05-NQ/TU"
    assert cascade["up"][0]["placeholder"] is True
    hits = client.get("/api/search", params={"q": "thu ngan sach"}).json()
    assert hits and hits[0]["entity"] in ("target", "document")
    target_hits = [h for h in hits if h["entity"] == "target"]
    h = target_hits[0]
    start, end = h["highlights"][0]
    assert h["snippet"][start:end].lower().startswith("thu")
    assert h["url"].startswith(f"/van-ban/{plan_id}#q-target-")
    assert client.get("/api/search", params={"q": "x", "entity": "khac"}).status_code == 422
