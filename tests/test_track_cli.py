"""The tracking commands: thin shells, `--help` with an example, JSON output, exit codes 0/1/2."""
from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from fixtures_track import add_document
from nghiquyet.cli import app
from nghiquyet.model import Deadline
from nghiquyet.store.db import make_engine, session_factory
from nghiquyet.store.migrate import upgrade

COMMANDS = ("indicators", "orgs", "track", "observe", "import", "template", "status", "scorecard", "align",
            "tasks")


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """(run, database URL): a SQLite library with a province plan and a district plan."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("NGHIQUYET_DATABASE_URL", url)
    engine = make_engine(url)
    upgrade(engine)
    with session_factory(engine)() as s:
        add_document(s, source="ctr_tinh.txt", issuer="Ban Thường vụ Tỉnh ủy", place="Hà Tĩnh", day="2023-05-05",
                     symbol="28-CTr/TU", kind="chuong_trinh_hanh_dong", targets=[
                         ("Tỷ lệ lao động qua đào tạo", "approx", 85.0, None, "%", 2030),
                         ("Tỷ lệ che phủ rừng", "gt", 52.0, None, "%", 2030)])
        add_document(s, source="kh_huyen.txt", issuer="Ban Thường vụ Huyện ủy Thạch Hà", place="Thạch Hà",
                     day="2023-08-01", symbol="120-KH/HU", targets=[
                         ("Tỷ lệ lao động qua đào tạo", "approx", 80.0, None, "%", 2030)],
                     deadlines=[Deadline(task="Hội nghị quán triệt", due="2023-09-30", responsible="Ban Tuyên giáo")])
        s.commit()
    engine.dispose()
    runner = CliRunner()

    def run(*args):
        return runner.invoke(app, list(args), catch_exceptions=False)
    return run


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    out = CliRunner().invoke(app, [command, "--help"])
    assert out.exit_code == 0 and "Example:" in out.output and "nghiquyet " + command in out.output


def test_listings_as_json(cli):
    out = cli("indicators", "ho ngheo", "--format", "json")
    assert out.exit_code == 0
    assert "POVERTY_RATE" in {d["code"] for d in json.loads(out.output)}
    out = cli("orgs", "thach ha", "--format", "json")
    assert {d["level"] for d in json.loads(out.output)} == {"district", "commune"}


def test_observe_status_scorecard(cli):
    assert cli("track").exit_code == 0
    assert cli("observe", "FOREST_COVER", "Hà Tĩnh", "2024", "52,6").exit_code == 0
    assert cli("observe", "FOREST_COVER", "Hà Tĩnh", "2024", "nhiều").exit_code == 2
    assert cli("observe", "NO_SUCH", "Hà Tĩnh", "2024", "1").exit_code == 1
    out = cli("status", "28-CTr/TU", "--as-of", "2024-12-31", "--format", "json")
    by = {r["indicator_code"]: r for r in json.loads(out.output)}
    assert by["FOREST_COVER"]["status"] == "met" and "52,6" in by["FOREST_COVER"]["note"]
    out = cli("scorecard", "28-CTr/TU", "--year", "2024")
    assert out.exit_code == 0 and "1/2 chỉ tiêu đạt và vượt" in out.output
    assert cli("scorecard").exit_code == 2
    assert cli("status", "--as-of", "31/12/2024").exit_code == 2
    assert cli("status", "99-NQ/XX").exit_code == 1


def test_template_then_import_and_errors(cli, tmp_path):
    cli("track")
    path = tmp_path / "t42.xlsx"
    out = cli("template", "T42", "--year", "2025", "-o", str(path))
    assert out.exit_code == 0, out.output
    wb = load_workbook(path)
    ws = wb.active
    row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 2).value == "TRAINED_LABOUR")
    ws.cell(row, 8, "abc")
    wb.save(path)
    out = cli("import", str(path))
    assert out.exit_code == 1 and f"t42.xlsx:{row}: cột Giá trị: không phải số" in out.output
    ws.cell(row, 8, 86)
    wb.save(path)
    out = cli("import", str(path), "--format", "json")
    assert out.exit_code == 0 and json.loads(out.output)[0]["recorded"] == 1


def test_align_and_tasks(cli):
    out = cli("align", "120-KH/HU", "28-CTr/TU", "--format", "json")
    rows = {r["indicator_code"]: r["relation"] for r in json.loads(out.output)["rows"]}
    assert rows == {"TRAINED_LABOUR": "weakened", "FOREST_COVER": "dropped"}
    out = cli("tasks", "--as-of", "2023-10-15", "--format", "json")
    data = json.loads(out.output)
    assert data["by_owner"]["Ban Tuyên giáo"]["open_overdue"] == 1
    task_id = data["tasks"][0]["task_id"]
    out = cli("tasks", "--done", str(task_id), "--on", "2023-09-29", "--format", "json")
    assert json.loads(out.output)["tasks"][0]["category"] == "done_on_time"
    assert cli("tasks", "--done", "999999").exit_code == 1


def test_report_round_moves_and_explanations(cli):
    cli("track")
    assert cli("report", "open", "2025", "--due", "2026-01-15").exit_code == 0
    assert cli("report", "open", "2025", "--due", "2025-03-01").exit_code == 1      # before the period ends
    assert cli("report", "move", "1", "T42", "submit").exit_code == 0
    out = cli("report", "move", "1", "T42", "return")
    assert out.exit_code == 1 and "lý do" in out.output
    assert cli("report", "move", "1", "T42", "approve").exit_code == 0
    assert cli("report", "move", "1", "T42", "dance").exit_code == 2
    out = cli("observe", "FOREST_COVER", "T42", "2025", "53")
    assert out.exit_code == 1 and "đã được duyệt" in out.output
    data = json.loads(cli("report", "completeness", "1", "--format", "json").output)
    assert {d["organisation"]: d["state"] for d in data}["T42"] == "approved"
    assert cli("report", "explain", "--target", "1", "--question", "Vì sao chưa có số liệu?").exit_code == 0
    out = cli("report", "explain", "--request", "1", "--answer", "Đang tổng hợp", "--close")
    assert out.exit_code == 0 and "đã đóng" in out.output


@pytest.mark.parametrize("sub", ("open", "move", "completeness", "explain"))
def test_report_subcommands_have_help_with_an_example(sub):
    out = CliRunner().invoke(app, ["report", sub, "--help"])
    assert out.exit_code == 0 and "Example:" in out.output
