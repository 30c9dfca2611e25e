"""The benchmark corpus generator: reproducible, in the seeds' style, and extractable."""
from __future__ import annotations

import doctest
import importlib.util
import re
import sys
from pathlib import Path

import pytest

from nghiquyet.extract import extract_file

CORPUS_PY = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"


@pytest.fixture(scope="module")
def corpus():
    """The `benchmarks/corpus.py` module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", CORPUS_PY)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module                  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def small_corpus(corpus, tmp_path_factory) -> list[Path]:
    """40 documents of seed 11, written to a temporary folder."""
    return corpus.generate(40, 11, tmp_path_factory.mktemp("corpus"))


def test_doctests(corpus):
    result = doctest.testmod(corpus)
    assert result.attempted > 0 and result.failed == 0


def test_same_seed_gives_identical_bytes(corpus, small_corpus, tmp_path):
    again = corpus.generate(40, 11, tmp_path)
    assert [p.name for p in again] == [p.name for p in small_corpus]
    for a, b in zip(small_corpus, again):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_other_seed_gives_other_documents(corpus, small_corpus):
    other = dict(corpus.iter_documents(40, 12))
    same = sum(other.get(p.name) == p.read_text(encoding="utf-8") for p in small_corpus)
    assert same == 0


def test_one_document_can_be_rebuilt_alone(corpus, small_corpus):
    path = small_corpus[17]
    assert corpus.render(11, 17) == path.read_text(encoding="utf-8")


def test_sizes_and_kinds(small_corpus):
    sizes = [p.stat().st_size for p in small_corpus]
    assert min(sizes) >= 8_000 and max(sizes) <= 34_000, (min(sizes), max(sizes))
    kinds = {p.stem.split("_")[1] for p in small_corpus}
    assert kinds == {"nq", "ctr", "kh", "bc"}


def test_text_is_in_vietnamese_official_style(small_corpus):
    text = "\n".join(p.read_text(encoding="utf-8") for p in small_corpus)
    assert re.search(r"\d{1,3}\.\d{3} tỷ đồng", text)            # 17.900 tỷ đồng
    assert re.search(r"\d+,\d+%", text)                          # 7,3%
    assert re.search(r"\(\d+\) ", text)                          # numbered targets
    assert re.search(r"\d+/\d+ chỉ tiêu", text)                  # 26/28 chỉ tiêu
    assert re.search(r"Quý [IV]+ năm \d{4}", text)               # deadlines by quarter
    assert re.search(r"giường bệnh/vạn dân|bác sĩ/vạn dân|dược sĩ đại học/vạn dân", text)
    assert "Nơi nhận:" in text and "T/M BAN THƯỜNG VỤ" in text


def test_plans_cite_a_programme_of_the_same_corpus(corpus):
    linked = 0
    for i in range(60):
        ident = corpus.identity(5, i)
        if ident.kind != "ke_hoach" or ident.parent is None:
            continue
        linked += 1
        parent = ident.parent
        assert parent.kind == "chuong_trinh_hanh_dong" and parent.index < i
        assert parent.date < ident.date and parent.province == ident.province
        assert parent.symbol in corpus.render(5, i)
        parent_text = corpus.render(5, parent.index)
        assert (parent.symbol in parent_text) != parent.omit_symbol
    assert linked >= 5


def test_generated_documents_extract_with_targets_and_references(small_corpus):
    with_targets = 0
    for path in small_corpus[:24]:
        x = extract_file(path)
        assert x.references, f"{path.name}: no reference found"
        text = path.read_text(encoding="utf-8")
        if "MỤC TIÊU, CHỈ TIÊU" in text:
            with_targets += 1
            assert x.targets, f"{path.name}: no target found"
    assert with_targets >= 10
