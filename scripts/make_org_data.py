#!/usr/bin/env python3
"""Derive the shipped administrative-unit CSVs from `vietnamadminunits` (MIT).

Dev-time only: the product reads `src/nghiquyet/data/orgs/*.csv`, never this package.
Run it after `.venv/bin/pip install vietnamadminunits==1.0.4`:

    .venv/bin/python scripts/make_org_data.py

It writes
  provinces.csv  the 63 provinces before 1 July 2025 and the 34 after, with successor links
  ha_tinh.csv    Hà Tĩnh's districts and communes before 1 July 2025 and its communes after

Code scheme (stable, readable): `VN` the central level; `T<gso>` a province, `H<gso>` a district,
`X<gso>` a commune (xã/phường/thị trấn/đặc khu). A unit that ceased on 30 June 2025 gets the
suffix `-cu` ("cũ", old), because the new units often reuse an old unit's GSO code. A province
that was not merged (its new unit is itself alone) stays one organisation with no end date.
"""
from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

import vietnamadminunits

PKG = Path(vietnamadminunits.__file__).parent
OUT = Path(__file__).resolve().parents[1] / "src" / "nghiquyet" / "data" / "orgs"
CUTOVER_END = "2025-06-30"     # last day of the old units (Nghị quyết 202/2025/QH15 etc.)
CUTOVER_START = "2025-07-01"   # first day of the two-level local government
PROVINCE = "42"                # Hà Tĩnh: the province whose lower units we ship

COLUMNS = ["code", "name", "short_name", "level", "type", "parent_code", "valid_from", "valid_to",
           "successors", "gso_code"]

