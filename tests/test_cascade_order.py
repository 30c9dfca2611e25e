"""Inference does not depend on the order files are ingested in: a programme printed without
its number gets it from the plan citing it, whether the plan came before or after, and even
when another same-issuer programme is cited elsewhere (the extractor's quote stops at the
issuer; the rest of the citing sentence says what the cited programme carries out)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from nghiquyet.store import library
from nghiquyet.store.models import Document

PROGRAMME = """TỈNH ỦY BẮC GIANG
*
ĐẢNG CỘNG SẢN VIỆT NAM

CHƯƠNG TRÌNH HÀNH ĐỘNG
CỦA BAN THƯỜNG VỤ TỈNH ỦY
Thực hiện Nghị quyết số 19-NQ/TW, ngày 16/6/2022 của Bộ Chính trị về nông nghiệp, nông dân, nông thôn

Thực hiện Nghị quyết số 19-NQ/TW, ngày 16/6/2022 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Chương trình hành động như sau:

I. MỤC TIÊU
1. Đến năm 2030, tỷ lệ xã đạt chuẩn nông thôn mới nâng cao đạt 60%.
2. Thu nhập bình quân của cư dân nông thôn đến năm 2030 đạt trên 90 triệu đồng/người/năm.
"""

PLAN = """HUYỆN ỦY LỤC NGẠN
Số 64-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Lục Ngạn, ngày 10 tháng 3 năm 2023

KẾ HOẠCH
Thực hiện Chương trình hành động của Ban Thường vụ Tỉnh ủy về nông nghiệp, nông dân, nông thôn

Thực hiện Chương trình hành động số 31-CTr/TU, ngày 14/11/2022 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 19-NQ/TW, ngày 16/6/2022 của Bộ Chính trị về nông nghiệp, nông dân, nông thôn, Ban Thường vụ Huyện ủy ban hành Kế hoạch thực hiện như sau:

I. MỤC TIÊU
1. Đến năm 2030, tỷ lệ xã đạt chuẩn nông thôn mới nâng cao đạt 70%.
"""

# Another district of another province citing ITS Tỉnh ủy's programme on another matter.
OTHER = """HUYỆN ỦY NGA SƠN
Số 22-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
Nga Sơn, ngày 05 tháng 01 năm 2024

KẾ HOẠCH
Tổng kết 10 năm thực hiện Nghị quyết số 33-NQ/TW

- Đánh giá kết quả 10 năm thực hiện Nghị quyết số 33-NQ/TW và Chương trình hành động số 40-CTr/TU, ngày 15/9/2014 của Ban Thường vụ Tỉnh ủy trên địa bàn huyện.
"""


def _write(folder: Path, files: dict[str, str]) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, body in files.items():
        out[name] = folder / name
        out[name].write_text(body, encoding="utf-8")
    return out


def _programme(session, name: str) -> Document:
    return session.query(Document).filter(Document.source_name == name).one()


@pytest.mark.parametrize("order", [("ctr", "other", "kh"), ("kh", "other", "ctr"),
                                   ("other", "ctr", "kh")])
def test_batch_result_does_not_depend_on_order(db_session, tmp_path, order):
    files = _write(tmp_path, {"ctr.txt": PROGRAMME, "kh.txt": PLAN, "other.txt": OTHER})
    summary = library.ingest_paths(db_session, paths=[files[f"{n}.txt"] for n in order])
    assert summary.count("new") == 3, [o.message for o in summary.errors]
    doc = _programme(db_session, "ctr.txt")
    assert (doc.symbol, doc.symbol_inferred, doc.date_inferred) == \
        (None, "31-CTr/TU", date(2022, 11, 14))
    assert library.get_document(db_session, ref="31-CTr/TU").id == doc.id
    # No placeholder is left for the symbol the programme now carries.
    assert db_session.query(Document).filter(Document.placeholder.is_(True),
                                             Document.symbol_key == "31-CTR/TU").count() == 0


@pytest.mark.parametrize("order", [("ctr", "other", "kh"), ("kh", "other", "ctr")])
def test_single_files_one_after_another(db_session, tmp_path, order):
    files = _write(tmp_path, {"ctr.txt": PROGRAMME, "kh.txt": PLAN, "other.txt": OTHER})
    for n in order:
        library.ingest_file(db_session, path=files[f"{n}.txt"])
        db_session.commit()
    assert _programme(db_session, "ctr.txt").symbol_inferred == "31-CTr/TU"


@pytest.mark.parametrize("first", ["03", "04"])
def test_samples_pair_in_both_orders(db_session, samples_dir, first):
    """samples/03 (no number) is cited as 27-CTr/TU by 04; 06 cites another programme of a
    Ban Thường vụ Tỉnh ủy, which must not make the match ambiguous."""
    names = {"03": "03_ctr_tinh_uy_nghe_an_khong_so.txt", "04": "04_kh_huyen_uy_dien_chau.txt",
             "06": "06_kh_huyen_uy_hoang_hoa_tong_ket.txt"}
    order = [first, "06", "04" if first == "03" else "03"]
    summary = library.ingest_paths(db_session, paths=[samples_dir / names[n] for n in order])
    assert summary.count("new") == 3
    doc = _programme(db_session, names["03"])
    assert (doc.symbol_inferred, doc.date_inferred) == ("27-CTr/TU", date(2022, 6, 20))


def test_worker_processes_give_the_same_library(db_session, tmp_path):
    """Extraction (and the folded search text) in worker processes: same inference, and the
    document body is found accent-free."""
    from nghiquyet.store import search
    files = _write(tmp_path, {"kh.txt": PLAN, "other.txt": OTHER, "ctr.txt": PROGRAMME})
    summary = library.ingest_paths(db_session, paths=list(files.values()), workers=2)
    assert summary.count("new") == 3, [o.message for o in summary.errors]
    doc = _programme(db_session, "ctr.txt")
    assert doc.symbol_inferred == "31-CTr/TU"
    hits = search.search(db_session, "nong thon moi nang cao", entity="document")
    assert {h.document_id for h in hits} >= {doc.id}
    assert any("nông thôn mới nâng cao" in h.marked("", "") for h in hits)
