"""The shipped samples: every document is read and extracted, every label is well-formed.

This checks the samples and their labels, not how well the extractor scores on them; that is
`benchmarks/eval_samples.py`, an evaluation that prints figures.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from docx import Document

from nghiquyet.extract import extract_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
DOCS = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".docx", ".pdf"})
LABELS = sorted((SAMPLES / "gold").glob("*.json"))

KINDS = {"nghi_quyet", "chuong_trinh_hanh_dong", "ke_hoach", "ket_luan", "chi_thi", "quyet_dinh",
         "bao_cao", "thong_bao", "de_an", "other"}
COMPARATORS = {"eq", "gt", "gte", "lt", "lte", "approx", "range"}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def iso_date(value) -> bool:
    if value is None:
        return True
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def visible_text(path: Path) -> str:
    """The text a reader sees, taken straight from the file (not through our reader)."""
    if path.suffix == ".txt":
        return path.read_text(encoding="utf-8")
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def load(label: Path) -> dict:
    return json.loads(label.read_text(encoding="utf-8"))


def test_there_are_samples_and_each_has_a_label():
    assert len(DOCS) >= 6
    assert {p.stem for p in DOCS} == {p.stem for p in LABELS}


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_sample_is_read_and_extracted(path: Path):
    size = path.stat().st_size
    assert 5_000 <= size <= (60_000 if path.suffix == ".docx" else 30_000), size
    x = extract_file(path)
    contract = x.to_contract()
    assert contract["source"] == path.name
    assert x.text.strip()
    json.dumps(contract, ensure_ascii=False)             # serialisable as the CLI prints it


@pytest.mark.parametrize("label", LABELS, ids=[p.stem for p in LABELS])
def test_label_has_the_contract_shape(label: Path):
    gold = load(label)
    assert set(gold) >= {"source", "document", "references", "targets", "results", "deadlines"}
    source = SAMPLES / gold["source"]
    assert source.is_file() and source.stem == label.stem, gold["source"]

    d = gold["document"]
    assert d["kind"] in KINDS
    assert d["symbol"] is None or re.fullmatch(r"\d+[-/][\wĐđ/-]+", d["symbol"]), d["symbol"]
    assert iso_date(d["date"]) and iso_date(d.get("date_inferred"))
    assert d["symbol"] or d["date"] is None or d.get("symbol_inferred")
    assert isinstance(d["issuer"], str) and d["issuer"]
    assert isinstance(d["title"], str) and d["title"].split()[0].isupper()
    assert set(d["signer"]) == {"name", "position", "on_behalf_of"}
    assert d["recipients"] and all(isinstance(r, str) and r for r in d["recipients"])

    symbols = [r["symbol"] for r in gold["references"]]
    assert len(symbols) == len(set(symbols)), "a reference is listed once per symbol"
    for r in gold["references"]:
        assert r["kind"] in KINDS and iso_date(r["date"]) and r["symbol"] != d["symbol"]

    for family in ("targets", "results"):
        for i, f in enumerate(gold[family]):
            where = f"{family}[{i}]"
            assert isinstance(f["indicator"], str) and f["indicator"], where
            assert f["comparator"] in COMPARATORS, where
            assert isinstance(f["value"], (int, float)), where
            if f["comparator"] == "range":
                assert isinstance(f["value_max"], (int, float)) and f["value_max"] > f["value"], where
            else:
                assert f["value_max"] is None, where
            assert f["unit"] is None or (f["unit"] == f["unit"].strip() and f["unit"]), where
            assert f["year"] is None or 1990 <= f["year"] <= 2050, where
            assert isinstance(f["quote"], str) and f["quote"], where
            if family == "targets":
                assert f["period"] is None or re.fullmatch(r"\d{4}-\d{4}", f["period"]), where
                assert f["parent"] is None or 0 <= f["parent"] < i, where
    for i, dl in enumerate(gold["deadlines"]):
        assert dl["task"] and dl["quote"] and iso_date(dl["due"]) and dl["due"], f"deadlines[{i}]"


@pytest.mark.parametrize("label", LABELS, ids=[p.stem for p in LABELS])
def test_every_quote_is_in_the_document(label: Path):
    gold = load(label)
    text = squash(visible_text(SAMPLES / gold["source"]))
    quotes = [x["quote"] for family in ("targets", "results", "deadlines") for x in gold[family]]
    quotes += gold["document"]["recipients"]
    missing = [q for q in quotes if squash(q) not in text]
    assert not missing, missing


def test_inferred_identity_comes_from_a_citing_sample():
    """A sample whose header lacks its number is cited, with number and date, by another sample."""
    labels = [load(p) for p in LABELS]
    inferred = [g for g in labels if g["document"].get("symbol_inferred")]
    assert inferred, "the samples demonstrate cascade inference"
    for g in inferred:
        d = g["document"]
        citing = [o for o in labels for r in o["references"]
                  if r["symbol"] == d["symbol_inferred"] and r["date"] == d["date_inferred"]
                  and r["kind"] == d["kind"]]
        assert citing, d["symbol_inferred"]


def test_docx_sample_is_what_make_docx_writes(tmp_path: Path):
    spec = importlib.util.spec_from_file_location("make_docx", SAMPLES / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    assert module.main([str(tmp_path)]) == 0
    fresh = tmp_path / module.NAME
    assert fresh.read_bytes() == (SAMPLES / module.NAME).read_bytes(), \
        "samples/make_docx.py changed: run it to regenerate the .docx"
