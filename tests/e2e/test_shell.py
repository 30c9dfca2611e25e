"""The page shell in a real browser: keyboard navigation, phone width, no console errors."""
from __future__ import annotations

import pytest

from playwright.sync_api import expect


def test_skip_link_is_the_first_tab_stop_and_moves_to_the_main_content(page):
    page.goto("/tai-len")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#noi-dung"


def test_phone_width_has_no_sideways_scroll(phone_page, shot):
    phone_page.goto("/tai-len")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px phone"
    shot(phone_page, "tai-len-dien-thoai")
