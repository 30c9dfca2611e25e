"""Tìm kiếm: accents optional, đ folds to d, highlighted snippets, filters."""
from __future__ import annotations

import re


def test_search_without_accents_finds_the_document_and_highlights_the_words(client, plan_id):
    r = client.get("/tim-kiem", params={"q": "ty le ho ngheo"})
    assert r.status_code == 200
    assert f'href="/van-ban/{plan_id}#q-target-' in r.text
    assert re.search(r"<mark>[^<]*hộ</mark> <mark>nghèo</mark>|<mark>[^<]*hộ nghèo</mark>", r.text)


def test_search_folds_d_bar(client, plan_id):
    r = client.get("/tim-kiem", params={"q": "dao tao"})
    assert "đào" in r.text and f"/van-ban/{plan_id}" in r.text


def test_search_filters_and_escapes(client, plan_id):
    assert f"/van-ban/{plan_id}" not in client.get(
        "/tim-kiem", params={"q": "ho ngheo", "kind": "nghi_quyet"}).text
    assert f"/van-ban/{plan_id}#q-deadline" in client.get(
        "/tim-kiem", params={"q": "quy hoach", "entity": "deadline"}).text
    r = client.get("/tim-kiem", params={"q": "<script>alert(1)</script>"})
    assert r.status_code == 200 and "<script>alert(1)" not in r.text
    assert "Không tìm thấy" in r.text


def test_search_page_without_query_is_just_the_form(client):
    r = client.get("/tim-kiem")
    assert r.status_code == 200 and '<label for="q">' in r.text and "kết quả" not in r.text
