"""The application shell: layout, navigation, static files, error pages, uploads."""
from __future__ import annotations

import re

from nghiquyet.web.deps import NAV


def test_static_scripts_are_served_by_the_app_with_their_licences(client):
    for path in ("/static/vendor/htmx.min.js", "/static/vendor/chart.umd.min.js",
                 "/static/app.css", "/static/app.js", "/static/favicon.svg"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert len(r.content) > 100, path
    assert "MIT" in client.get("/static/vendor/chart.js.LICENSE.md").text
    assert "BSD" in client.get("/static/vendor/htmx.LICENSE").text or \
        "Zero-Clause" in client.get("/static/vendor/htmx.LICENSE").text


def test_pages_use_no_outside_urls(client):
    html = client.get("/tai-len").text
    assert not re.search(r'(src|href)="(https?:)?//', html), "a page must not load from a CDN"


def test_layout_is_vietnamese_accessible_and_marks_the_current_page(client):
    html = client.get("/tai-len").text
    assert '<html lang="vi">' in html
    assert 'name="viewport"' in html
    assert 'href="#noi-dung"' in html and 'id="noi-dung"' in html
    assert '<nav aria-label="Điều hướng chính">' in html
    assert '<a href="/tai-len" aria-current="page">Tải lên</a>' in html
    for path, label in NAV:
        assert f'href="{path}"' in html
    # every input of the quick search has a label a screen reader reads
    assert '<label for="q-top"' in html


def test_unknown_page_is_a_vietnamese_404_and_unknown_api_is_json(client):
    r = client.get("/khong-co-trang-nay")
    assert r.status_code == 404
    assert "Không tìm thấy trang" in r.text and r.headers["content-type"].startswith("text/html")
    r = client.get("/api/khong-co")
    assert r.status_code == 404 and r.json() == {"detail": "Not Found"}


def test_health_and_openapi(client):
    assert client.get("/api/health").json() == {"status": "ok"}
    spec = client.get("/api/openapi.json").json()
    assert spec["info"]["title"] == "nghiquyet"
    assert all(p.startswith("/api/") for p in spec["paths"]), "pages stay out of the API document"


def test_favicon_does_not_404(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"].startswith("image/svg")


def test_no_page_of_the_application_loads_from_outside(client):
    assert client.get("/api/docs").status_code == 404, "Swagger UI would load from a CDN"
    assert '<a href="/api/openapi.json">' in client.get("/").text


def test_a_write_drops_the_cached_statuses_before_its_response_leaves():
    """After a POST the browser follows the redirect at once: the cache generation must have
    moved on by the time the response starts, not only once the request has finished."""
    import asyncio

    from nghiquyet.web.cache import StatusCache, _DropOnWrite

    cache = StatusCache()
    seen: list[int] = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 303, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def send(message):
        if message["type"] == "http.response.start":
            seen.append(cache.generation)

    async def receive():
        return {"type": "http.request"}

    asyncio.run(_DropOnWrite(app, cache)({"type": "http", "method": "POST"}, receive, send))
    assert seen == [1]                   # bumped as the redirect starts, before the client sees it
    assert cache.generation == 2         # and again once the request is over (a late commit)
    asyncio.run(_DropOnWrite(app, cache)({"type": "http", "method": "GET"}, receive, send))
    assert cache.generation == 2         # reads change nothing


def test_a_write_is_committed_before_its_response_starts(web_app, web_settings):
    """A browser follows a 303 (or a script its 201) at once: what the request wrote must be
    visible to another connection by the time the response starts, not after it is sent.
    The wrapper below reads the database from its own connection at that moment."""
    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine, text

    from fixtures_web import PLAN_TEXT

    reader = create_engine(web_settings.database_url)
    seen: list[int] = []

    async def app(scope, receive, send):
        async def send_after_checking(message):
            if message["type"] == "http.response.start" and scope.get("method") == "POST":
                seen.append(documents())
            await send(message)
        await web_app(scope, receive, send_after_checking)

    def documents() -> int:
        with reader.connect() as c:
            return c.execute(text("select count(*) from documents")).scalar_one()

    after: list[int] = []
    with TestClient(app) as c:
        r = c.post("/api/documents",
                   files={"file": ("ke_hoach_41.txt", PLAN_TEXT.encode(), "text/plain")})
        assert r.status_code == 201, r.text
        after.append(documents())
        form = c.post("/tai-len", files={"file": ("ke_hoach_42.txt",
                                                  PLAN_TEXT.replace("41/KH", "42/KH").encode(),
                                                  "text/plain")}, follow_redirects=False)
        assert form.status_code == 303
        after.append(documents())
    reader.dispose()
    assert after[0] < after[1]          # each upload stored a document
    assert seen == after                # ... and had committed it when its response started
