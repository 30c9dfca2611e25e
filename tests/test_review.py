"""Human review: corrections kept apart from machine output, surviving re-extraction."""
from __future__ import annotations

from datetime import date

import pytest
from fixtures_db import make_extraction, store
from sqlalchemy import select

from nghiquyet.model import Deadline, Figure
from nghiquyet.store import library, review, search
from nghiquyet.store.items import active_items, item_dict
from nghiquyet.store.models import Correction, Target


def plan(rate: float = 80, extra: list[Figure] | None = None):
    targets = [
        Figure(indicator="Tỷ lệ xã đạt chuẩn nông thôn mới", comparator="gte", value=rate,
               unit="%", year=2025, quote=f"tỷ lệ xã đạt chuẩn nông thôn mới đạt {rate:g}% trở lên"),
        Figure(indicator="Tỷ lệ che phủ rừng", comparator="approx", value=49, unit="%", year=2025,
               quote="tỷ lệ che phủ rừng khoảng 49%"),
    ] + (extra or [])
    return make_extraction(
        "kh-41-quang-binh.txt", symbol="41-KH/TU", date="2022-04-12",
        issuer="Ban Thường vụ Tỉnh ủy", title="Kế hoạch phát triển nông nghiệp, nông thôn",
        targets=targets,
        deadlines=[Deadline(task="Rà soát quy hoạch vùng nguyên liệu", due="2022-06-30",
                            responsible="Sở Nông nghiệp và Phát triển nông thôn",
                            quote="hoàn thành trước ngày 30/6/2022")],
        text_=f"KẾ HOẠCH phát triển nông nghiệp. Tỷ lệ xã đạt chuẩn nông thôn mới {rate:g}%.")


def targets_of(session, doc_id):
    return {t.indicator: t for t in active_items(session, doc_id, "target")}


def test_correction_is_kept_apart_and_survives_a_new_version(db_session):
    first = store(db_session, plan())
    t = targets_of(db_session, first.document_id)["Tỷ lệ che phủ rừng"]
    review.correct_item(db_session, family="target", item_id=t.id,
                        changes={"value": "49,5", "comparator": "gte"}, author="Lan")
    db_session.commit()
    assert (t.value, t.comparator, t.machine["value"]) == (49.5, "gte", 49)
    fix = db_session.scalars(select(Correction).where(Correction.field == "value")).one()
    assert (fix.item_key, fix.value, fix.author) == (t.key, 49.5, "Lan")

    # The file changes (another figure moves): same document, new version, fix still applied.
    second = store(db_session, plan(rate=85), content="phiên bản 2")
    assert (second.status, second.document_id) == ("updated", first.document_id)
    now = targets_of(db_session, first.document_id)
    assert now["Tỷ lệ che phủ rừng"].id == t.id           # tracking can keep pointing at it
    assert (now["Tỷ lệ che phủ rừng"].value, now["Tỷ lệ che phủ rừng"].comparator) == (49.5, "gte")
    assert now["Tỷ lệ xã đạt chuẩn nông thôn mới"].value == 85
    assert item_dict("target", now["Tỷ lệ che phủ rừng"])["corrected"] is True


def test_deleted_item_stays_deleted_and_leaves_the_index(db_session):
    out = store(db_session, plan())
    t = targets_of(db_session, out.document_id)["Tỷ lệ che phủ rừng"]
    assert any(h.entity_id == t.id for h in search.search(db_session, "che phu rung",
                                                          entity="target"))
    review.delete_item(db_session, family="target", item_id=t.id, author="Lan")
    db_session.commit()
    assert "Tỷ lệ che phủ rừng" not in targets_of(db_session, out.document_id)
    assert search.search(db_session, "che phu rung", entity="target") == []
    store(db_session, plan(rate=90), content="v2")
    assert "Tỷ lệ che phủ rừng" not in targets_of(db_session, out.document_id)
    assert search.search(db_session, "che phu rung", entity="target") == []


def test_added_item_is_human_and_survives_a_new_version(db_session):
    out = store(db_session, plan())
    row = review.add_item(db_session, document_id=out.document_id, family="deadline",
                          values={"task": "Sơ kết 2 năm thực hiện kế hoạch", "due": "2023-12-31",
                                  "responsible": "Văn phòng Tỉnh ủy"}, author="Minh")
    db_session.commit()
    assert (row.origin, row.status, row.due) == ("human", "confirmed", date(2023, 12, 31))
    store(db_session, plan(rate=90), content="v2")
    tasks = [d.task for d in active_items(db_session, out.document_id, "deadline")]
    assert tasks == ["Rà soát quy hoạch vùng nguyên liệu", "Sơ kết 2 năm thực hiện kế hoạch"]
    assert [h.entity for h in search.search(db_session, "so ket 2 nam")] == ["deadline"]


def test_confirm_and_machine_item_gone_in_new_version(db_session):
    out = store(db_session, plan(extra=[Figure(indicator="Thu nhập bình quân đầu người",
                                               comparator="eq", value=60, unit="triệu đồng",
                                               year=2025)]))
    t = targets_of(db_session, out.document_id)["Tỷ lệ che phủ rừng"]
    review.confirm_item(db_session, family="target", item_id=t.id)
    db_session.commit()
    store(db_session, plan(), content="v2")        # the income target is no longer extracted
    now = targets_of(db_session, out.document_id)
    assert now["Tỷ lệ che phủ rừng"].status == "confirmed"
    assert "Thu nhập bình quân đầu người" not in now
    gone = db_session.scalars(select(Target).where(Target.superseded.is_(True))).one()
    assert gone.indicator == "Thu nhập bình quân đầu người"


@pytest.mark.parametrize("family, changes, message", [
    ("target", {"value": "nhiều"}, "value"),
    ("target", {"comparator": "khoảng"}, "comparator"),
    ("target", {"colour": "đỏ"}, "colour"),
    ("deadline", {"due": "31/12/2025"}, "due"),
    ("deadline", {"task": ""}, "task"),
])
def test_bad_corrections_name_the_field(db_session, family, changes, message):
    out = store(db_session, plan())
    row = active_items(db_session, out.document_id, family)[0]
    with pytest.raises(review.ReviewError, match=message):
        review.correct_item(db_session, family=family, item_id=row.id, changes=changes)


def test_document_dict_shows_effective_values(db_session):
    out = store(db_session, plan())
    t = targets_of(db_session, out.document_id)["Tỷ lệ che phủ rừng"]
    review.correct_item(db_session, family="target", item_id=t.id, changes={"year": 2030})
    db_session.commit()
    d = library.document_dict(db_session, library.get_document(db_session, ref="41-KH/TU"))
    (row,) = [x for x in d["targets"] if x["id"] == t.id]
    assert row["year"] == 2030 and row["corrected"] and row["origin"] == "machine"
    assert d["deadlines"][0]["due"] == "2022-06-30"
