"""Fixtures of the web application (registered from conftest.py), named for what they give.

`web_app` is the application built by `create_app` on a fresh SQLite file; `client` talks to
it in-process (no server). The end-to-end tests start a real server (`tests/e2e/conftest.py`).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nghiquyet.settings import Settings


@pytest.fixture
def web_settings(tmp_path: Path, sqlite_template: Path) -> Settings:
    """Settings of an application on its own (migrated, empty) SQLite file."""
    db = tmp_path / "web.db"
    shutil.copyfile(sqlite_template, db)
    return Settings(database_url=f"sqlite:///{db}")


@pytest.fixture
def web_app(web_settings: Settings):
    from nghiquyet.web import create_app
    app = create_app(web_settings)
    yield app
    app.state.engine.dispose()


@pytest.fixture
def web_session(web_app):
    """A session on the application's database, to arrange data and check what a request did."""
    session = web_app.state.sessions()
    try:
        yield session
    finally:
        session.close()


@pytest.fixture
def client(web_app) -> TestClient:
    """An httpx client talking to the application in-process."""
    with TestClient(web_app) as c:
        yield c


# --- documents built from code -----------------------------------------------------------

PLAN_TEXT = """ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH
Số 41/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Quảng Bình, ngày 15 tháng 3 năm 2022

KẾ HOẠCH
thực hiện Nghị quyết số 05-NQ/TU của Ban Thường vụ Tỉnh ủy về phát triển nông nghiệp

I. MỤC TIÊU
1. Chỉ tiêu đến năm 2025
- Tỷ lệ lao động qua đào tạo đạt 70% vào năm 2025.
- Thu ngân sách trên địa bàn đạt 17.900 tỷ đồng.
- Tỷ lệ hộ nghèo giảm còn dưới 2,5%.
II. NHIỆM VỤ
- Phòng Nông nghiệp hoàn thành rà soát quy hoạch trước ngày 30/6/2022.
III. KẾT QUẢ
Năm 2021 tỷ lệ hộ nghèo còn 4,1%.
"""


def plan_extraction(source: str = "ke_hoach_quang_binh.txt", *, symbol: str = "41/KH-UBND",
                    text: str = PLAN_TEXT, due: str = "2022-06-30"):
    """A provincial plan in the seeds' style as the extractor would return it (spans into text)."""
    from nghiquyet.model import Deadline, Extraction, Figure, Identity, Reference, Section

    def span(quote: str) -> tuple[int, int]:
        start = text.index(quote)
        return (start, start + len(quote))

    targets = [
        Figure("Tỷ lệ lao động qua đào tạo", "gte", 70.0, unit="%", year=2025,
               quote="Tỷ lệ lao động qua đào tạo đạt 70% vào năm 2025.", number=1,
               section="I. MỤC TIÊU"),
        Figure("Thu ngân sách trên địa bàn", "gte", 17900.0, unit="tỷ đồng", year=2025,
               quote="Thu ngân sách trên địa bàn đạt 17.900 tỷ đồng.", number=2),
        Figure("Tỷ lệ hộ nghèo", "lt", 2.5, unit="%", year=2025,
               quote="Tỷ lệ hộ nghèo giảm còn dưới 2,5%.", number=3),
    ]
    for t in targets:
        t.span = span(t.quote)
    result = Figure("Tỷ lệ hộ nghèo", "eq", 4.1, unit="%", year=2021, kind="result",
                    quote="Năm 2021 tỷ lệ hộ nghèo còn 4,1%.")
    result.span = span(result.quote)
    deadline = Deadline("Hoàn thành rà soát quy hoạch", due, "Phòng Nông nghiệp",
                        quote="Phòng Nông nghiệp hoàn thành rà soát quy hoạch trước ngày 30/6/2022.")
    deadline.span = span(deadline.quote)
    outline = [Section("I", "MỤC TIÊU", 0, None, span("I. MỤC TIÊU")),
               Section("1", "Chỉ tiêu đến năm 2025", 1, 0, span("1. Chỉ tiêu đến năm 2025")),
               Section("II", "NHIỆM VỤ", 0, None, span("II. NHIỆM VỤ"))]
    ref = Reference("05-NQ/TU", kind="nghi_quyet", issuer="Ban Thường vụ Tỉnh ủy",
                    implements=True, quote="thực hiện Nghị quyết số 05-NQ/TU")
    ref.span = span(ref.quote)
    return Extraction(
        source=source, text=text, file_type="txt",
        document=Identity(kind="ke_hoach", symbol=symbol, date="2022-03-15",
                          issuer="Ủy ban nhân dân tỉnh Quảng Bình", place="Quảng Bình",
                          title="thực hiện Nghị quyết số 05-NQ/TU về phát triển nông nghiệp"),
        references=[ref], targets=targets, results=[result], deadlines=[deadline],
        outline=outline)


@pytest.fixture
def store_extraction(web_app):
    """`store_extraction(extraction) -> document id`: stored through the library service."""
    import hashlib

    from nghiquyet.store import library
    from nghiquyet.store.db import transaction

    def store(extraction) -> int:
        digest = hashlib.sha256(extraction.text.encode() + extraction.source.encode()).hexdigest()
        with transaction(web_app.state.sessions) as session:
            outcome = library.ingest_extraction(session, extraction=extraction, file_hash=digest,
                                                size=len(extraction.text.encode()))
        return outcome.document_id
    return store


@pytest.fixture
def plan_id(store_extraction) -> int:
    """The id of a stored provincial plan with 3 targets, 1 result and 1 deadline (draft)."""
    return store_extraction(plan_extraction())
