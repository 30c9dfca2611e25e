"""Văn bản and Tải lên pages on a database built through the library services."""
from __future__ import annotations

import re

from nghiquyet.store import library


def test_document_page_shows_identity_items_and_highlighted_original(client, plan_id):
    html = client.get(f"/van-ban/{plan_id}").text
    assert "41/KH-UBND" in html and "15/03/2022" in html and "Ủy ban nhân dân tỉnh Quảng Bình" in html
    # numbers written the Vietnamese way
    assert "≥ 17.900 tỷ đồng" in html and "&lt; 2,5%" in html
    assert "30/06/2022" in html
    # each item links to its quote, highlighted in the original text
    m = re.search(r'<mark id="q-target-(\d+)" class="q" title="Chỉ tiêu: Tỷ lệ lao động qua đào tạo">'
                  r'Tỷ lệ lao động qua đào tạo đạt 70% vào năm 2025.</mark>', html)
    assert m, "the target's quote is highlighted"
    assert f'href="#q-target-{m.group(1)}"' in html
    assert '<mark id="q-deadline-' in html and 'class="q d"' in html
    # the cited resolution is a placeholder node up the cascade
    assert "05-NQ/TU" in html and "chưa có trong thư viện" in html


def test_cascade_links_a_plan_to_the_resolution_it_implements(client, store_extraction, plan_id):
    from nghiquyet.model import Extraction, Identity
    text = "NGHỊ QUYẾT\nvề phát triển nông nghiệp\nSố 05-NQ/TU\n"
    parent = store_extraction(Extraction(
        source="nq05.txt", text=text, document=Identity(kind="nghi_quyet", symbol="05-NQ/TU",
                                                        title="về phát triển nông nghiệp")))
    html = client.get(f"/van-ban/{parent}").text
    down = html.split("Văn bản cấp dưới")[1]
    assert f'<a href="/van-ban/{plan_id}">41/KH-UBND</a>' in down
    up = client.get(f"/van-ban/{plan_id}").text.split("Văn bản cấp trên")[1].split("Văn bản cấp dưới")[0]
    assert f'<a href="/van-ban/{parent}">05-NQ/TU</a>' in up


def test_missing_document_is_404(client):
    assert client.get("/van-ban/999").status_code == 404
    assert client.get("/tai-len/999").status_code == 404
    assert client.get("/van-ban/abc").status_code == 422


def test_document_list_filters_by_kind(client, plan_id):
    html = client.get("/van-ban").text
    assert "41/KH-UBND" in html and "Kế hoạch" in html
    assert "41/KH-UBND" not in client.get("/van-ban?kind=nghi_quyet").text


def test_review_correct_a_target_records_only_what_changed(client, web_session, plan_id):
    doc = library.document_dict(web_session, library.get_document(web_session, ref=plan_id))
    target = next(t for t in doc["targets"] if t["indicator"] == "Thu ngân sách trên địa bàn")
    page = client.get(f"/tai-len/{plan_id}").text
    assert f'id="target-{target["id"]}-value"' in page and 'value="17.900"' in page
    assert f'hx-post="/tai-len/{plan_id}/target/{target["id"]}"' in page
    assert f'hx-post="/tai-len/{plan_id}/target/{target["id"]}/xoa"' in page
    assert f'hx-post="/tai-len/{plan_id}/target"' in page
    form = {"indicator": target["indicator"], "comparator": "gte", "value": "18.500",
            "value_max": "", "unit": "tỷ đồng", "year": "2025", "action": "save"}
    r = client.post(f"/tai-len/{plan_id}/target/{target['id']}", data=form,
                    headers={"HX-Request": "true"})
    assert r.status_code == 200 and "Đã lưu." in r.text and 'value="18.500"' in r.text
    web_session.expire_all()
    from nghiquyet.store.models import Correction
    fixes = web_session.query(Correction).filter_by(item_key=target["key"]).all()
    assert [(c.field, c.value) for c in fixes] == [("value", 18500.0)]


def test_review_rejects_a_bad_number_beside_the_form(client, web_session, plan_id):
    doc = library.document_dict(web_session, library.get_document(web_session, ref=plan_id))
    target = doc["targets"][0]
    form = {"indicator": target["indicator"], "comparator": "gte", "value": "bảy mươi",
            "value_max": "", "unit": "%", "year": "2025"}
    r = client.post(f"/tai-len/{plan_id}/target/{target['id']}", data=form,
                    headers={"HX-Request": "true"})
    assert r.status_code == 400
    assert 'role="alert"' in r.text and "value" in r.text
    assert 'value="bảy mươi"' in r.text, "what the person typed is kept"
    web_session.expire_all()
    assert library.document_dict(web_session, library.get_document(
        web_session, ref=plan_id))["targets"][0]["value"] == 70.0


def test_review_add_delete_and_confirm_the_document(client, web_session, plan_id):
    r = client.post(f"/tai-len/{plan_id}/target",
                    data={"indicator": "Tỷ lệ che phủ rừng", "comparator": "gte", "value": "52,5",
                          "unit": "%", "year": "2025"}, follow_redirects=False)
    assert r.status_code == 303
    doc = library.document_dict(web_session, library.get_document(web_session, ref=plan_id))
    added = [t for t in doc["targets"] if t["indicator"] == "Tỷ lệ che phủ rừng"]
    assert added and added[0]["value"] == 52.5 and added[0]["origin"] == "human"

    victim = doc["deadlines"][0]
    r = client.post(f"/tai-len/{plan_id}/deadline/{victim['id']}/xoa",
                    headers={"HX-Request": "true"})
    assert r.status_code == 200 and "Đã xoá" in r.text

    r = client.post(f"/tai-len/{plan_id}/xac-nhan", headers={"HX-Request": "true"})
    assert r.status_code == 204 and r.headers["HX-Redirect"] == f"/van-ban/{plan_id}?da-xac-nhan=1"
    web_session.expire_all()
    doc = library.document_dict(web_session, library.get_document(web_session, ref=plan_id))
    assert doc["status"] == "confirmed"
    assert doc["deadlines"] == []
    assert {t["status"] for t in doc["targets"]} == {"confirmed"}


def test_upload_a_text_file_stores_a_draft_and_opens_its_review(client, web_session):
    body = "KẾ HOẠCH\nPhát triển du lịch huyện Hương Khê\nI. MỤC TIÊU\n".encode()
    r = client.post("/tai-len", files={"file": ("kh_du_lich.txt", body, "text/plain")},
                    follow_redirects=False)
    assert r.status_code == 303
    url = r.headers["location"]
    assert re.fullmatch(r"/tai-len/\d+", url)
    page = client.get(url)
    assert page.status_code == 200 and "kh_du_lich.txt" in page.text
    # the same file again points at the stored document
    again = client.post("/tai-len", files={"file": ("kh_du_lich.txt", body, "text/plain")},
                        follow_redirects=False)
    assert again.headers["location"] == url + "?da-co=1"


def test_upload_refuses_other_files_with_a_clear_message(client):
    r = client.post("/tai-len", files={"file": ("bang.xlsx", b"PK\x03\x04", "application/zip")},
                    headers={"HX-Request": "true"})
    assert r.status_code == 400 and "chỉ nhận tệp .docx, .pdf, .txt" in r.text
    r = client.post("/tai-len", files={"file": ("rong.txt", b"", "text/plain")})
    assert r.status_code == 400 and "tệp rỗng" in r.text
    r = client.post("/tai-len", files={"file": ("nhi_phan.txt", bytes(range(256)) * 40,
                                                "text/plain")})
    assert r.status_code == 400 and "nhi_phan.txt" in r.text
