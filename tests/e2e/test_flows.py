"""What an office does in the browser, end to end, in Debian's headless Chromium.

Each test saves screenshots of the pages it visits to `screenshots/` (see the README).
The documents are small plans written for these tests (`docs/`), in the seeds' style.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import httpx
import pytest

from playwright.sync_api import expect

DOCS = Path(__file__).parent / "docs"
PLAN = (DOCS / "ke_hoach_nhan_luc_quang_ngai.txt").read_text(encoding="utf-8")


def as_docx(text: str) -> bytes:
    """The plan as a Word file, one paragraph per line, as offices type them."""
    from docx import Document
    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def tracked_plan(live_server):
    """A second plan (its own number and title) uploaded and confirmed through the API."""
    text = PLAN.replace("58/KH-UBND", "61/KH-UBND").replace(
        "Phát triển nguồn nhân lực", "Giảm nghèo bền vững và phát triển nguồn nhân lực")
    with httpx.Client(base_url=live_server.url, timeout=30) as api:
        up = api.post("/api/documents", files={"file": ("kh_61_giam_ngheo.txt", text.encode(),
                                                        "text/plain")})
        assert up.status_code == 201, up.text
        doc_id = up.json()["document_id"]
        assert api.post(f"/api/documents/{doc_id}/confirm").status_code == 200
        targets = api.get("/api/targets", params={"document_id": doc_id}).json()["items"]
        orgs = api.get("/api/organisations").json()
    return {"id": doc_id, "targets": targets, "orgs": {o["code"]: o for o in orgs}}


def test_upload_a_docx_correct_a_target_confirm_and_see_it_on_the_overview(page, tmp_path, shot):
    path = tmp_path / "ke_hoach_58_nhan_luc.docx"
    path.write_bytes(as_docx(PLAN))
    page.goto("/tai-len")
    shot(page, "tai-len")
    page.get_by_label("Kéo thả tệp vào đây, hoặc bấm để chọn tệp").set_input_files(str(path))
    page.get_by_role("button", name="Tải lên và trích xuất").click()
    page.wait_for_url(re.compile(r"/tai-len/\d+$"))
    expect(page.get_by_role("heading", name="Kiểm tra kết quả trích xuất")).to_be_visible()
    card = page.locator("form.item").filter(
        has=page.locator("input[name=indicator][value*='thu nhập bình quân']"))
    expect(card).to_have_count(1)
    card.get_by_label("Giá trị").fill("85")
    card.get_by_role("button", name="Lưu", exact=True).click()
    expect(card.get_by_role("status")).to_have_text("Đã lưu.")
    expect(card.get_by_label("Giá trị")).to_have_value("85")
    expect(card.locator(".badge", has_text="Đã sửa")).to_be_visible()
    shot(page, "tai-len-kiem-tra")
    page.get_by_role("button", name="Xác nhận văn bản").click()
    page.wait_for_url(re.compile(r"/van-ban/\d+\?da-xac-nhan=1$"), timeout=30_000)
    expect(page.get_by_role("status").first).to_have_text("Đã xác nhận văn bản.")
    expect(page.locator("td.num", has_text="85 triệu đồng")).to_be_visible()
    shot(page, "van-ban")
    page.get_by_role("link", name="Tổng quan").click()
    card = page.locator("article.scorecard", has_text="58/KH-UBND")
    expect(card).to_be_visible()
    expect(card).to_contain_text("chỉ tiêu")
    shot(page, "tong-quan")


def test_entering_a_figure_for_a_unit_changes_the_target_status(page, tracked_plan, shot):
    target = next(t for t in tracked_plan["targets"]
                  if "lao động qua đào tạo" in t["indicator"].lower())
    unit = tracked_plan["orgs"][target["organisation"]]
    page.goto(f"/don-vi/{unit['id']}")
    cell = page.locator(f"td.target-status[data-target='{target['target_id']}']")
    expect(cell).to_have_text("Chưa có số liệu")
    page.get_by_label("Chỉ tiêu", exact=True).select_option(target["indicator_code"])
    page.get_by_label("Kỳ").fill("2025")
    page.get_by_label("Giá trị").fill("74,5")
    page.get_by_role("button", name="Lưu số liệu").click()
    expect(page.get_by_role("status").first).to_have_text("Đã lưu số liệu.")
    expect(cell).to_have_text(re.compile("Đạt|Vượt"))
    shot(page, "don-vi")
    page.goto(f"/chi-tieu/{target['indicator_code']}")
    expect(page.locator("canvas[data-chart]")).to_be_visible()
    page.wait_for_function("document.querySelector('canvas[data-chart]').dataset.ready === '1'")
    shot(page, "chi-tieu")


def test_search_without_accents_finds_the_document(page, tracked_plan, shot):
    page.goto("/")
    page.get_by_label("Tìm kiếm văn bản, chỉ tiêu, thời hạn").fill("giam ngheo ben vung")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/tim-kiem\?q="))
    hit = page.locator(".results-list li").filter(has_text="61/KH-UBND").first
    expect(hit).to_be_visible()
    expect(hit.locator("mark").first).to_be_visible()
    shot(page, "tim-kiem")
    hit.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(rf"/van-ban/{tracked_plan['id']}$"))


def test_overdue_list_shows_a_past_deadline_and_it_can_be_marked_done(page, tracked_plan, shot):
    page.goto("/thoi-han")
    page.get_by_role("link", name="Quá hạn").click()
    row = page.locator("tr", has_text="rà soát nhu cầu đào tạo nghề").first
    expect(row).to_contain_text("30/06/2023")
    expect(row).to_contain_text("Chưa hoàn thành quá hạn")
    shot(page, "thoi-han")
    row.get_by_role("button", name=re.compile("Đánh dấu hoàn thành")).click()
    expect(row).to_contain_text("Hoàn thành quá hạn")


def test_main_pages_at_phone_width(phone_page, tracked_plan, shot):
    for path, name in (("/", "tong-quan-dien-thoai"), (f"/van-ban/{tracked_plan['id']}",
                                                       "van-ban-dien-thoai")):
        phone_page.goto(path)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide on a 390px phone"
        shot(phone_page, name)
