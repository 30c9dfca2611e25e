"""The cascade: citations resolved by symbol, placeholders, identities inferred from citers."""
from __future__ import annotations

from datetime import date

from fixtures_db import make_extraction, store
from sqlalchemy import select

from nghiquyet.model import Reference
from nghiquyet.store import library, review
from nghiquyet.store.models import Citation, Document

ACTION = "28-CTr/TU"


def test_seed_action_programme_gets_symbol_from_district_plan(db_session, gold_extractions):
    """The provincial action programme has no number in its header; the district plan cites
    it as "Chương trình hành động số 28-CTr/TU, ngày 05/5/2023 của Ban Thường vụ Tỉnh ủy"."""
    programme = gold_extractions["001_f71be9efdfe38f56.txt"]
    plan = gold_extractions["000_b78420045af7397d.txt"]
    assert programme.document.symbol is None
    p = store(db_session, programme)
    store(db_session, plan)
    doc = db_session.get(Document, p.document_id)
    assert (doc.symbol, doc.symbol_inferred, doc.date_inferred) == (None, ACTION, date(2023, 5, 5))
    assert not doc.inference_confirmed and "cùng cơ quan ban hành" in doc.inference_note
    assert library.get_document(db_session, ref=ACTION).id == doc.id
    # The plan's citation now points at the programme itself, not at a placeholder.
    cites = db_session.scalars(select(Citation).where(Citation.cited_key == "28-CTR/TU")).all()
    assert [c.cited_document_id for c in cites] == [doc.id]
    assert db_session.scalars(select(Document).where(
        Document.symbol == ACTION, Document.placeholder.is_(True))).all() == []


def test_inference_does_not_depend_on_ingest_order(db_session, gold_extractions):
    store(db_session, gold_extractions["000_b78420045af7397d.txt"])
    p = store(db_session, gold_extractions["001_f71be9efdfe38f56.txt"])
    doc = db_session.get(Document, p.document_id)
    assert doc.symbol_inferred == ACTION and doc.date_inferred == date(2023, 5, 5)


def test_tree_down_from_the_central_resolution(db_session, gold_extractions):
    for name in ("000_b78420045af7397d.txt", "001_f71be9efdfe38f56.txt"):
        store(db_session, gold_extractions[name])
    central = library.get_document(db_session, ref="26-NQ/TW")
    assert central.placeholder and central.issuer == "Bộ Chính trị"
    down = library.tree_dict(library.cascade_down(db_session, document_id=central.id))
    labels = {c["label"] for c in down["children"]}
    assert f"{ACTION} (suy ra)" in labels
    programme = next(c for c in down["children"] if c["label"].startswith(ACTION))
    assert [c["label"] for c in programme["children"]] == ["000_b78420045af7397d.txt"]
    up = library.tree_dict(library.cascade_up(db_session, document_id=programme["id"]))
    assert [c["label"] for c in up["children"]] == ["26-NQ/TW"]


def test_confirm_inference(db_session, gold_extractions):
    p = store(db_session, gold_extractions["001_f71be9efdfe38f56.txt"])
    store(db_session, gold_extractions["000_b78420045af7397d.txt"])
    review.confirm_inference(db_session, document_id=p.document_id, author="chuyên viên")
    db_session.commit()
    doc = db_session.get(Document, p.document_id)
    assert doc.inference_confirmed and "chuyên viên" in doc.inference_note


def _programme(source: str, issuer: str, implements: str) -> object:
    return make_extraction(source, kind="chuong_trinh_hanh_dong", issuer=issuer,
                           title=f"Chương trình hành động thực hiện Nghị quyết số {implements}")


def _citing_plan(symbol: str, cited: str, issuer: str, implements: str, when: str):
    quote = (f"Chương trình hành động số {cited}, ngày {when} của {issuer} thực hiện "
             f"Nghị quyết số {implements} của Bộ Chính trị")
    return make_extraction(f"kh-{symbol}.txt", symbol=symbol, issuer="Ban Thường vụ Huyện ủy",
                           references=[Reference(symbol=cited, kind="chuong_trinh_hanh_dong",
                                                 date=when.split("/")[2] + "-" +
                                                 when.split("/")[1].zfill(2) + "-" +
                                                 when.split("/")[0].zfill(2),
                                                 issuer=issuer, quote=quote)])


