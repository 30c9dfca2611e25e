"""The library commands, run in-process on a SQLite file (they are thin shells over services)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from nghiquyet.cli import app

COMMANDS = [["db", "upgrade"], ["ingest"], ["documents"], ["show"], ["tree"], ["review"],
            ["search"]]


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("NGHIQUYET_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)
    return invoke


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_documents_an_example(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Example:" in result.output and "nghiquyet" in result.output


def test_ingest_summary_and_exit_codes(run, seeds_dir, tmp_path):
    from nghiquyet.store.migrate import head_revisions
    upgraded = run("db", "upgrade")
    assert upgraded.exit_code == 0 and all(h in upgraded.output for h in head_revisions())
    assert "mới nhất" in run("db", "upgrade").output
    broken = tmp_path / "hong.txt"
    broken.write_bytes(b"")
    result = run("ingest", str(seeds_dir), str(broken), str(tmp_path / "khong-co"))
    assert result.exit_code == 1
    assert "4 mới" in result.output and "2 lỗi" in result.output
    assert "hong.txt" in result.output and "khong-co" in result.output
    again = run("ingest", str(seeds_dir), "--format", "json")
    assert again.exit_code == 0
    data = json.loads(again.stdout)
    assert data["totals"]["unchanged"] == 4 and data["totals"]["new"] == 0


def test_show_search_tree_review(run, seeds_dir):
    run("ingest", str(seeds_dir))
    docs = json.loads(run("documents", "--format", "json").stdout)
    assert len(docs) == 4
    doc_id = str(docs[0]["id"])
    shown = json.loads(run("show", doc_id, "--format", "json").stdout)
    assert shown["id"] == docs[0]["id"] and "targets" in shown and "cites" in shown
    assert run("show", "99-XX/YY").exit_code == 1
    hits = json.loads(run("search", "nong thon moi", "--format", "json").stdout)
    assert hits and all("snippet" in h for h in hits)
    assert "nông thôn mới" in run("search", "nong thon moi").output
    tree = json.loads(run("tree", doc_id, "--format", "json").stdout)
    assert tree["down"]["id"] == docs[0]["id"]
    added = run("review", doc_id, "--add", "deadline", "--field", "task=Tổng kết kế hoạch",
                "--field", "due=2030-12-31", "--author", "Lan", "--format", "json")
    assert added.exit_code == 0
    deadlines = json.loads(added.stdout)["deadlines"]
    new = [d for d in deadlines if d["origin"] == "human"]
    assert [(d["task"], d["due"]) for d in new] == [("Tổng kết kế hoạch", "2030-12-31")]
    ref = f"deadline:{new[0]['id']}"
    fixed = run("review", doc_id, "--correct", ref, "--field", "due=2030-06-30", "--format", "json")
    assert [d["due"] for d in json.loads(fixed.stdout)["deadlines"] if d["origin"] == "human"] == \
        ["2030-06-30"]
    bad = run("review", doc_id, "--correct", ref, "--field", "due=mai")
    assert bad.exit_code == 1 and "due" in bad.output
    assert run("review", doc_id, "--delete", "target:x").exit_code == 2
    gone = run("review", doc_id, "--delete", ref, "--format", "json")
    assert all(d["id"] != new[0]["id"] for d in json.loads(gone.stdout)["deadlines"])
