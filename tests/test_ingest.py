"""Ingest: one transaction per file, versions by content hash, clear errors on bad input."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fixtures_db import fail_indexing
from nghiquyet.store import library
from nghiquyet.store.models import (Citation, Document, DocumentVersion, OutlineSection,
                                    SearchEntry, Target)

PLAN = """TỈNH ỦY QUẢNG BÌNH
Số 41-KH/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Bình, ngày 12 tháng 4 năm 2022

KẾ HOẠCH
Thực hiện Nghị quyết số 15-NQ/TU của Ban Chấp hành Đảng bộ tỉnh về phát triển du lịch

I. MỤC TIÊU
1. Đến năm 2025, đón khoảng 5 triệu lượt khách du lịch; tỷ lệ xã đạt chuẩn nông thôn mới đạt 80%.
2. Hoàn thành rà soát quy hoạch trước ngày 30/6/2022.
"""


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_seeds_are_stored_once(db_session, seeds_dir):
    files = sorted(seeds_dir.glob("*.txt"))
    seen = []
    summary = library.ingest_paths(db_session, paths=files, progress=seen.append)
    assert [o.status for o in summary.outcomes] == ["new"] * len(files)
    assert len(seen) == len(files)
    versions = db_session.scalars(select(DocumentVersion)).all()
    assert sorted(v.source_name for v in versions) == sorted(f.name for f in files)
    assert all(len(v.file_hash) == 64 and v.text.strip() for v in versions)
    assert count(db_session, SearchEntry) >= len(files)
    again = library.ingest_paths(db_session, paths=files)
    assert again.totals()["unchanged"] == len(files) and again.totals()["new"] == 0
    assert count(db_session, DocumentVersion) == len(files)


def test_changed_file_becomes_a_new_version(db_session, tmp_path):
    path = write(tmp_path, "ke-hoach-41.txt", PLAN)
    first = library.ingest_file(db_session, path=path)
    db_session.commit()
    write(tmp_path, "ke-hoach-41.txt", PLAN.replace("80%", "85%") + "\nII. GIẢI PHÁP\n")
    second = library.ingest_file(db_session, path=path)
    db_session.commit()
    assert (first.status, second.status) == ("new", "updated")
    assert first.document_id == second.document_id
    doc = db_session.get(Document, first.document_id)
    versions = db_session.scalars(select(DocumentVersion).where(
        DocumentVersion.document_id == doc.id).order_by(DocumentVersion.number)).all()
    assert [v.number for v in versions] == [1, 2]
    assert "80%" in versions[0].text and "85%" in versions[1].text
    assert doc.current_version_id == versions[1].id
    assert count(db_session, Document) - count_placeholders(db_session) == 1


def count_placeholders(session) -> int:
    return session.scalar(select(func.count()).select_from(Document).where(
        Document.placeholder.is_(True)))


def test_a_failing_file_leaves_nothing_half_written(db_session, tmp_path, monkeypatch):
    good = write(tmp_path, "a.txt", PLAN)
    bad = write(tmp_path, "b.txt", PLAN.replace("41-KH/TU", "42-KH/TU") + "\nđặc biệt\n")
    fail_indexing(monkeypatch, "đặc biệt", "disk full")
    summary = library.ingest_paths(db_session, paths=[bad, good])
    assert [o.status for o in summary.outcomes] == ["error", "new"]
    assert "b.txt" in summary.outcomes[0].message and "disk full" in summary.outcomes[0].message
    assert count(db_session, DocumentVersion) == 1
    assert db_session.scalars(select(DocumentVersion.source_name)).all() == ["a.txt"]
    # Nothing of b.txt: no document row, no items, no citations beyond a.txt's.
    docs = db_session.scalars(select(Document).where(Document.placeholder.is_(False))).all()
    assert [d.source_name for d in docs] == ["a.txt"]
    assert all(c.document_id == docs[0].id for c in db_session.scalars(select(Citation)))
    assert all(t.document_id == docs[0].id for t in db_session.scalars(select(Target)))
    assert all(s.document_id == docs[0].id for s in db_session.scalars(select(OutlineSection)))


def corrupt_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")   # truncated XML
    return buf.getvalue()[:-40]


@pytest.mark.parametrize("name, content, words", [
    ("rong.txt", b"", "rỗng"),
    ("hong.docx", None, "hong.docx"),
    ("anh.txt", bytes(range(256)) * 64, "anh.txt"),
])
def test_bad_files_give_one_clear_line(db_session, tmp_path, name, content, words):
    path = write(tmp_path, name, corrupt_docx() if content is None else content)
    summary = library.ingest_paths(db_session, paths=[path])
    (outcome,) = summary.outcomes
    assert outcome.status == "error"
    assert words in outcome.message and str(path) in outcome.message
    assert "\n" not in outcome.message and "Traceback" not in outcome.message
    assert count(db_session, Document) == 0


def test_a_50_mb_file_is_refused_without_reading_it(db_session, tmp_path):
    path = tmp_path / "khong-lo.txt"
    with path.open("wb") as f:               # sparse: instant to make, 50 MB by size
        f.truncate(50 * 1024 * 1024)
    (outcome,) = library.ingest_paths(db_session, paths=[path]).outcomes
    assert outcome.status == "error" and "quá lớn" in outcome.message and "50 MB" in outcome.message


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_folder_of_1000_files_some_broken(db_session, tmp_path):
    """Good files are stored and each broken one is reported, whatever their order.

    SQLite only: 1,000 stores take a while, and the per-file transaction on PostgreSQL is
    covered by test_a_failing_file_leaves_nothing_half_written."""
    folder = tmp_path / "kho"
    broken = set()
    for i in range(1000):
        if i % 97 == 13:
            write(folder, f"sub{i % 7}/vb-{i:04d}.txt", b"\x00\xff\xfe" * 50 + bytes([i % 256]))
            broken.add(f"vb-{i:04d}.txt")
        elif i % 211 == 5:
            write(folder, f"sub{i % 7}/vb-{i:04d}.txt", b"")
            broken.add(f"vb-{i:04d}.txt")
        else:
            write(folder, f"sub{i % 7}/vb-{i:04d}.txt",
                  f"KẾ HOẠCH\nSố {i}-KH/UBND\nTriển khai nhiệm vụ {i}: trồng {i} ha rừng.\n")
    from nghiquyet.cli.common import expand_inputs
    files, problems = expand_inputs([folder])
    assert len(files) == 1000 and not problems
    summary = library.ingest_paths(db_session, paths=files, workers=2)
    totals = summary.totals()
    assert totals["errors"] == len(broken) and totals["new"] == 1000 - len(broken)
    assert {Path(o.path).name for o in summary.errors} == broken
    assert count(db_session, DocumentVersion) == 1000 - len(broken)


def test_same_symbol_from_another_province_is_another_document(db_session):
    """Every Tỉnh ủy numbers its own programmes: 28-CTr/TU of Quảng Trị is not Hà Tĩnh's."""
    from fixtures_db import make_extraction, store
    a = store(db_session, make_extraction("qt.txt", kind="chuong_trinh_hanh_dong",
                                          symbol="28-CTr/TU", date="2023-05-05",
                                          issuer="Ban Thường vụ Tỉnh ủy", title="Quảng Trị"))
    b = store(db_session, make_extraction("nb.txt", kind="chuong_trinh_hanh_dong",
                                          symbol="28-CTr/TU", date="2022-01-10",
                                          issuer="Ban Thường vụ Tỉnh ủy", title="Ninh Bình"))
    c = store(db_session, make_extraction("qt-v2.txt", kind="chuong_trinh_hanh_dong",
                                          symbol="28-CTr/TU", date="2023-05-05",
                                          issuer="Ban Thường vụ Tỉnh ủy", title="Quảng Trị (sửa)"))
    assert (a.status, b.status, c.status) == ("new", "new", "updated")
    assert b.document_id != a.document_id and c.document_id == a.document_id


