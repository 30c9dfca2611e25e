"""The seeds, re-encoded and re-typeset by the tests (UTF-16, Windows-1258, NFD, Word, PDF),
must extract exactly as the original text does: the readers lose nothing the extractor uses."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from docx import Document

from nghiquyet.extract import extract_file
from test_read_txt import to_cp1258

SEEDS = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def comparable(path: Path) -> dict:
    """The extraction contract without what differs by format: offsets, file type, encoding."""
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items()
                    if k not in ("span", "called_at", "source", "file_type", "encoding")}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x
    return strip(extract_file(path).to_contract())


@pytest.fixture(scope="module", params=SEEDS, ids=[p.stem[:3] for p in SEEDS])
def seed(request) -> tuple[Path, dict]:
    return request.param, comparable(request.param)


def test_seeds_are_there() -> None:
    assert len(SEEDS) >= 4, "../shared/seeds is missing beside the checkout"


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-16-le"),
    lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    lambda t: to_cp1258(t.replace("\u200b", "")),
], ids=["utf-16", "utf-16-no-bom", "nfd", "cp1258"])
def test_reencoded_seed_extracts_the_same(seed, encode, tmp_path) -> None:
    path, expected = seed
    copy = tmp_path / path.name
    copy.write_bytes(encode(path.read_text(encoding="utf-8-sig")))
    assert comparable(copy) == expected


def test_seed_as_word_document_extracts_the_same(seed, tmp_path) -> None:
    path, expected = seed
    d = Document()
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        d.add_paragraph(line)
    d.save(tmp_path / f"{path.stem}.docx")
    assert comparable(tmp_path / f"{path.stem}.docx") == expected


# Typesetting and reading a PDF takes seconds: two seeds of different layouts are enough
# (blank-line paragraphs with footnotes; single-line paragraphs with a Số/date header).
PDF_SEEDS = [p for p in SEEDS if p.stem[:3] in ("002", "004")]


@pytest.mark.parametrize("path", PDF_SEEDS, ids=[p.stem[:3] for p in PDF_SEEDS])
def test_seed_as_pdf_extracts_the_same(path, tmp_path) -> None:
    """Typeset with fpdf2 on A4: wrapped lines, page breaks inside paragraphs, footnotes."""
    import fpdf  # fpdf2, a dev dependency
    assert FONT.exists(), f"{FONT} is missing: run scripts/browser.sh install (fonts-dejavu-core)"
    expected = comparable(path)
    pdf = fpdf.FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=12)
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    for line in path.read_text(encoding="utf-8-sig").split("\n"):
        if line.strip():
            pdf.multi_cell(0, 6, line.strip(), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    pdf.output(str(tmp_path / f"{path.stem}.pdf"))
    assert comparable(tmp_path / f"{path.stem}.pdf") == expected
