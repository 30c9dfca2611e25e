"""Speed-ups must not change what is extracted.

`extract_file` skips the cleaning `read_file` already did, and the text rules remember recent
answers (`functools.lru_cache`). These tests pin what that must never change: a file gives the
same extraction as its raw text, and a document gives the same extraction whatever was
extracted before it (a remembered answer handed out and then changed by a caller would show
up here as a difference).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nghiquyet.extract import extract_file, extract_text
from nghiquyet.read.txt import decode

DOCS = Path(__file__).resolve().parent / "docs"
# What only the file reader knows: the rest of the contract must be the same from raw text.
_FILE_ONLY = ("source", "file_type", "encoding", "warnings")


def _contract(extraction) -> str:
    data = extraction.to_contract()
    for key in _FILE_ONLY:
        data.pop(key, None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _txt_files(seeds_dir: Path, samples_dir: Path) -> list[Path]:
    files = sorted(seeds_dir.glob("*.txt")) + sorted(samples_dir.glob("*.txt")) + sorted(DOCS.glob("*.txt"))
    assert len(files) >= 10, "the seeds, samples and test documents are missing"
    return files


def test_file_and_raw_text_extract_the_same(seeds_dir: Path, samples_dir: Path) -> None:
    for path in _txt_files(seeds_dir, samples_dir):
        raw, _ = decode(path.read_bytes())
        from_file = _contract(extract_file(path))
        assert from_file == _contract(extract_text(raw)), path.name


def test_raw_text_with_debris_extracts_like_the_file(tmp_path: Path) -> None:
    """Text that is not clean yet (CRLF, tabs, NFD, bookmarks) is still cleaned on the way in."""
    import unicodedata
    body = ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\r\nSố: 12/KH-UBND\r\n\r\nKẾ HOẠCH\r\n"
            "[bookmark: _Hlk1]Thực hiện Nghị quyết số 05-NQ/TU\r\n\r\nI. MỤC TIÊU\r\n"
            "1.\tĐến năm 2030, tỷ lệ che phủ rừng đạt 52%;\r\n"
            "2. Hoàn thành trước ngày 30/6/2026.\r\n")
    raw = unicodedata.normalize("NFD", body)
    path = tmp_path / "kh.txt"
    path.write_bytes(raw.encode("utf-8"))
    from_text = extract_text(raw)
    assert from_text.targets and from_text.targets[0].value == 52
    assert _contract(extract_file(path)) == _contract(from_text)


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_extraction_does_not_depend_on_what_came_before(seeds_dir: Path, samples_dir: Path,
                                                        order: str) -> None:
    files = _txt_files(seeds_dir, samples_dir)
    first = {p.name: _contract(extract_file(p)) for p in files}
    again = files if order == "forward" else list(reversed(files))
    for path in again:
        assert _contract(extract_file(path)) == first[path.name], path.name


# Cue phrases, their pieces and glue that tests the word boundaries around them.
_PIECES = ["đã đạt", "đạt được", "phấn đấu", "ước đạt", "ước", "đạt", "đã", "vđã", "_", "x",
           " ", ", ", "; ", "(", "1", "²", "so với cùng kỳ", "kỳ", "đạt và vượt", "vượt kế hoạch"]


@pytest.mark.parametrize("key", ["goal_cues", "result_cues", "estimate_cues"])
def test_cue_positions_match_the_reference_regex(key: str) -> None:
    """The fast cue scan finds what the one-regex version (look-behind included) finds."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from nghiquyet.extract import figures_text as ft

    reference = ft._cue_search(key)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=12))
    def check(parts: list[str]) -> None:
        text = ft.low("".join(parts))
        assert ft.cue_positions(text, key) == [m.start() for m in reference.finditer(text)]

    check()
