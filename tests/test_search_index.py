"""The search index keeps no text of its own (migration 0005): a document's entry points at
its version, and SQLite's FTS5 table reads the text through the view `search_fts_source`.
FTS5 removes a row by reading what it indexed back through that view, so the index must stay
exactly in step with the entries: FTS5's `integrity-check` compares the two."""
from __future__ import annotations

import pytest
from alembic import command
from fixtures_db import fail_indexing
from sqlalchemy import select, text

from nghiquyet.store import index, library, review, search
from nghiquyet.store.db import session_factory
from nghiquyet.store.migrate import alembic_config, upgrade
from nghiquyet.store.models import Document, DocumentVersion, SearchEntry, Target


PLAN = """HUYỆN ỦY CAN LỘC
Số {n}-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Can Lộc, ngày 12 tháng 4 năm 2022

KẾ HOẠCH
Thực hiện Nghị quyết số 15-NQ/TU của Ban Chấp hành Đảng bộ tỉnh về phát triển {word}

I. MỤC TIÊU
1. Đến năm 2025, đón khoảng {n} nghìn lượt khách du lịch; tỷ lệ xã đạt chuẩn nông thôn mới đạt 80%.
2. Hoàn thành rà soát quy hoạch {word} trước ngày 30/6/2022.
"""


