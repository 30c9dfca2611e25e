"""The seeds against their gold labels, field by field, for the families of this stage:
references (symbol, kind, date, issuer), the document's identity fields and the deadlines."""
from __future__ import annotations

import json

import pytest

from nghiquyet.extract import extract_file


@pytest.fixture(scope="module")
def pairs(seeds_dir, gold_dir):
    out = []
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        out.append((gold, extract_file(seeds_dir / gold["source"]).to_contract()))
    assert out, "no gold labels"
    return out


def test_every_reference_with_its_kind_date_and_issuer(pairs):
    for gold, pred in pairs:
        got = {r["symbol"]: (r["kind"], r["date"], r["issuer"]) for r in pred["references"]}
        want = {r["symbol"]: (r["kind"], r["date"], r["issuer"]) for r in gold["references"]}
        assert got == want, gold["source"]


def test_document_fields(pairs):
    for gold, pred in pairs:
        g, p = gold["document"], pred["document"]
        for field in ("kind", "symbol", "date", "place", "issuer"):
            assert p[field] == g[field], (gold["source"], field)
        assert p["signer"] == g["signer"], gold["source"]
        assert p["recipients"] == g["recipients"], gold["source"]
        assert " ".join(p["title"].split()) == g["title"], gold["source"]


def test_deadlines_due_dates_and_quotes(pairs):
    for gold, pred in pairs:
        assert [d["due"] for d in pred["deadlines"]] == [d["due"] for d in gold["deadlines"]]
        for g, p in zip(gold["deadlines"], pred["deadlines"]):
            assert " ".join(g["quote"].lower().split()) in " ".join(p["quote"].lower().split())