PROVINCE_TYPES = {"Tỉnh": "tinh", "Thành phố": "thanh_pho"}
DISTRICT_TYPES = {"Huyện": "huyen", "Thị xã": "thi_xa", "Thành phố": "thanh_pho", "Quận": "quan"}
WARD_TYPES = {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi_tran", "Đặc khu": "dac_khu"}


def rows(sql: str) -> list[sqlite3.Row]:
    with sqlite3.connect(PKG / "data" / "dataset.db") as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(sql).fetchall()


def unit_type(name: str, table: dict[str, str]) -> str:
    for prefix, kind in sorted(table.items(), key=lambda kv: -len(kv[0])):
        if name.startswith(prefix + " "):
            return kind
    raise SystemExit(f"unknown unit type in {name!r}")


def main() -> int:
    conv = json.loads((PKG / "data" / "converter_2025.json").read_text(encoding="utf-8"))
    new_prov = {r["provinceKey"]: r for r in rows(
        "SELECT DISTINCT provinceKey, province, provinceShort, provinceCode FROM admin_units")}
    old_prov = {r["provinceKey"]: r for r in rows(
        "SELECT DISTINCT provinceKey, province, provinceShort, provinceCode FROM admin_units_legacy")}

    # --- provinces -------------------------------------------------------------------------
    out: list[dict[str, str]] = [dict(code="VN", name="Trung ương", short_name="Trung ương",
                                      level="central", type="trung_uong", parent_code="",
                                      valid_from="", valid_to="", successors="", gso_code="")]
    continuing: set[str] = set()
    successor_of: dict[str, str] = {}
    for new_key, old_keys in conv["DICT_PROVINCE"].items():
        if old_keys == [new_key]:
            continuing.add(new_key)
        else:
            for k in old_keys:
                successor_of[k] = new_key
    for key, r in sorted(new_prov.items(), key=lambda kv: kv[1]["provinceCode"]):
        out.append(dict(code=f"T{r['provinceCode']}", name=r["province"], short_name=r["provinceShort"],
                        level="province", type=unit_type(r["province"], PROVINCE_TYPES),
                        parent_code="VN", valid_from="" if key in continuing else CUTOVER_START,
                        valid_to="", successors="", gso_code=r["provinceCode"]))
    for key, r in sorted(old_prov.items(), key=lambda kv: kv[1]["provinceCode"]):
        if key in continuing:
            continue
        succ = new_prov[successor_of[key]]["provinceCode"]
        out.append(dict(code=f"T{r['provinceCode']}-cu", name=r["province"], short_name=r["provinceShort"],
                        level="province", type=unit_type(r["province"], PROVINCE_TYPES),
                        parent_code="VN", valid_from="", valid_to=CUTOVER_END,
                        successors=f"T{succ}", gso_code=r["provinceCode"]))
    write(OUT / "provinces.csv", out)

    # --- Hà Tĩnh: districts and communes ------------------------------------------------------
    prov_key = next(k for k, r in new_prov.items() if r["provinceCode"] == PROVINCE)
    prov_code = f"T{PROVINCE}" if prov_key in continuing else f"T{PROVINCE}"
    old_parent = prov_code if prov_key in continuing else f"T{PROVINCE}-cu"
    new_wards = {r["wardKey"]: r for r in rows(
        f"SELECT DISTINCT wardKey, ward, wardShort, wardCode FROM admin_units WHERE provinceCode='{PROVINCE}'")}
    legacy = rows("SELECT DISTINCT provinceKey, districtKey, district, districtShort, districtCode, "
                  "wardKey, ward, wardShort, wardCode FROM admin_units_legacy "
                  f"WHERE provinceCode='{PROVINCE}'")
    # old ward key (province_district_ward) → new ward keys, the default one first
    succ_wards: dict[str, list[str]] = defaultdict(list)
    for new_key, olds in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].get(prov_key, {}).items():
        for old in olds:
            succ_wards[old].append(new_key)
    for old, news in conv["DICT_PROVINCE_WARD_DIVIDED"].get(prov_key, {}).items():
        ordered = sorted(news, key=lambda n: not n["isDefaultNewWard"])
        for n in ordered:
            if n["newWardKey"] not in succ_wards[old]:
                succ_wards[old].append(n["newWardKey"])
        # the default successor first
        default = ordered[0]["newWardKey"]
        succ_wards[old].remove(default)
        succ_wards[old].insert(0, default)

    ht: list[dict[str, str]] = []
    seen_district: set[str] = set()
    for r in sorted(legacy, key=lambda r: (r["districtCode"], r["wardCode"])):
        if r["districtCode"] not in seen_district:
            seen_district.add(r["districtCode"])
            ht.append(dict(code=f"H{r['districtCode']}-cu", name=r["district"], short_name=r["districtShort"],
                           level="district", type=unit_type(r["district"], DISTRICT_TYPES),
                           parent_code=old_parent, valid_from="", valid_to=CUTOVER_END, successors="",
                           gso_code=r["districtCode"]))
    for r in sorted(legacy, key=lambda r: (r["districtCode"], r["wardCode"])):
        old_key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
        succ = [f"X{new_wards[k]['wardCode']}" for k in succ_wards.get(old_key, []) if k in new_wards]
        if not succ:
            print(f"warning: no successor for {r['ward']} ({r['district']})", file=sys.stderr)
        ht.append(dict(code=f"X{r['wardCode']}-cu", name=r["ward"], short_name=r["wardShort"],
                       level="commune", type=unit_type(r["ward"], WARD_TYPES),
                       parent_code=f"H{r['districtCode']}-cu", valid_from="", valid_to=CUTOVER_END,
                       successors=";".join(succ), gso_code=r["wardCode"]))
    for r in sorted(new_wards.values(), key=lambda r: r["wardCode"]):
        ht.append(dict(code=f"X{r['wardCode']}", name=r["ward"], short_name=r["wardShort"],
                       level="commune", type=unit_type(r["ward"], WARD_TYPES), parent_code=prov_code,
                       valid_from=CUTOVER_START, valid_to="", successors="", gso_code=r["wardCode"]))
    # each district's successors: every new commune that took in one of its communes
    by_district: dict[str, list[str]] = defaultdict(list)
    for row in ht:
        if row["level"] == "commune" and row["valid_to"]:
            for s in row["successors"].split(";"):
                if s and s not in by_district[row["parent_code"]]:
                    by_district[row["parent_code"]].append(s)
    for row in ht:
        if row["level"] == "district":
            row["successors"] = ";".join(sorted(by_district[row["code"]]))
    write(OUT / "ha_tinh.csv", ht)
    print(f"provinces.csv: {len(out)} rows; ha_tinh.csv: {len(ht)} rows "
          f"({len(seen_district)} districts, {len(legacy)} old communes, {len(new_wards)} new)")
    return 0


def write(path: Path, data: list[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(data)


if __name__ == "__main__":
    sys.exit(main())
