"""Spreadsheet import: every error named by file, row and column; all or nothing; round trip."""
from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from nghiquyet.track.imports import HEADER, ImportFailed, import_file, write_template
from nghiquyet.track.models import Observation
from nghiquyet.track.scorecard import document_scorecard

TODAY = date(2026, 2, 1)


def count(session):
    return session.scalar(select(func.count(Observation.id)))


def test_round_trip_template_fill_import_scorecard(quang_tri_plan, tmp_path):
    session, doc, unit = quang_tri_plan
    path = tmp_path / "bieu.xlsx"
    assert write_template(session, organisation=unit, year=2025, path=path) == 5
    wb = load_workbook(path)
    ws = wb["Số liệu"]
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == HEADER[0])
    assert [ws.cell(header_row, j).value for j in range(1, 10)] == list(HEADER)
    assert len(ws.data_validations.dataValidation) == 2          # numbers, kinds
    filled = {"GRDP_GROWTH": 8.1, "POVERTY_RATE": "3,2", "FOREST_COVER": 48, "BUDGET_REVENUE": "9.600"}
    rows = {ws.cell(r, 2).value: r for r in range(header_row + 1, ws.max_row + 1) if ws.cell(r, 2).value}
    assert ws.cell(rows["GRDP_GROWTH"], 5).value.startswith("≥8 % (năm 2025")   # the target beside the cell
    for code, v in filled.items():
        ws.cell(rows[code], 8, v)
    wb.save(path)
    summary = import_file(session, path=path, who="sở kế hoạch", today=TODAY)
    assert (summary.recorded, summary.skipped_empty) == (4, 1)
    sc = document_scorecard(session, doc, 2025)
    assert sc.summary.startswith("3/5 chỉ tiêu đạt và vượt")
    # importing the same file again replaces, it does not duplicate
    import_file(session, path=path, today=TODAY)
    assert count(session) == 4


BAD_CSV = """Mã đơn vị;Mã chỉ tiêu;Kỳ;Loại số liệu;Giá trị;Đơn vị tính
T44;FOREST_COVER;2025;thực hiện;49,5;%
T44;NO_SUCH_THING;2025;thực hiện;1;
T99;FOREST_COVER;2025;thực hiện;1;%
T44;BUDGET_REVENUE;2025;thực hiện;9.600;người
T44;POVERTY_RATE;2025;thực hiện;ba phẩy hai;%
T44;POVERTY_RATE;13/2025;thực hiện;3;%
T44;POVERTY_RATE;2031;thực hiện;3;%
T44;FOREST_COVER;2025;thực hiện;49,6;%
T44;FOREST_COVER;2025;đoán;49,6;%
"""


def test_every_error_is_listed_and_nothing_is_written(quang_tri_plan, tmp_path):
    session, _, _ = quang_tri_plan
    path = tmp_path / "so_lieu.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    with pytest.raises(ImportFailed) as e:
        import_file(session, path=path, today=TODAY)
    got = [(p.row, p.column) for p in e.value.problems]
    assert got == [(3, "Mã chỉ tiêu"), (4, "Mã đơn vị"), (5, "Đơn vị tính"), (6, "Giá trị"), (7, "Kỳ"),
                   (8, "Kỳ"), (9, "Kỳ"), (10, "Loại số liệu")]
    text = str(e.value)
    assert "so_lieu.csv:3: cột Mã chỉ tiêu: chỉ tiêu không có trong danh mục" in text
    assert "trùng với dòng 2" in text and "chưa bắt đầu" in text and "không phải số" in text
    assert count(session) == 0


@pytest.mark.parametrize("content, message", [
    (b"PK\x03\x04 not really a zip", "không đọc được tệp"),
    (b"", "không tìm thấy dòng tiêu đề"),
])
def test_unreadable_files_give_one_clear_problem(track_db, tmp_path, content, message):
    path = tmp_path / ("x.xlsx" if content else "x.csv")
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        import_file(track_db, path=path, today=TODAY)


def test_names_instead_of_codes_and_other_period_forms(track_db, tmp_path):
    path = tmp_path / "theo_ten.csv"
    path.write_text("Đơn vị,Chỉ tiêu,Kỳ,Giá trị,ĐVT\n"
                    "Hà Tĩnh,Tỷ lệ che phủ rừng,Quý I/2025,52.3,%\n"
                    "Hà Tĩnh,Thu ngân sách nhà nước,03/2025,\"4,2\",nghìn tỷ đồng\n", encoding="utf-8")
    assert import_file(track_db, path=path, today=TODAY).recorded == 2
    values = sorted(track_db.scalars(select(Observation.value)).all())
    assert values == [52.3, pytest.approx(4200.0)]