def _documents(seeds_dir: Path, samples_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.*")) + sorted(p for p in samples_dir.glob("*.*")
                                                  if p.suffix in (".txt", ".docx", ".pdf"))


def test_workers_contract_json_is_the_contract(seeds_dir, samples_dir):
    """The stored JSON a worker builds quickly is `to_contract()`'s, byte for byte (same keys
    in the same order), on the seeds and the samples (references, footnotes, outlines)."""
    from nghiquyet.extract import extract_file
    from nghiquyet.store.prepare import contract_json
    from nghiquyet.store.rawsql import encode_json
    docs = _documents(seeds_dir, samples_dir)
    assert len(docs) >= 8
    extractions = [extract_file(p) for p in docs]
    assert any(x.footnotes for x in extractions) and any(x.references for x in extractions)
    for path, x in zip(docs, extractions):
        assert contract_json(x) == encode_json(x.to_contract()), path.name


def test_binary_check_counts_the_control_characters_of_unicode():
    """`looks_binary` counts with a regex class: it must hold exactly the characters of
    category Cc other than tab, newline, form feed and carriage return, plus U+FFFD."""
    import unicodedata

    from nghiquyet.store.prepare import _CONTROL, looks_binary
    want = {c for c in map(chr, range(0x10000)) if c == "\ufffd" or (
        unicodedata.category(c) == "Cc" and c not in "\n\t\r\f")}
    assert {c for c in map(chr, range(0x10000)) if _CONTROL.match(c)} == want
    assert not looks_binary("Nghị quyết số 26-NQ/TW\n\tđạt 7,3%\r\n\f" * 50)
    assert looks_binary("Báo cáo" * 10 + "\x00\x01\x1b\x7f" * 10)
