"""Batch ingest: one commit per batch of files, no savepoint per file until one fails half-way
(then the batch is stored again, a savepoint per file). A broken file in the
middle of a batch leaves nothing of itself and everything of the batch's good files; a failed
commit loses the batch only, each of its files reported; the search index follows."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from fixtures_db import fail_indexing
from nghiquyet.store import library, search
from nghiquyet.store.ingest import BATCH_SIZE
from nghiquyet.store.models import (Citation, Deadline, Document, DocumentVersion,
                                    OutlineSection, SearchEntry, Target)

PLAN = """HUYỆN ỦY CAN LỘC
Số {n}-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Can Lộc, ngày 12 tháng 4 năm 2022

KẾ HOẠCH
Thực hiện Nghị quyết số 15-NQ/TU của Ban Chấp hành Đảng bộ tỉnh về phát triển du lịch {word}

I. MỤC TIÊU
1. Đến năm 2025, đón khoảng {n} nghìn lượt khách du lịch; tỷ lệ xã đạt chuẩn nông thôn mới đạt 80%.
2. Hoàn thành rà soát quy hoạch trước ngày 30/6/2022.
"""
WORDS = ["cam", "buoi", "chuoi", "dua", "xoai", "mit", "na", "oi", "man", "dao", "le", "tao"]


def plans(folder, count: int, broken: set[int] = frozenset(), poisoned: set[int] = frozenset()):
    paths = []
    for i in range(count):
        path = folder / f"kh-{i:03d}.txt"
        if i in broken:
            path.write_bytes(b"\x00\x01\x02\xff" * 100)       # a binary file renamed .txt
        else:
            word = "dacbiet" if i in poisoned else WORDS[i % len(WORDS)]
            path.write_text(PLAN.format(n=100 + i, word=word), encoding="utf-8")
        paths.append(path)
    return paths


def count(session, model, **where) -> int:
    q = select(func.count()).select_from(model)
    for k, v in where.items():
        q = q.where(getattr(model, k) == v)
    return session.scalar(q)


def stored_names(session) -> list[str]:
    return sorted(session.scalars(select(Document.source_name).where(
        Document.placeholder.is_(False))).all())


def test_failing_file_mid_batch_keeps_the_good_ones(db_session, tmp_path, monkeypatch):
    """Storing fails (not extraction) for file 3 of 7 in one batch: the other six are stored
    whole, searchable, and nothing of file 3 remains, not even in the search index."""
    paths = plans(tmp_path, 7, poisoned={3})
    fail_indexing(monkeypatch, "dacbiet", "đĩa đầy (disk full)")
    summary = library.ingest_paths(db_session, paths=paths, batch_size=50)
    assert [o.status for o in summary.outcomes] == ["new"] * 3 + ["error"] + ["new"] * 3
    assert "kh-003.txt" in summary.outcomes[3].message and "disk full" in summary.outcomes[3].message
    good = [p.name for i, p in enumerate(paths) if i != 3]
    assert stored_names(db_session) == good
    assert count(db_session, DocumentVersion) == 6
    doc_ids = set(db_session.scalars(select(Document.id).where(
        Document.placeholder.is_(False))).all())
    for model in (Target, Deadline, OutlineSection, Citation, SearchEntry):
        owners = set(db_session.scalars(select(model.document_id)).all())
        assert owners and owners <= doc_ids | set(db_session.scalars(select(Document.id)))
        assert owners == doc_ids, model.__tablename__
    # The index holds exactly the stored files: each word of a good file is found, and the
    # entries found all belong to stored documents.
    for i, p in enumerate(paths):
        if i == 3:
            continue
        hits = search.search(db_session, f"du lich {WORDS[i % len(WORDS)]}", entity="document")
        assert any(h.document_id in doc_ids for h in hits)
    assert search.search(db_session, "dacbiet") == []


def test_broken_files_across_batches(db_session, tmp_path):
    """Unreadable files spread over three batches (of 4 stored files) are reported in input
    order; the batches' good files are all stored and committed."""
    broken = {0, 5, 6, 11}
    paths = plans(tmp_path, 14, broken=broken)
    seen = []
    summary = library.ingest_paths(db_session, paths=paths, progress=seen.append, batch_size=4)
    assert [Path(o.path).name for o in seen] == [p.name for p in paths]
    assert [o.status == "error" for o in summary.outcomes] == [i in broken for i in range(14)]
    assert stored_names(db_session) == [p.name for i, p in enumerate(paths) if i not in broken]
    db_session.rollback()                 # nothing left uncommitted: a new transaction sees all
    assert count(db_session, DocumentVersion) == 14 - len(broken)


def test_a_failed_commit_loses_its_batch_only(db_session, tmp_path, monkeypatch):
    """When the COMMIT of the second batch fails, the first batch stays stored, every file of
    the second is reported as an error (nothing of it stored), and later batches go on."""
    paths = plans(tmp_path, 9)
    real_commit = type(db_session).commit
    calls = [0]

    def commit(self):
        calls[0] += 1
        if calls[0] == 2:
            raise RuntimeError("ổ đĩa hỏng (I/O error)")
        return real_commit(self)

    monkeypatch.setattr(type(db_session), "commit", commit)
    summary = library.ingest_paths(db_session, paths=paths, batch_size=3)
    statuses = [o.status for o in summary.outcomes]
    assert statuses == ["new"] * 3 + ["error"] * 3 + ["new"] * 3
    assert all("I/O error" in o.message and o.path in o.message for o in summary.outcomes[3:6])
    assert stored_names(db_session) == [p.name for i, p in enumerate(paths) if i not in (3, 4, 5)]
    hits = search.search(db_session, "du lich", entity="document", limit=50)
    assert {h.document_id for h in hits} == set(db_session.scalars(select(Document.id).where(
        Document.placeholder.is_(False))).all())


