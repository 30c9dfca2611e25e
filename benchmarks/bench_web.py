"""Load benchmark of the web application: requests/s and latency percentiles on loopback.

    python benchmarks/bench_web.py                          # 10,000 documents, 1,000,000 figures
    python benchmarks/bench_web.py --docs 1000 --obs 100000 --seconds 5     # a quick run
    python benchmarks/bench_web.py --db /tmp/web-bench.db --reuse          # keep the database

1. A SQLite database is generated (seeded, reproducible): N confirmed plans of provinces and
   districts, 5 targets each linked to catalogue indicators and to the plan's unit, 2 deadlines
   each, and monthly figures of the linked (indicator, unit) series — written with bulk inserts
   (the pages, not the ingest, are under test; `bench_ingest` measures ingest).
2. `nghiquyet serve` runs it on 127.0.0.1 (one uvicorn process, as for SQLite).
3. A Python load generator (threads with keep-alive connections) hits, one after the other, the
   overview `/`, a document page `/van-ban/{id}` (a different document each request) and
   `/api/targets` (pages of 50, varying filters), each for `--seconds` or `--max-requests`,
   whichever comes first. Only loopback is ever contacted.

Goals (issue 5, on 2 cores): overview p95 < 150 ms; `/api/targets` ≥ 300 requests/s with no
errors. The script prints the figures and whether the goals are met; it never fails.
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, datetime
from pathlib import Path

GOAL_OVERVIEW_P95_MS = 150
GOAL_API_RPS = 300
TARGETS_PER_DOC = 5
DEADLINES_PER_DOC = 2
MONTHS = 120                      # monthly figures per series: 2016-01 … 2025-12, or more


# --- the database -----------------------------------------------------------------------

def generate(db: Path, docs: int, obs: int, seed: int = 7) -> dict:
    from sqlalchemy import select, text

    from nghiquyet.settings import Settings
    from nghiquyet.store.models import Document
    from nghiquyet.track.models import Indicator, Organisation
    from nghiquyet.web import create_app
    from nghiquyet.web.samples import load_reference_data

    rnd = random.Random(seed)
    t0 = time.perf_counter()
    app = create_app(Settings(database_url=f"sqlite:///{db}"))
    load_reference_data(app)
    engine = app.state.engine
    with app.state.sessions() as s:
        indicators = [(i.id, i.name, i.unit, i.direction) for i in s.scalars(
            select(Indicator).where(Indicator.nature.in_(("level", "share"))))]
        units = [(o.id, o.name) for o in s.scalars(select(Organisation).where(
            Organisation.kind == "unit", Organisation.level.in_(("province", "district"))))]
        first_doc = (s.scalar(select(Document.id).order_by(Document.id.desc()).limit(1)) or 0) + 1
    now = datetime(2025, 11, 1).isoformat(sep=" ")
    body = ("I. MỤC TIÊU\n" + "".join(f"- Chỉ tiêu {k}: phấn đấu đạt mục tiêu đề ra.\n"
                                     for k in range(TARGETS_PER_DOC))
            + "II. NHIỆM VỤ\n" + "Các sở, ngành triển khai thực hiện.\n" * 20)
    doc_rows, version_rows, target_rows, link_rows, deadline_rows, section_rows = ([] for _ in range(6))
    series: set[tuple[int, int]] = set()
    target_id = 1
    deadline_id = 1
    for n in range(docs):
        doc_id = first_doc + n
        unit_id, unit_name = rnd.choice(units)
        year = rnd.randint(2016, 2025)
        issued = date(year, rnd.randint(1, 12), rnd.randint(1, 28))
        title = f"Kế hoạch thực hiện mục tiêu phát triển kinh tế - xã hội {unit_name} đến năm {year + 5}"
        text_ = f"ỦY BAN NHÂN DÂN {unit_name.upper()}\nSố {n + 1}/KH-UBND\nKẾ HOẠCH\n{title}\n{body}"
        doc_rows.append((doc_id, "ke_hoach", f"{n + 1}/KH-UBND", f"{n + 1}/KH-UBND",
                         issued.isoformat(), f"Ủy ban nhân dân {unit_name}", title, "confirmed",
                         0, f"kh_{n + 1}.txt", None, "[]", now, now, 0))
        version_rows.append((doc_id, doc_id, 1, f"kh_{n + 1}.txt", f"{n:064x}", "txt", len(text_),
                             text_, "{}", now))
        section_rows.append((doc_id, 0, "I", "MỤC TIÊU", 0, text_.index("I. MỤC TIÊU"),
                             text_.index("I. MỤC TIÊU") + 11))
        start = text_.index("- Chỉ tiêu 0")
        for k, (ind_id, ind_name, unit, direction) in enumerate(rnd.sample(indicators, TARGETS_PER_DOC)):
            quote = f"- Chỉ tiêu {k}: phấn đấu đạt mục tiêu đề ra."
            a = text_.index(quote)
            value = round(rnd.uniform(10, 90), 1)
            target_rows.append((target_id, doc_id, f"t{k}", k, quote, "I. MỤC TIÊU", a, a + len(quote),
                                "machine", "confirmed", 0, ind_name, "gte" if direction == "higher" else "lte",
                                value, unit, year + 5, now, now, 0))
            link_rows.append((target_id, ind_id, unit_id, 1.0, "exact", 1))
            series.add((ind_id, unit_id))
            target_id += 1
        for k in range(DEADLINES_PER_DOC):
            due = date(min(year + k + 1, 2026), rnd.randint(1, 12), 28)
            deadline_rows.append((deadline_id, doc_id, f"d{k}", k, "", None, 0, 0, "machine",
                                  "confirmed", 0, f"Báo cáo kết quả thực hiện lần {k + 1}", due.isoformat(),
                                  rnd.choice(("Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Văn phòng UBND")),
                                  now, now))
            deadline_id += 1
    # the figures: monthly series of the linked (indicator, unit) pairs, as many as `obs` allows
    pairs = sorted(series)
    rnd.shuffle(pairs)
    pairs = pairs[:max(1, obs // MONTHS)]
    months = max(MONTHS, -(-obs // len(pairs)))       # longer series when pairs run short
    first_year = 2026 - -(-months // 12)
    obs_rows = []
    oid = 1
    for ind_id, unit_id in pairs:
        level, slope = rnd.uniform(20, 80), rnd.uniform(-0.05, 0.2)
        for m in range(months):
            if len(obs_rows) >= obs:
                break
            y, mo = first_year + m // 12, m % 12 + 1
            end = date(y, mo, 28).isoformat()
            obs_rows.append((oid, ind_id, unit_id, "month", date(y, mo, 1).isoformat(), end, y,
                             round(level + slope * m + rnd.uniform(-1, 1), 2), "actual", "import", now))
            oid += 1
    with engine.begin() as c:
        ins = c.exec_driver_sql
        ins("INSERT INTO documents (id, kind, symbol, symbol_key, date, issuer, title, status, "
            "placeholder, source_name, current_version_id, recipients, created_at, updated_at, "
            "inference_confirmed) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", doc_rows)
        ins("INSERT INTO document_versions (id, document_id, number, source_name, file_hash, "
            "file_type, size, text, extracted, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            version_rows)
        ins("UPDATE documents SET current_version_id = id WHERE id >= ?", (first_doc,))
        ins("INSERT INTO sections (document_id, idx, label, heading, level, span_start, span_end) "
            "VALUES (?,?,?,?,?,?,?)", section_rows)
        ins("INSERT INTO targets (id, document_id, key, idx, quote, section, span_start, span_end, "
            "origin, status, superseded, indicator, comparator, value, unit, year, created_at, "
            "updated_at, estimate) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", target_rows)
        ins("INSERT INTO target_indicators (target_id, indicator_id, organisation_id, score, "
            "method, confirmed) VALUES (?,?,?,?,?,?)", link_rows)
        ins("INSERT INTO deadlines (id, document_id, key, idx, quote, section, span_start, "
            "span_end, origin, status, superseded, task, due, responsible, created_at, "
            "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", deadline_rows)
        ins("INSERT INTO observations (id, indicator_id, organisation_id, period_type, "
            "period_start, period_end, year, value, kind, source, created_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?)", obs_rows)
    # derived yearly values, when the tracking stage keeps them in a table (a bulk load bypasses
    # `observations.record`, which maintains them one figure at a time)
    from nghiquyet.track import observations as track_obs
    if hasattr(track_obs, "refresh_years"):
        with app.state.sessions() as s:
            track_obs.refresh_years(s)
            s.commit()
    with engine.begin() as c:
        c.exec_driver_sql("ANALYZE")
    engine.dispose()
    return {"documents": docs, "targets": len(target_rows), "deadlines": len(deadline_rows),
            "observations": len(obs_rows), "series": len(pairs), "first_doc": first_doc,
            "seconds": time.perf_counter() - t0, "bytes": db.stat().st_size}


# --- the server and the load --------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    exe = Path(sys.executable).parent / "nghiquyet"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "nghiquyet.cli"]
    proc = subprocess.Popen([*cmd, "serve", "--no-samples", "--port", str(port),
                             "--database-url", f"sqlite:///{db}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit("server died: " + proc.stderr.read().decode()[-2000:])
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("server did not start in 120 s")


def load(port: int, paths, seconds: float, max_requests: int, threads: int) -> dict:
    """Hit `paths()` (a function giving the next path) from `threads` keep-alive connections."""
    latencies: list[float] = []
    errors = [0]
    count = [0]
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if count[0] >= max_requests or time.perf_counter() >= stop_at:
                    break
                count[0] += 1
                path = paths()
            t = time.perf_counter()
            try:
                conn.request("GET", path)
                r = conn.getresponse()
                r.read()
                ok = r.status == 200
            except OSError:
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            dt = time.perf_counter() - t
            with lock:
                latencies.append(dt)
                if not ok:
                    errors[0] += 1
        conn.close()

    t0 = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    wall = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)
    pct = lambda p: ms[min(len(ms) - 1, int(p / 100 * len(ms)))] if ms else float("nan")  # noqa: E731
    return {"requests": len(ms), "errors": errors[0], "rps": len(ms) / wall if wall else 0,
            "p50": pct(50), "p95": pct(95), "p99": pct(99), "mean": statistics.fmean(ms) if ms else 0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--obs", type=int, default=1_000_000)
    ap.add_argument("--seconds", type=float, default=10.0, help="per endpoint")
    ap.add_argument("--max-requests", type=int, default=20_000, help="per endpoint")
    ap.add_argument("--threads", type=int, default=4, help="concurrent connections")
    ap.add_argument("--db", type=Path, default=None, help="database file (default: a temp file)")
    ap.add_argument("--reuse", action="store_true", help="use --db as it is if it exists")
    args = ap.parse_args()

    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory(prefix="nghiquyet-bench-")
        args.db = Path(tmp.name) / "web.db"
    if not (args.reuse and args.db.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{args.db}{suffix}").unlink(missing_ok=True)
        info = generate(args.db, args.docs, args.obs)
        print(f"database: {info['documents']:,} documents, {info['targets']:,} targets, "
              f"{info['deadlines']:,} deadlines, {info['observations']:,} observations in "
              f"{info['series']:,} series; {info['bytes'] / 1e6:.0f} MB, generated in "
              f"{info['seconds']:.1f} s")
    from sqlalchemy import create_engine
    e = create_engine(f"sqlite:///{args.db}")
    with e.connect() as c:
        ids = [r[0] for r in c.exec_driver_sql(
            "SELECT id FROM documents WHERE placeholder = 0 ORDER BY id")]
        codes = [r[0] for r in c.exec_driver_sql(
            "SELECT DISTINCT i.code FROM target_indicators t JOIN indicators i "
            "ON i.id = t.indicator_id")]
    e.dispose()
    port = free_port()
    proc = start_server(args.db, port)
    rnd = random.Random(1)
    try:
        t = time.perf_counter()
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=300).read()
        cold = time.perf_counter() - t
        print(f"overview, first request (judges every target, then cached): {cold * 1000:.0f} ms")
        statuses = ["", "&status=on_track", "&status=no_data", "&status=met", "&status=off_track"]
        runs = [
            ("overview /", lambda: "/"),
            ("document /van-ban/{id}", lambda: f"/van-ban/{rnd.choice(ids)}"),
            ("/api/targets", lambda: f"/api/targets?limit=50&offset={rnd.randrange(0, 500, 50)}"
                                     f"{rnd.choice(statuses)}"
                                     f"{'&indicator=' + rnd.choice(codes) if rnd.random() < .3 else ''}"),
        ]
        results = {}
        print(f"{'endpoint':26} {'requests':>9} {'errors':>7} {'req/s':>8} {'p50 ms':>8} "
              f"{'p95 ms':>8} {'p99 ms':>8}")
        for name, paths in runs:
            r = load(port, paths, args.seconds, args.max_requests, args.threads)
            results[name] = r
            print(f"{name:26} {r['requests']:9,} {r['errors']:7,} {r['rps']:8.0f} {r['p50']:8.1f} "
                  f"{r['p95']:8.1f} {r['p99']:8.1f}")
    finally:
        proc.terminate()
        proc.wait(10)
        if tmp is not None:
            tmp.cleanup()
    ov, api = results["overview /"], results["/api/targets"]
    print(f"goal overview p95 < {GOAL_OVERVIEW_P95_MS} ms: "
          f"{'met' if ov['p95'] < GOAL_OVERVIEW_P95_MS else 'NOT met'} ({ov['p95']:.0f} ms)")
    print(f"goal /api/targets ≥ {GOAL_API_RPS} req/s without errors: "
          f"{'met' if api['rps'] >= GOAL_API_RPS and not api['errors'] else 'NOT met'} "
          f"({api['rps']:.0f} req/s, {api['errors']} errors)")
    print(f"(machine: {os.cpu_count()} cores, load generator and server share them; "
          f"{args.threads} connections)")


if __name__ == "__main__":
    main()
