"""Benchmark: the status of every target for 34 provinces × 100 indicators × 15 years of monthly
figures (612,000 observations), on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_status.py                    # SQLite (temporary file)
    .venv/bin/python benchmarks/bench_status.py --postgres URL     # a PostgreSQL database (a
                                                                   # throwaway schema is used)

Goal: the whole scorecard (3,400 targets) in under 1 s, computed in the database (the yearly
values, kept in `observation_years` by the writes; the current year by one windowed query) and
with numpy (the rules), not row by row in Python.
Prints the set-up time, then for each of --runs runs the time of the yearly-values query, of
the rules and of the whole `target_statuses` call, and the status counts. Seeded, reproducible.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
from sqlalchemy import func, insert, select, text

from nghiquyet.store.db import make_engine, session_factory
from nghiquyet.store.migrate import upgrade
from nghiquyet.store.models import Document, Target
from nghiquyet.track import scorecard
from nghiquyet.track.linking import sync_catalogue
from nghiquyet.track.models import Indicator, Observation, Organisation, TargetIndicator
from nghiquyet.track.observations import refresh_years, yearly_table
from nghiquyet.track.orgs import load_units


def build(session, *, provinces: int, indicators: int, years: int, seed: int) -> tuple[int, int]:
    rng = np.random.default_rng(seed)
    load_units(session)
    sync_catalogue(session)
    orgs = session.scalars(select(Organisation).where(Organisation.level == "province",
                                                      Organisation.valid_to.is_(None))
                           .order_by(Organisation.code)).all()[:provinces]
    inds = session.scalars(select(Indicator).order_by(Indicator.id)).all()
    extra = [dict(code=f"BENCH_{i:03d}", name=f"Chỉ tiêu thử {i}", unit="%", direction="higher",
                  nature="share", origin="user", reviewed=True) for i in range(max(0, indicators - len(inds)))]
    if extra:
        session.execute(insert(Indicator), extra)
    inds = session.scalars(select(Indicator).order_by(Indicator.id)).all()[:indicators]
    first_year = 2030 - years + 1 - 5          # figures from 2011 to 2025 for 15 years
    last_year = first_year + years - 1
    target_rows, link_rows = [], []
    for o in orgs:
        doc = Document(kind="ke_hoach", symbol=f"{o.gso_code}-KH/BENCH", issuer=f"UBND {o.name}",
                       title=f"Kế hoạch thử {o.name}", recipients=[])
        session.add(doc)
        session.flush()
        for k, ind in enumerate(inds):
            comp = ("gte", "gt", "approx", "range", "eq")[k % 5]
            if ind.direction == "lower":
                comp = ("lt", "lte", "approx", "eq")[k % 4]
            target_rows.append(dict(document_id=doc.id, key=f"b{k}", idx=k, indicator=ind.name,
                                    comparator=comp, value=None, value_max=None, unit=ind.unit,
                                    year=2030, period="2021-2030" if ind.nature in ("rate", "change") else None,
                                    base_year=2020 if ind.nature in ("level", "share") else None,
                                    _org=o.id, _ind=ind))
    # goals near the generated levels so every status occurs
    base = {}
    for t in target_rows:
        lvl = float(rng.uniform(20, 80)) if t["_ind"].nature != "rate" else float(rng.uniform(3, 9))
        base[(t["_org"], t["_ind"].id)] = lvl
        t["value"] = round(lvl * float(rng.uniform(0.9, 1.6)) if t["_ind"].nature != "rate" else lvl + float(rng.uniform(-1, 1)), 2)
        if t["comparator"] == "range":
            t["value_max"] = round(t["value"] * 1.1, 2)
    session.execute(insert(Target), [{k: v for k, v in t.items() if not k.startswith("_")} for t in target_rows])
    ids = session.execute(select(Target.id, Target.document_id, Target.idx).order_by(Target.id)).all()
    for (tid, _, _), t in zip(ids, target_rows):
        link_rows.append(dict(target_id=tid, indicator_id=t["_ind"].id, organisation_id=t["_org"],
                              score=100.0, method="exact", confirmed=True))
    session.execute(insert(TargetIndicator), link_rows)
    session.commit()

    # monthly year-to-date figures: a drifting level per series
    n = 0
    batch = []
    for (org_id, ind_id), lvl in base.items():
        drift = rng.normal(0.03, 0.03)
        for y in range(first_year, last_year + 1):
            year_level = lvl * (1 + drift) ** (y - first_year)
            for m in range(1, 13):
                batch.append(dict(indicator_id=ind_id, organisation_id=org_id, period_type="month",
                                  period_start=date(y, m, 1), period_end=date(y, m, 28), year=y,
                                  value=float(year_level * (0.9 + 0.1 * m / 12)), kind="actual",
                                  source="import"))
        if len(batch) >= 50_000:
            session.execute(insert(Observation), batch)
            n += len(batch)
            batch = []
    if batch:
        session.execute(insert(Observation), batch)
        n += len(batch)
    t = time.perf_counter()
    refresh_years(session)          # a bulk load refreshes the yearly values once, in the database
    session.commit()
    print(f"yearly values refreshed in {time.perf_counter() - t:.1f} s")
    return len(target_rows), n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--postgres", metavar="URL", help="PostgreSQL URL (postgresql+psycopg://...)")
    ap.add_argument("--sqlite", metavar="PATH", help="SQLite file (default: a temporary one); "
                    "an existing file built by an earlier run is measured again without rebuilding")
    ap.add_argument("--provinces", type=int, default=34)
    ap.add_argument("--indicators", type=int, default=100)
    ap.add_argument("--years", type=int, default=15)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--seed", type=int, default=20251)
    a = ap.parse_args()

    schema = None
    if a.postgres:
        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = make_engine(a.postgres)
        with admin.begin() as c:
            c.execute(text(f"CREATE SCHEMA {schema}"))
        engine = make_engine(a.postgres, connect_args={"options": f"-csearch_path={schema}"})
        label = "PostgreSQL"
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(a.sqlite) if a.sqlite else Path(tmp.name) / "bench.db"
        engine = make_engine(f"sqlite:///{path}")
        label = "SQLite"
    try:
        upgrade(engine)
        session = session_factory(engine)()
        t0 = time.perf_counter()
        existing = session.scalar(select(func.count(Observation.id)))
        if existing:      # a --sqlite file kept from an earlier run: measure it again
            n_targets, n_obs = session.scalar(select(func.count(TargetIndicator.id))), existing
        else:
            n_targets, n_obs = build(session, provinces=a.provinces, indicators=a.indicators, years=a.years,
                                     seed=a.seed)
        if a.postgres:
            session.execute(text("ANALYZE"))
            session.commit()
        print(f"{label}: {n_targets} targets, {n_obs} observations (built in {time.perf_counter() - t0:.1f} s)")
        for as_of in (date(2025, 12, 31), date(2025, 6, 30)):
            measure(session, as_of, a.runs)
        session.close()
    finally:
        engine.dispose()
        if schema:
            with admin.begin() as c:
                c.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()
    return 0


def measure(session, as_of: date, runs: int) -> None:
    """Time the yearly values and the whole scorecard at `as_of` (mid-year: the current year is
    computed from the monthly figures)."""
    q_times, totals, cpu, counts = [], [], [], Counter()
    for run in range(runs):
        t1 = time.perf_counter()
        table = yearly_table(session, as_of=as_of)
        q_times.append(time.perf_counter() - t1)
        t2, c2 = time.perf_counter(), time.process_time()
        rows = scorecard.target_statuses(session, as_of=as_of)
        totals.append(time.perf_counter() - t2)
        cpu.append(time.process_time() - c2)
        counts = Counter(r.status for r in rows)
        session.rollback()
    print(f"as of {as_of}: yearly values {len(table)} rows in {statistics.median(q_times) * 1000:.0f} ms "
          f"(median); whole scorecard (query + rules + rows) median {statistics.median(totals) * 1000:.0f} ms, "
          f"best {min(totals) * 1000:.0f} ms over {runs} runs; this process's CPU time median "
          f"{statistics.median(cpu) * 1000:.0f} ms (on a shared machine wall time includes waiting; "
          f"with SQLite the database work is in-process and counted, with PostgreSQL it is not)")
    print("  statuses: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    sys.exit(main())