def test_default_batch_is_committed_as_one(db_session, tmp_path, monkeypatch):
    """With the default batch size, a dozen files take one COMMIT, not one each."""
    assert BATCH_SIZE >= 12
    paths = plans(tmp_path, 12)
    real_commit = type(db_session).commit
    calls = [0]

    def commit(self):
        calls[0] += 1
        return real_commit(self)

    monkeypatch.setattr(type(db_session), "commit", commit)
    summary = library.ingest_paths(db_session, paths=paths)
    assert summary.totals()["new"] == 12
    assert calls[0] <= 3                  # the batch, then the cascade and index passes


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_update_of_a_file_stored_earlier_in_the_batch(db_session, tmp_path):
    """Two versions of one file in the same batch: the held-back FTS rows of the first are
    replaced, so the search index has the second version only."""
    first = tmp_path / "a" / "kh.txt"
    second = tmp_path / "b" / "kh.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text(PLAN.format(n=7, word="vaithieu"), encoding="utf-8")
    second.write_text(PLAN.format(n=7, word="nhanlong"), encoding="utf-8")
    summary = library.ingest_paths(db_session, paths=[first, second])
    assert [o.status for o in summary.outcomes] == ["new", "updated"]
    assert search.search(db_session, "vaithieu") == []
    assert search.search(db_session, "nhanlong")
    # FTS5 holds exactly the entries, as they read now (it compares its index with the view).
    db_session.connection().exec_driver_sql(
        "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_worker_prepared_rows_store_the_same(db_session, db_engine, seeds_dir, tmp_path):
    """Item rows, their JSON and folded search text made in extraction workers (batch ingest)
    are stored exactly as the storing process makes them itself (`ingest_file`)."""
    from sqlalchemy import text

    from nghiquyet.store.db import make_engine, session_factory
    from nghiquyet.store.migrate import upgrade
    files = sorted(seeds_dir.glob("*.txt"))
    library.ingest_paths(db_session, paths=files, workers=2)
    other = make_engine(f"sqlite:///{tmp_path / 'one-process.db'}")
    upgrade(other)
    alone = session_factory(other)()
    for path in files:                    # ingest_file: the storing process makes the rows
        library.ingest_file(alone, path=path)
        alone.commit()

    def rows(session, table):
        skip = {"created_at", "updated_at", "source_path"}
        result = session.connection().exec_driver_sql(f"SELECT * FROM {table} ORDER BY rowid")
        return [{k: v for k, v in r.items() if k not in skip} for r in result.mappings()]

    for table in ("targets", "results", "deadlines", "search_entries", "search_fts"):
        assert rows(db_session, table) == rows(alone, table), table
    assert rows(db_session, "targets") and rows(db_session, "search_fts")
    alone.close()
    other.dispose()


def _savepoints(engine) -> list:  # noqa: ANN001
    """The SAVEPOINTs taken on `engine` from now on (SQLAlchemy's connection event)."""
    from sqlalchemy import event
    seen = []
    event.listen(engine, "savepoint", lambda conn, name: seen.append(name))
    return seen


def test_a_batch_without_failures_takes_no_savepoint(db_session, db_engine, tmp_path):
    """Files are stored with no savepoint of their own (SAVEPOINT and RELEASE per file
    cost a tenth of the storing time): a clean batch takes none."""
    seen = _savepoints(db_engine)
    summary = library.ingest_paths(db_session, paths=plans(tmp_path, 5))
    assert summary.totals()["new"] == 5 and seen == []


def test_two_failing_files_in_one_batch_and_a_new_version_between(db_session, db_engine,
                                                                   tmp_path, monkeypatch):
    """The first failure rolls the batch back and stores its earlier files again (then a
    savepoint per file); the second is rolled back alone. A file's new version, and a copy
    of a file, given before the first failure are stored again in order: the library and its
    index end as if the failing files had never been given, and the copy names the
    document as stored at the end (PostgreSQL gives it a new id the second time)."""
    seen = _savepoints(db_engine)
    paths = plans(tmp_path, 8, poisoned={2, 6})
    newer, copy = tmp_path / "v2" / "kh-001.txt", tmp_path / "copy" / "kh-000.txt"
    for path, n, word in ((newer, 101, "nhanlong"), (copy, 100, WORDS[0])):
        path.parent.mkdir()
        path.write_text(PLAN.format(n=n, word=word), encoding="utf-8")
    # kh-000, kh-001, its next version, a copy of kh-000, then kh-002 fails
    paths[2:2] = [newer, copy]
    fail_indexing(monkeypatch, "dacbiet", "đĩa đầy (disk full)")
    summary = library.ingest_paths(db_session, paths=paths, batch_size=50)
    statuses = [o.status for o in summary.outcomes]
    assert statuses == ["new", "new", "updated", "unchanged", "error", "new", "new", "new",
                        "error", "new"]
    assert "kh-002.txt" in summary.outcomes[4].message
    assert "kh-006.txt" in summary.outcomes[8].message and seen    # savepoints after the first
    assert stored_names(db_session) == [f"kh-{i:03d}.txt" for i in (0, 1, 3, 4, 5, 7)]
    zero, one = summary.outcomes[0].document_id, summary.outcomes[1].document_id
    assert summary.outcomes[3].document_id == zero and db_session.get(Document, zero)
    assert summary.outcomes[2].document_id == one and count(db_session, DocumentVersion) == 7
    assert {h.document_id for h in search.search(db_session, "nhanlong")} == {one}
    assert search.search(db_session, "dacbiet") == []
    assert count(db_session, SearchEntry, entity="document") == 6
    if db_engine.dialect.name == "sqlite":
        db_session.connection().exec_driver_sql(
            "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
