"""The vocabulary files (data/vocab/kinds.yaml, issuers.yaml): one test per entry family."""
from __future__ import annotations

import pytest

from nghiquyet.extract import extract_text
from nghiquyet.extract.issuer import official_case
from nghiquyet.extract.outline import title_kind
from nghiquyet.extract.references import cited_kind
from nghiquyet.extract.symbols import kind_of_code, parse_symbols
from nghiquyet.extract.vocab import load
from nghiquyet.model import DOCUMENT_KINDS
from nghiquyet.text import fold

KINDS = load("kinds")
ISSUERS = load("issuers")
DOC_KINDS = list(KINDS["documents"].items())
ALL_KINDS = DOC_KINDS + list(KINDS["cited_only"].items())


def test_document_kinds_are_the_contract_kinds():
    assert set(KINDS["documents"]) | {"other"} == set(DOCUMENT_KINDS)
    assert not set(KINDS["cited_only"]) & set(DOCUMENT_KINDS)


@pytest.mark.parametrize("kind, entry", DOC_KINDS, ids=[k for k, _ in DOC_KINDS])
def test_title_words_open_a_document_of_that_kind(kind, entry):
    for words in entry["title"]:
        assert words == words.upper()
        assert title_kind(words) == kind
        assert extract_text(f"{words}\nvề việc thử\n\nI. NỘI DUNG\nabc\n").document.kind == kind


@pytest.mark.parametrize("kind, entry", ALL_KINDS, ids=[k for k, _ in ALL_KINDS])
def test_cite_words_name_the_kind_of_a_reference(kind, entry):
    for words in entry["cite"]:
        assert cited_kind(f"theo {words.capitalize()} số ")[0] == kind
        refs = extract_text(f"I. NỘI DUNG\nTheo {words.capitalize()} số 15/XY-UBND ngày 02/3/2024.\n").references
        assert [(r.symbol, r.kind) for r in refs] == [("15/XY-UBND", kind)]


@pytest.mark.parametrize("kind, entry", ALL_KINDS, ids=[k for k, _ in ALL_KINDS])
def test_symbol_codes_give_the_kind(kind, entry):
    for code in entry.get("codes") or []:
        assert kind_of_code(code) == kind
        [s] = parse_symbols(f"văn bản 12/{code}-UBND ngày 1/1/2024")
        assert kind_of_code(s.kind_code) == kind


@pytest.mark.parametrize("code, issuer", sorted(ISSUERS["symbol_issuers"].items()))
def test_state_symbol_codes_name_their_issuer(code, issuer):
    [s] = parse_symbols(f"Quyết định số 7/QĐ-{code} ngày 1/1/2024")
    assert s.issuer == issuer


def test_organs_are_unique_and_keep_their_spelling():
    folded = [fold(o) for o in ISSUERS["organs"]]
    assert len(folded) == len(set(folded))
    for organ in ISSUERS["organs"]:
        assert official_case(organ.upper()).split()[:len(organ.split())] == organ.split()


def test_positions_are_upper_case_and_sign_documents():
    for position in ISSUERS["positions"]:
        assert position == position.upper()
        doc = extract_text(f"KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\nNội dung.\nNơi nhận:\n- Lưu VT.\n{position}\n"
                           "Nguyễn Văn Tư\n").document
        assert (doc.signer.position, doc.signer.name) == (position, "Nguyễn Văn Tư")


def test_body_starts_open_a_responsible_body():
    from nghiquyet.extract.deadlines import subject_body
    for start in ISSUERS["body_starts"]:
        sentence = f"{start} Thử Nghiệm chủ trì thực hiện"
        assert subject_body(sentence) == f"{start} Thử Nghiệm"


def test_place_words_capitalise_the_name_after_them():
    for word in ISSUERS["place_after"]:
        assert official_case(f"BAN {word.upper()} AN PHÚ").endswith("An Phú")


def test_acronyms_stay_upper_case():
    for word in ISSUERS["acronyms"]:
        assert word.rstrip(".") in official_case(f"THƯỜNG TRỰC {word} AN").replace(".", "").split()
