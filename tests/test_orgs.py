"""Organisations: the shipped administrative units, loading CSVs, lookups across 1 July 2025."""
from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from importlib import resources

import pytest
from sqlalchemy import func, select

from nghiquyet.track import orgs
from nghiquyet.track.models import Organisation


def shipped(name):
    text = (resources.files("nghiquyet") / "data" / "orgs" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def test_provinces_before_and_after_the_reorganisation():
    rows = shipped("provinces.csv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    now = [r for r in rows if r["level"] == "province" and not r["valid_to"]]
    before = [r for r in rows if r["level"] == "province" and not r["valid_from"]]
    assert (len(now), len(before)) == (34, 63)
    for r in rows:
        if r["valid_to"]:
            assert r["valid_to"] == "2025-06-30" and r["successors"] and r["successors"] in codes, r


def test_ha_tinh_districts_and_communes():
    rows = shipped("ha_tinh.csv")
    kinds = Counter((r["level"], bool(r["valid_to"])) for r in rows)
    assert kinds[("district", True)] == 12
    assert kinds[("commune", True)] == 209 and kinds[("commune", False)] == 69
    new = {r["code"] for r in rows if r["level"] == "commune" and not r["valid_to"]}
    for r in rows:
        if r["level"] == "commune" and r["valid_to"]:
            succ = r["successors"].split(";")
            assert succ and set(succ) <= new, r


def test_the_source_and_licence_are_recorded():
    readme = (resources.files("nghiquyet") / "data" / "orgs" / "README.md").read_text(encoding="utf-8")
    assert "vietnamadminunits" in readme and "MIT" in readme


@pytest.mark.parametrize("issuer, expected", [
    ("Ban Thường vụ Huyện ủy Thạch Hà", ("cap_uy", "district", "thach ha")),
    ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", ("cap_uy", "province", "")),
    ("Hội đồng nhân dân tỉnh Nghệ An khóa XVIII", ("hdnd", "province", "nghe an")),
    ("UBND xã Cẩm Bình", ("ubnd", "commune", "cam binh")),
    ("Thủ tướng Chính phủ", ("central", "central", "")),
    ("Công ty TNHH Hoa Sen", (None, None, "")),
    ("", (None, None, "")),
])
def test_parse_issuer(issuer, expected):
    assert orgs.parse_issuer(issuer) == expected


def test_units_load_once_and_lookups_follow_the_date(track_db):
    n = track_db.scalar(select(func.count(Organisation.id)))
    assert orgs.load_units(track_db).added == 0 and track_db.scalar(select(func.count(Organisation.id))) == n
    before = orgs.find_unit(track_db, "Thạch Hà", on=date(2023, 5, 1))
    after = orgs.find_unit(track_db, "Thạch Hà", on=date(2025, 8, 1))
    assert (before.level, after.level) == ("district", "commune")
    assert after in orgs.successors(track_db, before)
    quang_binh = orgs.find_unit(track_db, "Quảng Bình", on=date(2020, 1, 1))
    assert [s.name for s in orgs.successors(track_db, quang_binh)] == ["Tỉnh Quảng Trị"]
    assert quang_binh in orgs.predecessors(track_db, orgs.find_unit(track_db, "T44"))
    a1, unit = orgs.organisation_for_issuer(track_db, issuer="Ban Thường vụ Huyện ủy Thạch Hà", on=date(2023, 1, 1))
    a2, _ = orgs.organisation_for_issuer(track_db, issuer="Huyện ủy Thạch Hà", on=date(2023, 1, 1))
    assert a1.id == a2.id and a1.kind == "agency" and a1.parent_id == unit.id == before.id
    # no name in the issuer: the unit the text names most
    _, guessed = orgs.organisation_for_issuer(track_db, issuer="Ban Chấp hành Đảng bộ tỉnh",
                                              text="... tỉnh Nghệ An ... người Nghệ An ... Hà Tĩnh")
    assert guessed.name == "Tỉnh Nghệ An"


def test_a_user_csv_is_loaded_all_or_nothing_with_every_error(track_db, tmp_path):
    good = tmp_path / "nghe_an.csv"
    good.write_text("code,name,short_name,level,type,parent_code,valid_from,valid_to,successors,gso_code\n"
                    "H412-cu,Huyện Nghi Lộc,Nghi Lộc,district,huyen,T40,,2025-06-30,,412\n", encoding="utf-8")
    assert orgs.load_units(track_db, path=good).added == 1
    assert orgs.find_unit(track_db, "Nghi Lộc").parent.code == "T40"
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,level,parent_code,valid_from,successors\n"
                   "A1,Xã A,village,T40,,\n"
                   "A2,Xã B,commune,T99,2025-13-01,\n"
                   "A3,,commune,T40,,ZZZ\n", encoding="utf-8")
    with pytest.raises(orgs.OrgDataError) as e:
        orgs.load_units(track_db, path=bad)
    text = "\n".join(e.value.errors)
    for where in ("bad.csv:2: cột level", "bad.csv:3: parent_code 'T99'", "bad.csv:3: valid_from",
                  "bad.csv:4: cột name", "bad.csv:4: successors 'ZZZ'"):
        assert where in text
    assert orgs.find_unit(track_db, "A1") is None
