"""The fast path of storing: rows built apart from the database (`store.rows`), inserted
positionally with their ids (`rawsql.Raw.insert_rows`), and what citations say the cited
document carries out, kept with them (`citations.cited_implements`, migration 0007)."""
from __future__ import annotations

import pickle
from datetime import date

from alembic import command
from fixtures_db import make_extraction, store
from sqlalchemy import inspect, select, text

from nghiquyet.model import Deadline, Figure, Reference
from nghiquyet.store import cascade
from nghiquyet.store.db import session_factory
from nghiquyet.store.migrate import alembic_config, upgrade
from nghiquyet.store.models import Citation, Deadline as DeadlineRow, Document, OutlineSection
from nghiquyet.store.rawsql import Raw
from nghiquyet.store.rows import ready_rows


def _section_rows(session, document_id: int) -> list[tuple]:
    return [(s.id, s.idx, s.label, s.heading, s.level) for s in session.scalars(
        select(OutlineSection).where(OutlineSection.document_id == document_id)
        .order_by(OutlineSection.id)).all()]


def test_insert_rows_gives_the_ids_the_database_gives(db_session):
    """Ids given by `insert_rows` (explicit on SQLite) are the ones the database would give:
    an ORM insert after them takes the next one, and the rows read back as written."""
    doc = store(db_session, make_extraction("a.txt", symbol="1-KH/HU"))
    raw = Raw.of(db_session)
    table = OutlineSection.__table__
    columns = ("document_id", "idx", "label", "heading", "level")
    first = raw.insert_rows(table, columns, [(doc.document_id, 0, "I", "Mục tiêu", 0),
                                             (doc.document_id, 1, "1", "Chỉ tiêu", 1)],
                            returning=True)
    orm = OutlineSection(document_id=doc.document_id, idx=2, label="2", heading="Nhiệm vụ",
                         level=1)
    db_session.add(orm)
    db_session.flush()
    then = raw.insert_rows(table, columns, [(doc.document_id, 3, "II", "Giải pháp", 0)],
                           returning=True)
    assert first[1] == first[0] + 1 and orm.id > first[1] and then[0] > orm.id
    db_session.commit()
    assert _section_rows(db_session, doc.document_id) == [
        (first[0], 0, "I", "Mục tiêu", 0), (first[1], 1, "1", "Chỉ tiêu", 1),
        (orm.id, 2, "2", "Nhiệm vụ", 1), (then[0], 3, "II", "Giải pháp", 0)]


def test_insert_rows_converts_dates_and_fills_defaults(db_session):
    """A date column and the columns left to their defaults are stored as an ORM insert
    stores them (SQLite keeps dates as ISO text, read back as dates)."""
    doc = store(db_session, make_extraction("b.txt", symbol="2-KH/HU"))
    (id_,) = Raw.of(db_session).insert_rows(
        DeadlineRow.__table__, ("document_id", "task", "due", "key", "idx", "machine"),
        [(doc.document_id, "Tổng kết", date(2025, 12, 31), "d:x", 0, {"task": "Tổng kết"})],
        returning=True)
    db_session.commit()
    row = db_session.get(DeadlineRow, id_)
    assert (row.task, row.due, row.machine) == ("Tổng kết", date(2025, 12, 31),
                                                {"task": "Tổng kết"})
    assert (row.origin, row.status, row.superseded) == ("machine", "draft", False)
    assert row.created_at is not None and row.updated_at is not None


