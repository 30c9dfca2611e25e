"""`nghiquyet serve`: answers without a server (--get), loads the shipped samples once."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from nghiquyet.cli import app
from nghiquyet.web.samples import sample_files


def test_shipped_samples_are_the_repository_samples(samples_dir: Path):
    shipped = {p.name: p.read_bytes() for p in sample_files()}
    assert shipped, "the package ships sample documents"
    if samples_dir.is_dir():
        repo = {p.name: p.read_bytes() for p in samples_dir.iterdir()
                if p.suffix in (".txt", ".docx", ".pdf")}
        assert shipped == repo, "copy samples/ into src/nghiquyet/data/samples/"


def test_serve_get_loads_samples_into_an_empty_database_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'serve.db'}"
    runner = CliRunner()
    first = runner.invoke(app, ["serve", "--database-url", url, "--get", "/api/documents?limit=100"])
    assert first.exit_code == 0, first.output
    docs = json.loads(first.stdout.strip().splitlines()[-1])
    assert len(docs) == len(sample_files())
    assert {d["status"] for d in docs} == {"confirmed"}
    again = runner.invoke(app, ["serve", "--database-url", url, "--get", "/api/documents?limit=100"])
    assert len(json.loads(again.stdout.strip().splitlines()[-1])) == len(docs)
    page = runner.invoke(app, ["serve", "--database-url", url, "--get", "/"])
    assert page.exit_code == 0 and "Tổng quan" in page.stdout
    missing = runner.invoke(app, ["serve", "--database-url", url, "--get", "/van-ban/99999"])
    assert missing.exit_code == 1 and "Không tìm thấy trang" in missing.stdout