def write(folder, name: str, n: int, word: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(PLAN.format(n=n, word=word), encoding="utf-8")
    return path


def check_fts(session) -> None:
    """FTS5 compares its index with what the view gives for every row (raises if not)."""
    session.connection().exec_driver_sql(
        "INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


def found(session, query: str) -> set[int]:
    return {h.document_id for h in search.search(session, query, limit=50)}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_check_notices_an_index_out_of_step(db_session, tmp_path):
    """The check these tests rely on does fail when an entry changes under the index."""
    library.ingest_paths(db_session, paths=[write(tmp_path, "a.txt", 1, "đồng muối")])
    check_fts(db_session)
    db_session.execute(text("UPDATE search_entries SET body = 'khac han' "
                            "WHERE entity = 'target'"))
    with pytest.raises(Exception, match="malformed|corrupt"):
        check_fts(db_session)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fts_stays_in_step_through_ingest_and_review(db_session, tmp_path, monkeypatch):
    """New files, a failing file, a new version in the same batch and in a later one, item
    corrections, deletions and additions, an identity set by hand: after each, the index is
    exact and finds what the library holds (đ folded to d, marks dropped)."""
    fail_indexing(monkeypatch, "hongmat", "đĩa đầy (disk full)")
    paths = [write(tmp_path / "v1", "a.txt", 1, "đồng muối"),
             write(tmp_path / "v1", "b.txt", 2, "hongmat"),
             write(tmp_path / "v1", "c.txt", 3, "rừng ngập mặn"),
             write(tmp_path / "v2", "a.txt", 1, "đảo yến")]     # a's next version, same batch
    summary = library.ingest_paths(db_session, paths=paths)
    assert [o.status for o in summary.outcomes] == ["new", "error", "new", "updated"]
    check_fts(db_session)
    a, c = summary.outcomes[0].document_id, summary.outcomes[2].document_id
    assert found(db_session, "dao yen") == {a} and found(db_session, "dong muoi") == set()
    assert found(db_session, "rung ngap man") == {c} and found(db_session, "hongmat") == set()

    later = library.ingest_paths(db_session, paths=[write(tmp_path / "v3", "c.txt", 3, "cá đối")])
    assert [o.status for o in later.outcomes] == ["updated"]
    check_fts(db_session)
    assert found(db_session, "ca doi") == {c} and found(db_session, "rung ngap man") == set()

    target = db_session.scalars(select(Target).where(Target.document_id == c,
                                                     Target.superseded.is_(False))).first()
    review.correct_item(db_session, family="target", item_id=target.id,
                        changes={"indicator": "Số lượt khách đến Đồng Lộc"})
    check_fts(db_session)
    assert c in found(db_session, "den dong loc")
    review.delete_item(db_session, family="target", item_id=target.id)
    check_fts(db_session)
    assert found(db_session, "den dong loc") == set()
    review.add_item(db_session, document_id=a, family="deadline",
                    values={"task": "Xây dựng đường ven đầm", "due": "2026-12-31"})
    check_fts(db_session)
    assert a in found(db_session, "duong ven dam")
    review.set_identity(db_session, document_id=c, symbol="99-KH/HU")
    check_fts(db_session)
    db_session.commit()
    check_fts(db_session)


def test_a_document_text_is_stored_once(db_session, tmp_path):
    """The document's entry has no body of its own: it names the version, whose text gives
    the snippet (on both databases)."""
    summary = library.ingest_paths(db_session, paths=[write(tmp_path, "a.txt", 5, "Đầm Sen")])
    doc = db_session.get(Document, summary.outcomes[0].document_id)
    entry = db_session.scalars(select(SearchEntry).where(
        SearchEntry.entity == "document", SearchEntry.document_id == doc.id)).one()
    assert entry.body == "" and entry.version_id == doc.current_version_id
    bodies, _ = index.entry_bodies(db_session, [entry.id])
    assert bodies[entry.id] == doc.current_version.text
    hit = search.search(db_session, "dam sen", entity="document")[0]
    assert hit.entity_id == doc.id and "[Đầm Sen]" in hit.marked()


# --- migration 0005 on a library made before it (`empty_engine`: tests/fixtures_db.py) -----

OLD_TEXT = "ĐẢNG ỦY XÃ THẠCH LONG\nNghị quyết về phát triển nông thôn mới gắn với du lịch Đồng Lộc."


def _library_at_0004(engine) -> dict:  # noqa: ANN001
    """A document with its version and search entries as nghiquyet stored them before 0005."""
    from nghiquyet.store.snippets import fast_fold
    upgrade(engine, "0004_unnumbered_index")
    with engine.begin() as conn:
        doc_id = conn.execute(Document.__table__.insert().values(
            kind="nghi_quyet", symbol="12-NQ/ĐU", symbol_key="12-NQ/DU", issuer="Đảng ủy xã",
            source_name="nq.txt").returning(Document.__table__.c.id)).scalar_one()
        version_id = conn.execute(DocumentVersion.__table__.insert().values(
            document_id=doc_id, number=1, source_name="nq.txt", file_hash="f" * 64,
            text=OLD_TEXT, extracted={}).returning(DocumentVersion.__table__.c.id)).scalar_one()
        conn.execute(Document.__table__.update().values(current_version_id=version_id))
        entries = [("document", doc_id, "12-NQ/ĐU", OLD_TEXT, "Đảng ủy xã"),
                   ("target", 1, "Tỷ lệ hộ dùng nước sạch", "Tỷ lệ hộ dùng nước sạch đạt 98%",
                    "Đảng ủy xã")]
        ids = []
        for entity, entity_id, title, body, issuer in entries:
            ids.append(conn.execute(text(
                "INSERT INTO search_entries (entity, entity_id, document_id, kind, issuer, "
                "issuer_folded, year, title, body) VALUES (:e, :i, :d, 'nghi_quyet', :iss, "
                ":f, 2025, :t, :b) RETURNING id"),
                {"e": entity, "i": entity_id, "d": doc_id, "iss": issuer, "f": fast_fold(issuer),
                 "t": title, "b": body}).scalar_one())
            t = fast_fold(f"{title} {issuer}" if entity == "document" else title)
            if conn.dialect.name == "sqlite":
                conn.execute(text("INSERT INTO search_fts(rowid, title, body) VALUES (:r, :t, :b)"),
                             {"r": ids[-1], "t": t, "b": fast_fold(body)})
            else:
                conn.execute(text("UPDATE search_entries SET tsv = setweight(to_tsvector("
                                  "'simple', :t), 'A') || to_tsvector('simple', :b) WHERE id = :r"),
                             {"r": ids[-1], "t": t, "b": fast_fold(body)})
    return {"doc": doc_id, "version": version_id, "entries": ids}


def test_upgrade_to_0005_keeps_the_library_searchable(empty_engine):
    old = _library_at_0004(empty_engine)
    upgrade(empty_engine)
    session = session_factory(empty_engine)()
    doc_entry, item_entry = (session.get(SearchEntry, i) for i in old["entries"])
    assert (doc_entry.body, doc_entry.version_id) == ("", old["version"])
    assert item_entry.body == "Tỷ lệ hộ dùng nước sạch đạt 98%" and item_entry.version_id is None
    hits = search.search(session, "dong loc")
    assert [h.entity for h in hits] == ["document"] and "[Đồng Lộc]" in hits[0].marked()
    assert [h.entity for h in search.search(session, "nuoc sach")] == ["target"]
    assert {h.entity for h in search.search(session, "dang uy")} == {"document"}
    if empty_engine.dialect.name == "sqlite":
        check_fts(session)
    session.close()

    with empty_engine.begin() as conn:        # and back: the bodies return to the entries
        command.downgrade(alembic_config(conn), "0004_unnumbered_index")
        body = conn.execute(text("SELECT body FROM search_entries WHERE id = :i"),
                            {"i": old["entries"][0]}).scalar_one()
        assert body == OLD_TEXT
        if conn.dialect.name == "sqlite":
            folded = conn.execute(text("SELECT body FROM search_fts WHERE rowid = :i"),
                                  {"i": old["entries"][0]}).scalar_one()
            assert folded.startswith("dang uy xa thach long")
    upgrade(empty_engine)
    session = session_factory(empty_engine)()
    assert {h.entity for h in search.search(session, "dong loc")} == {"document"}
    session.close()
