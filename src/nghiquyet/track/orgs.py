"""Organisations over time: administrative units, their organs, and who succeeded whom.

Units come from the shipped CSVs (`data/orgs/`, see its README for the source and licence) or a
user's CSV in the same columns. A document is linked to the organ that issued it (an `agency`
under its unit: "Huyện ủy Thạch Hà" → the party committee of the district Thạch Hà) and to the
unit its targets concern. Names are matched accent-folded, and a unit is chosen among those
valid on the document's date, so the same name before and after 1 July 2025 resolves right.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import yaml
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..store.models import Document
from ..text import fold, squash
from .models import ORG_LEVELS, DocumentOrganisation, Organisation, OrganisationSuccessor

COLUMNS = ("code", "name", "short_name", "level", "type", "parent_code", "valid_from", "valid_to",
           "successors", "gso_code")
SHIPPED = ("provinces.csv", "ha_tinh.csv")
AGENCY_NAMES = {"cap_uy": "Cấp ủy", "hdnd": "HĐND", "ubnd": "UBND"}
# "Tỉnh", "Thành phố", "Huyện", "Xã"...: the type word before a unit's proper name.
_TYPE_WORDS = re.compile(r"^(?:tinh|thanh pho|huyen|thi xa|quan|xa|phuong|thi tran|dac khu)\s+")


class OrgDataError(ValueError):
    """Organisation CSV problems, every one named by file, row and column."""
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    errors: list[str] = field(default_factory=list)


def name_key(name: str) -> str:
    """Folded proper name without the unit-type word.

    >>> name_key("Huyện Thạch Hà"), name_key("Thạch Hà"), name_key("Thành phố Hà Tĩnh")
    ('thach ha', 'thach ha', 'ha tinh')
    """
    return _TYPE_WORDS.sub("", fold(squash(name)))


def _date(value: str, where: str, errors: list[str]) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        errors.append(f"{where}: ngày không hợp lệ {value!r} (expected YYYY-MM-DD)")
        return None


def load_units(session: Session, *, path: Path | None = None) -> LoadReport:
    """Add or update organisations from a CSV (`path`), or from the shipped files if None.

    All-or-nothing per call: any error raises `OrgDataError` listing every problem, and
    nothing is written (the caller's transaction is not committed).
    """
    sources: list[tuple[str, str]] = []
    if path is None:
        for name in SHIPPED:
            sources.append((name, (resources.files("nghiquyet") / "data" / "orgs" / name)
                            .read_text(encoding="utf-8")))
    else:
        try:
            sources.append((str(path), Path(path).read_text(encoding="utf-8-sig")))
        except (OSError, UnicodeDecodeError) as e:
            raise OrgDataError([f"{path}: không đọc được tệp ({e})"]) from None
    existing = {o.code: o for o in session.scalars(select(Organisation))}
    report = LoadReport()
    errors: list[str] = []
    rows: list[tuple[str, dict[str, str]]] = []
    for fname, text in sources:
        reader = csv.DictReader(io.StringIO(text))
        missing = [c for c in ("code", "name", "level") if c not in (reader.fieldnames or [])]
        if missing:
            errors.append(f"{fname}: thiếu cột {', '.join(missing)} (missing columns)")
            continue
        for n, row in enumerate(reader, start=2):
            where = f"{fname}:{n}"
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if not row.get("code"):
                errors.append(f"{where}: cột code trống")
            if not row.get("name"):
                errors.append(f"{where}: cột name trống")
            if row.get("level") not in ORG_LEVELS:
                errors.append(f"{where}: cột level phải là một trong {', '.join(ORG_LEVELS)}")
            rows.append((where, row))
    codes = set(existing) | {r["code"] for _, r in rows if r.get("code")}
    for where, row in rows:
        for col in ("parent_code",):
            if row.get(col) and row[col] not in codes:
                errors.append(f"{where}: {col} {row[col]!r} không có trong dữ liệu")
        for s in filter(None, row.get("successors", "").split(";")):
            if s not in codes:
                errors.append(f"{where}: successors {s!r} không có trong dữ liệu")
    dates = {where: (_date(r.get("valid_from", ""), f"{where}: valid_from", errors),
                     _date(r.get("valid_to", ""), f"{where}: valid_to", errors)) for where, r in rows}
    if errors:
        raise OrgDataError(errors)
    # bulk statements: the shipped files are hundreds of rows, loaded into every new database
    values = []
    for where, row in rows:
        values.append(dict(code=row["code"], name=row["name"], short_name=row.get("short_name") or None,
                           name_key=name_key(row.get("short_name") or row["name"]), kind="unit",
                           level=row["level"], type=row.get("type") or None, valid_from=dates[where][0],
                           valid_to=dates[where][1], gso_code=row.get("gso_code") or None))
    new = [v for v in values if v["code"] not in existing]
    old = [{**v, "id": existing[v["code"]].id} for v in values if v["code"] in existing]
    if new:
        session.execute(insert(Organisation), new)
    if old:
        session.execute(update(Organisation), old)
    report.added, report.updated = len(new), len(old)
    ids = dict(session.execute(select(Organisation.code, Organisation.id)).all())
    parents = [{"id": ids[r["code"]], "parent_id": ids[r["parent_code"]] if r.get("parent_code") else None}
               for _, r in rows]
    if parents:
        session.execute(update(Organisation), parents)
    have = set(session.execute(select(OrganisationSuccessor.organisation_id,
                                      OrganisationSuccessor.successor_id)).all())
    links = []
    for _, row in rows:
        for i, code in enumerate(s for s in row.get("successors", "").split(";") if s):
            pair = (ids[row["code"]], ids[code])
            if pair not in have:
                have.add(pair)
                links.append(dict(organisation_id=pair[0], successor_id=pair[1], main=i == 0))
    if links:
        session.execute(insert(OrganisationSuccessor), links)
    for org in existing.values():     # the bulk update bypassed these loaded objects
        session.expire(org)
    session.flush()
    return report


def ensure_units(session: Session) -> None:
    """Load the shipped units once (a database without organisations gets them)."""
    if session.scalar(select(Organisation.id).limit(1)) is None:
        load_units(session)


def find_unit(session: Session, name: str, *, on: date | None = None, level: str | None = None,
              within: Organisation | None = None) -> Organisation | None:
    """The unit called `name` (or with that code), valid on `on`, at `level`, under `within`."""
    if not name or not name.strip():
        return None
    org = session.scalar(select(Organisation).where(Organisation.code == name.strip()))
    if org is not None:
        return org
    q = select(Organisation).where(Organisation.name_key == name_key(name), Organisation.kind == "unit")
    if level:
        q = q.where(Organisation.level == level)
    cands = list(session.scalars(q))
    if within is not None:
        inside = [c for c in cands if _is_under(session, c, within)]
        cands = inside or cands
    if on is not None:
        valid = [c for c in cands if c.valid_on(on)]
        cands = valid or cands
    # prefer the unit still in force, then the higher level
    cands.sort(key=lambda c: (c.valid_to is not None, ORG_LEVELS.index(c.level)))
    return cands[0] if cands else None


def _is_under(session: Session, org: Organisation, ancestor: Organisation) -> bool:
    seen = 0
    while org is not None and seen < 10:
        if org.parent_id == ancestor.id:
            return True
        org = session.get(Organisation, org.parent_id) if org.parent_id else None
        seen += 1
    return False


@cache
def _agency_vocab() -> dict:
    with (resources.files("nghiquyet") / "data" / "orgs" / "agencies.yaml").open(encoding="utf-8") as f:
        data = yaml.safe_load(f)
    organs = sorted(((fold(o["words"]), o["type"], o["level"]) for o in data["organs"]),
                    key=lambda o: -len(o[0]))
    return {"central": [fold(c) for c in data["central"]], "organs": organs}


def parse_issuer(issuer: str | None) -> tuple[str | None, str | None, str]:
    """(organ type, unit level, unit name as written after the organ words) of an issuer.

    >>> parse_issuer("Ban Thường vụ Huyện ủy Thạch Hà")
    ('cap_uy', 'district', 'thach ha')
    >>> parse_issuer("Ủy ban nhân dân tỉnh Quảng Trị")
    ('ubnd', 'province', 'quang tri')
    >>> parse_issuer("Bộ Chính trị")
    ('central', 'central', '')
    """
    f = fold(squash(issuer or ""))
    vocab = _agency_vocab()
    for words, typ, level in vocab["organs"]:
        if f.startswith(words):
            rest = squash(re.sub(r"\b(?:khoa|lan thu|nhiem ky)\b.*$", "", f[len(words):]))
            return typ, level, rest
    if any(f.startswith(c) for c in vocab["central"]):
        return "central", "central", ""
    return None, None, ""


def organisation_for_issuer(session: Session, *, issuer: str | None, place: str | None = None,
                            on: date | None = None, text: str | None = None) -> tuple[Organisation | None, Organisation | None]:
    """(organ, unit) that issued a document; the organ is created under its unit if new.

    The unit is named after the organ words ("Huyện ủy Thạch Hà"), else by the place line
    ("Hà Tĩnh, ngày ..."), else guessed from the `text` ("Ban Chấp hành Đảng bộ tỉnh" alone:
    the unit of that level the text names most often)."""
    typ, level, rest = parse_issuer(issuer)
    if typ is None:
        return None, None
    if typ == "central":
        return None, session.scalar(select(Organisation).where(Organisation.code == "VN"))
    unit = None
    for candidate in (rest, place or ""):
        if candidate:
            unit = find_unit(session, candidate, on=on, level=level) or find_unit(session, candidate, on=on)
            if unit is not None:
                break
    if unit is None and text:
        unit = guess_unit(session, text, level=level, on=on)
    if unit is None:
        return None, None
    code = f"{unit.code}:{typ}"
    agency = session.scalar(select(Organisation).where(Organisation.code == code))
    if agency is None:
        label = AGENCY_NAMES.get(typ, typ)
        agency = Organisation(code=code, name=f"{label} {unit.name}", short_name=f"{label} {unit.short_name or unit.name}",
                              name_key=fold(f"{label} {unit.short_name or unit.name}"), kind="agency",
                              level=unit.level, type=typ, parent_id=unit.id,
                              valid_from=unit.valid_from, valid_to=unit.valid_to)
        session.add(agency)
        session.flush()
    return agency, unit


def guess_unit(session: Session, text: str, *, level: str | None, on: date | None = None,
               min_mentions: int = 2) -> Organisation | None:
    """The unit of `level` whose name the text mentions most (at least `min_mentions` times)."""
    folded = " " + re.sub(r"[^\w]+", " ", fold(text)) + " "
    best, best_n = None, 0
    for org in session.scalars(select(Organisation).where(Organisation.kind == "unit",
                                                          Organisation.level == level)):
        if on is not None and not org.valid_on(on):
            continue
        n = folded.count(f" {org.name_key} ")
        if n > best_n or (n == best_n and best is not None and org.valid_to is None and best.valid_to):
            best, best_n = org, n
    return best if best_n >= min_mentions else None


def link_document(session: Session, *, document: Document) -> Organisation | None:
    """Record the document's issuing organ and the unit it concerns; returns that unit."""
    ensure_units(session)
    version = document.current_version
    text = " ".join(filter(None, (document.title, version.text[:20000] if version else None)))
    agency, unit = organisation_for_issuer(session, issuer=document.issuer, place=document.place,
                                           on=document.date or document.date_inferred, text=text)
    existing = {(l.organisation_id, l.role) for l in session.scalars(
        select(DocumentOrganisation).where(DocumentOrganisation.document_id == document.id))}
    for org, role in ((agency, "issuer"), (unit, "concerns")):
        if org is not None and (org.id, role) not in existing:
            session.add(DocumentOrganisation(document_id=document.id, organisation_id=org.id, role=role))
    session.flush()
    return unit


def document_unit(session: Session, document_id: int) -> Organisation | None:
    return session.scalar(select(Organisation).join(
        DocumentOrganisation, DocumentOrganisation.organisation_id == Organisation.id).where(
        DocumentOrganisation.document_id == document_id, DocumentOrganisation.role == "concerns"))


def successors(session: Session, org: Organisation) -> list[Organisation]:
    """Who took the unit over (the main one first)."""
    rows = session.execute(select(Organisation, OrganisationSuccessor.main).join(
        OrganisationSuccessor, OrganisationSuccessor.successor_id == Organisation.id).where(
        OrganisationSuccessor.organisation_id == org.id)).all()
    return [o for o, _ in sorted(rows, key=lambda r: (not r[1], r[0].code))]


def predecessors(session: Session, org: Organisation) -> list[Organisation]:
    return list(session.scalars(select(Organisation).join(
        OrganisationSuccessor, OrganisationSuccessor.organisation_id == Organisation.id).where(
        OrganisationSuccessor.successor_id == org.id).order_by(Organisation.code)))


def list_units(session: Session, *, level: str | None = None, parent: str | None = None,
               on: date | None = None, query: str | None = None) -> list[Organisation]:
    ensure_units(session)
    q = select(Organisation).order_by(Organisation.code)
    if level:
        q = q.where(Organisation.level == level)
    if parent:
        p = find_unit(session, parent, on=on)
        q = q.where(Organisation.parent_id == (p.id if p else -1))
    if query:
        q = q.where(Organisation.name_key.contains(name_key(query)))
    out = list(session.scalars(q))
    return [o for o in out if o.valid_on(on)] if on else out


def org_dict(session: Session, org: Organisation) -> dict:
    return {"code": org.code, "name": org.name, "level": org.level, "type": org.type, "kind": org.kind,
            "parent": session.get(Organisation, org.parent_id).code if org.parent_id else None,
            "valid_from": org.valid_from.isoformat() if org.valid_from else None,
            "valid_to": org.valid_to.isoformat() if org.valid_to else None,
            "successors": [s.code for s in successors(session, org)]}