def test_ready_rows_cross_processes_as_plain_values():
    """What a worker sends holds no extraction object: only strings, numbers, dates, and
    the containers of them (so it unpickles fast and the storing side needs no model)."""
    x = make_extraction("c.txt", kind="ke_hoach", symbol="3-KH/HU", title="Kế hoạch thực hiện "
                        "Nghị quyết số 26-NQ/TW",
                        targets=[Figure("Tỷ lệ che phủ rừng", "gte", 52.5, unit="%", year=2025)],
                        deadlines=[Deadline("Sơ kết", "2025-06-30", responsible="Văn phòng")],
                        references=[Reference("26-NQ/TW", kind="nghi_quyet")])
    ready = ready_rows(x)
    seen = []

    def walk(value) -> None:  # noqa: ANN001
        if isinstance(value, (tuple, list)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        else:
            seen.append(type(value))

    walk([v for name, v in ready._asdict().items() if name != "identity"])
    assert set(seen) <= {str, int, float, bool, date, type(None), type(ready.contract)}
    again = pickle.loads(pickle.dumps(ready))
    assert again == ready
    (deadline,) = ready.items["deadline"]
    assert deadline[1] == date(2025, 6, 30)                # the column's date; ISO in the JSON
    assert '"due": "2025-06-30"' in deadline[-1]
    assert ready.citations[0]["implements"] is True        # named in the title it carries out


# --- what a citation says the cited document carries out ------------------------------------

QUOTE = ("Chương trình hành động số 12-CTr/TU, ngày 7/3/2023 của Ban Thường vụ Tỉnh ủy thực "
         "hiện Nghị quyết số 29-NQ/TW của Bộ Chính trị")


def _plan(symbol: str, cited: str, quote: str):
    return make_extraction(f"{symbol}.txt", symbol=symbol, text_=quote,
                           references=[Reference(cited, kind="chuong_trinh_hanh_dong",
                                                 issuer="Ban Thường vụ Tỉnh ủy", quote=quote,
                                                 span=(0, len(quote)))])


def test_citation_keeps_what_the_cited_document_carries_out(db_session):
    store(db_session, _plan("40-KH/HU", "12-CTr/TU", QUOTE))
    store(db_session, _plan("41-KH/HU", "13-CTr/TU", "Chương trình số 13-CTr/TU của Tỉnh ủy"))
    said = dict(db_session.execute(select(Citation.cited_key, Citation.cited_implements)).all())
    assert said == {"12-CTR/TU": "29-NQ/TW", "13-CTR/TU": ""}


def test_inference_reads_a_citation_stored_without_the_column(db_session):
    """A citation row written without `cited_implements` (by an older program, or by hand)
    is still read whole: the same inference comes out."""
    store(db_session, _plan("40-KH/HU", "12-CTr/TU", QUOTE))
    store(db_session, _plan("42-KH/HU", "14-CTr/TU", QUOTE.replace("12-CTr", "14-CTr")
                            .replace("29-NQ/TW", "19-NQ/TW")))
    db_session.execute(text("UPDATE citations SET cited_implements = NULL"))
    programme = store(db_session, make_extraction(
        "ctr.txt", kind="chuong_trinh_hanh_dong", issuer="Ban Thường vụ Tỉnh ủy",
        title="Chương trình hành động thực hiện Nghị quyết số 29-NQ/TW"))
    doc = db_session.get(Document, programme.document_id)
    assert (doc.symbol_inferred, doc.date_inferred) == ("12-CTr/TU", None)
    assert cascade.infer_identity(db_session, doc) is True


def test_upgrade_to_0007_fills_what_citations_say(empty_engine):
    """Citations stored before migration 0007 get `cited_implements` from their text; the
    downgrade drops the column and keeps the citations."""
    upgrade(empty_engine, "0006_citation_kind_index")
    with empty_engine.begin() as conn:
        doc_id = conn.execute(Document.__table__.insert().values(
            kind="ke_hoach", symbol="40-KH/HU", symbol_key="40-KH/HU", recipients=[])
            .returning(Document.__table__.c.id)).scalar_one()
        for cited, quote, context in (("12-CTr/TU", "Chương trình số 12-CTr/TU", QUOTE),
                                      ("26-NQ/TW", "Nghị quyết số 26-NQ/TW", None)):
            conn.execute(text(
                "INSERT INTO citations (document_id, cited_symbol, cited_key, implements, quote, "
                "span_start, span_end, context) VALUES (:d, :s, :k, :f, :q, 0, 0, :c)"),
                {"d": doc_id, "s": cited, "k": cited.upper(), "f": False, "q": quote,
                 "c": context})
    upgrade(empty_engine)
    session = session_factory(empty_engine)()
    said = dict(session.execute(select(Citation.cited_symbol, Citation.cited_implements)).all())
    assert said == {"12-CTr/TU": "29-NQ/TW", "26-NQ/TW": ""}
    session.close()
    with empty_engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006_citation_kind_index")
        columns = {c["name"] for c in inspect(conn).get_columns("citations")}
        assert "cited_implements" not in columns and "context" in columns
        assert conn.execute(text("SELECT count(*) FROM citations")).scalar_one() == 2


def test_ingest_collects_garbage_less_often_and_restores_it(db_session, tmp_path):
    """While storing, the young generation is collected every 20,000 allocations, not 700
    (5% of the storing CPU); the setting comes back afterwards, also after a failure."""
    import gc

    from nghiquyet.store import library
    before = gc.get_threshold()
    seen = []
    path = tmp_path / "kh.txt"
    path.write_text("KẾ HOẠCH\nSố 5-KH/HU\nTổ chức hội nghị trước ngày 30/6/2025.\n",
                    encoding="utf-8")
    library.ingest_paths(db_session, paths=[path],
                         progress=lambda o: seen.append((o.status, gc.get_threshold()[0])))
    assert seen == [("new", 20_000)] and gc.get_threshold() == before

    def broken(_outcome):  # noqa: ANN001
        raise KeyboardInterrupt
    path.write_text("KẾ HOẠCH\nSố 6-KH/HU\n", encoding="utf-8")
    try:
        library.ingest_paths(db_session, paths=[path], progress=broken)
    except KeyboardInterrupt:
        pass
    assert gc.get_threshold() == before
