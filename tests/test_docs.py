"""Every document in tests/docs/ is extracted and checked against its hand-made labels.

`tests/docs/NAME.txt` (or .docx/.pdf) sits beside `NAME.json`, written in the gold format of
`../shared/EXTRACTION.md`. Only the families a label file lists are checked, and they must match
exactly as the shared scorer matches (strict: comparator, unit, year and period too), with no
extra items; a reference's kind, date and issuer too when the label gives them. Adding a pair of
files adds a case.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from nghiquyet.extract import extract_file

DOCS = Path(__file__).parent / "docs"
SCORE_PY = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"
CASES = sorted(p for p in DOCS.glob("*.json"))


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _source_for(label: Path) -> Path:
    for suffix in (".txt", ".docx", ".pdf"):
        p = label.with_suffix(suffix)
        if p.exists():
            return p
    raise FileNotFoundError(f"{label}: no .txt/.docx/.pdf beside it")


def _reference_field_right(score, field: str, gold, pred) -> bool:
    """A reference's kind and date as labelled; its issuer as the scorer compares a document's
    (the same body in other words), and None only where the label says None."""
    if field != "issuer" or gold is None or pred is None:
        return gold == pred
    return score.doc_field_right("issuer", {"issuer": gold}, {"issuer": pred})


@pytest.mark.parametrize("label", CASES, ids=[p.stem for p in CASES])
def test_document_matches_labels(label: Path) -> None:
    score = _scorer()
    gold = json.loads(label.read_text(encoding="utf-8"))
    pred = extract_file(_source_for(label)).to_contract()
    problems: list[str] = []
    families = {
        "targets": (score.figures_match, score.figure_strict),
        "results": (score.figures_match, score.figure_strict),
        "references": (lambda g, p: score.symbol_key(g["symbol"]) == score.symbol_key(p["symbol"]), None),
        "deadlines": (score.deadline_match, None),
    }
    for family, (match, strict) in families.items():
        if family not in gold:
            continue
        pairs = score.pair_up(gold[family], pred[family], match)
        matched = {id(g) for g, _ in pairs}
        for g in gold[family]:
            if id(g) not in matched:
                problems.append(f"{family}: missed {json.dumps(g, ensure_ascii=False)}")
        for g, p in pairs:
            if strict and not strict(g, p):
                problems.append(f"{family}: wrong {json.dumps(p, ensure_ascii=False)} for {json.dumps(g, ensure_ascii=False)}")
            if family == "references":
                problems.extend(f"references: {g['symbol']} {field} {p.get(field)!r}, expected {g[field]!r}"
                                for field in ("kind", "date", "issuer")
                                if field in g and not _reference_field_right(score, field, g[field], p.get(field)))
        used = {id(p) for _, p in pairs}
        for p in pred[family]:
            if id(p) not in used:
                problems.append(f"{family}: extra {p.get('symbol') or p.get('quote')!r}")
    for field, expected in gold.get("document", {}).items():
        if field in score.DOC_FIELDS and not score.doc_field_right(field, gold["document"], pred["document"]):
            problems.append(f"document.{field}: expected {expected!r}, got {pred['document'].get(field)!r}")
    assert not problems, "\n".join(problems)