def test_inference_uses_what_the_document_implements(db_session):
    """Two action programmes of the same Standing Committee, no numbers; citations tell them
    apart by the resolution each carries out."""
    a = store(db_session, _programme("ctr-a.txt", "Ban Thường vụ Tỉnh ủy", "19-NQ/TW"))
    b = store(db_session, _programme("ctr-b.txt", "Ban Thường vụ Tỉnh ủy", "29-NQ/TW"))
    store(db_session, _citing_plan("40-KH/HU", "12-CTr/TU", "Ban Thường vụ Tỉnh ủy",
                                   "29-NQ/TW", "7/3/2023"))
    store(db_session, _citing_plan("41-KH/HU", "09-CTr/TU", "Ban Thường vụ Tỉnh ủy",
                                   "19-NQ/TW", "12/1/2023"))
    doc_a, doc_b = db_session.get(Document, a.document_id), db_session.get(Document, b.document_id)
    assert (doc_a.symbol_inferred, doc_a.date_inferred) == ("09-CTr/TU", date(2023, 1, 12))
    assert (doc_b.symbol_inferred, doc_b.date_inferred) == ("12-CTr/TU", date(2023, 3, 7))


def test_no_inference_when_two_citations_fit_equally(db_session):
    a = store(db_session, make_extraction("ctr.txt", kind="chuong_trinh_hanh_dong",
                                          issuer="Ban Thường vụ Tỉnh ủy"))
    for sym, cited in (("50-KH/HU", "14-CTr/TU"), ("51-KH/HU", "15-CTr/TU")):
        store(db_session, make_extraction(
            f"{sym}.txt", symbol=sym, references=[Reference(
                symbol=cited, kind="chuong_trinh_hanh_dong", issuer="Ban Thường vụ Tỉnh ủy")]))
    assert db_session.get(Document, a.document_id).symbol_inferred is None


def test_no_inference_across_issuers_or_kinds(db_session):
    a = store(db_session, _programme("ctr.txt", "Ban Thường vụ Tỉnh ủy", "19-NQ/TW"))
    store(db_session, _citing_plan("60-KH/HU", "30-CTr/HU", "Ban Thường vụ Huyện ủy Lệ Thủy",
                                   "19-NQ/TW", "1/6/2023"))
    store(db_session, make_extraction("61-KH/HU.txt", symbol="61-KH/HU", references=[Reference(
        symbol="31-KH/TU", kind="ke_hoach", issuer="Ban Thường vụ Tỉnh ủy",
        quote="Kế hoạch số 31-KH/TU của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 19-NQ/TW")]))
    assert db_session.get(Document, a.document_id).symbol_inferred is None


def test_placeholder_becomes_the_document_when_it_arrives(db_session):
    plan = store(db_session, make_extraction(
        "kh-quang-binh.txt", symbol="35-KH/TU", issuer="Ban Thường vụ Tỉnh ủy",
        references=[Reference(symbol="15-NQ/TU", kind="nghi_quyet", date="2021-08-20",
                              issuer="Ban Chấp hành Đảng bộ tỉnh", implements=True)]))
    placeholder = library.get_document(db_session, ref="15-NQ/TU")
    assert placeholder.placeholder and placeholder.date == date(2021, 8, 20)
    resolution = store(db_session, make_extraction(
        "nq-15.txt", kind="nghi_quyet", symbol="15-NQ/TU", date="2021-08-20",
        issuer="Ban Chấp hành Đảng bộ tỉnh", title="Về phát triển du lịch đến năm 2030"))
    assert resolution.status == "new"
    real = library.get_document(db_session, ref="15-NQ/TU")
    assert real.id == resolution.document_id and not real.placeholder
    assert [c.document_id for c in library.cascade.cited_by(db_session, real.id)] == [plan.document_id]
    assert db_session.scalars(select(Document).where(Document.placeholder.is_(True))).all() == []
    down = library.tree_dict(library.cascade_down(db_session, document_id=real.id))
    assert [c["label"] for c in down["children"]] == ["35-KH/TU"]


def test_document_dict_lists_links_both_ways(db_session):
    store(db_session, make_extraction("kh.txt", symbol="35-KH/TU", references=[
        Reference(symbol="15-NQ/TU", kind="nghi_quyet", implements=True),
        Reference(symbol="531/QĐ-TTg", kind="quyet_dinh")]))
    nq = library.get_document(db_session, ref="15-NQ/TU")
    plan = library.get_document(db_session, ref="35-KH/TU")
    d = library.document_dict(db_session, plan)
    assert [(c["symbol"], c["placeholder"], c["implements"]) for c in d["cites"]] == [
        ("15-NQ/TU", True, True), ("531/QĐ-TTg", True, False)]
    assert [c["document_id"] for c in library.document_dict(db_session, nq)["cited_by"]] == [plan.id]
    assert library.get_document(db_session, ref="531/qđ-ttg").placeholder
