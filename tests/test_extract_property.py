"""Property: `extract_text` never raises, whatever the text (random, mangled, truncated seeds)."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.extract import extract_text

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DOCS = Path(__file__).resolve().parent / "docs"
CORPUS = [p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("doc_*.txt"))]
CORPUS += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []

# Characters the rules care about: Vietnamese letters, digits, separators, marks, line breaks.
ALPHABET = st.sampled_from(list("aăâđeêioôơuưyAĂÂĐEÊIOÔƠUƯY ,.;:/-–()*+¹²\n\t0123456789")
                           + ["Số ", "ngày ", "tháng ", "năm ", "Quý ", "I. ", "1. ", "a) ", "- ", "của ",
                              "NGHỊ QUYẾT", "KẾ HOẠCH", "Nơi nhận:", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
                              "Nghị quyết số ", "-NQ/TW", "/QĐ-TTg", "trước ", "Thời gian: ", "hoàn thành ",
                              "Điều 1. ", "QUYẾT ĐỊNH:", "\u0301", "\u00a0", "\ufeff", "**", "[bookmark: x]"])
TOKENS = st.lists(ALPHABET, max_size=400).map("".join)


def _check(text: str) -> None:
    result = extract_text(text)
    contract = result.to_contract()
    for family in ("references", "deadlines"):
        for item in contract[family]:
            start, end = item["span"]
            assert 0 <= start <= end <= len(result.text)
    for d in result.deadlines:
        assert len(d.due) == 10


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TOKENS)
def test_random_text_never_raises(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_never_raises(text):
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mangled_documents_never_raise(data):
    source = data.draw(st.sampled_from(CORPUS))
    lines = source.split("\n")
    ops = data.draw(st.lists(st.tuples(st.sampled_from(["drop", "dup", "swap", "cut", "join", "upper"]),
                                       st.integers(0, max(0, len(lines) - 1))), max_size=12))
    for op, i in ops:
        if not lines:
            break
        i %= len(lines)
        if op == "drop":
            del lines[i]
        elif op == "dup":
            lines.insert(i, lines[i])
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "cut":
            lines[i] = lines[i][: len(lines[i]) // 2]
        elif op == "join" and i + 1 < len(lines):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
        elif op == "upper":
            lines[i] = lines[i].upper()
    _check("\n".join(lines))
