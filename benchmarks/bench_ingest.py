"""Library benchmark: ingest speed, database size and search latency, on SQLite and PostgreSQL.

    python benchmarks/bench_ingest.py                          # 10,000 documents, both databases
    python benchmarks/bench_ingest.py --n 1000 --backends sqlite
    python benchmarks/bench_ingest.py --n 2000 --workers 2 --queries 200

The corpus comes from `benchmarks/corpus.py` (seeded, cached under the temp folder by n and
seed). Each backend starts from an empty database: a new SQLite file, or a new schema on the
PostgreSQL server of `NGHIQUYET_TEST_POSTGRES_URL` (or `scripts/pg.sh url`; start it with
`scripts/pg.sh start`). Ingest goes through `store.ingest.ingest_paths` as `nghiquyet ingest`
does (a savepoint per file, a commit per batch). Search latency is measured over `--queries`
queries drawn (seeded) from accented and unaccented phrases of the corpus, with `limit=20`.

Besides wall-clock figures it prints the CPU time of the storing (main) process per document,
the part of it spent in the final cascade/index pass (`settle`), the CPU time of the
extraction processes per document, the rate that CPU allows on this machine's cores with
nothing else running (`CPU-bound docs/s`), and the load average: on a shared machine the
wall clock depends on the other jobs, the CPU time much less.

Goals (issue 3): ingest ≥ 100 documents/s on SQLite; search p95 < 50 ms at 10,000 documents.
The script prints whether they are met; it never fails.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import text

from nghiquyet.store import ingest, search
from nghiquyet.store.db import make_engine, session_factory
from nghiquyet.store.migrate import upgrade
from nghiquyet.text import fold

HERE = Path(__file__).resolve().parent
QUERIES = [
    "nông thôn mới", "nong thon moi", "tăng trưởng kinh tế", "tang truong GRDP", "Đảng ủy",
    "dang uy", "thu ngân sách", "thu ngan sach nha nuoc", "chuyển đổi số", "chuyen doi so",
    "tỷ lệ hộ nghèo", "ty le ho ngheo", "bảo hiểm y tế", "bao hiem y te", "che phủ rừng",
    "Ban Thường vụ Tỉnh ủy", "ban thuong vu huyen uy", "kế hoạch thực hiện", "nghị quyết",
    "giường bệnh", "bac si van dan", "đô thị hóa", "xuat khau", "du lịch", "Hà Tĩnh",
    "quang binh", "Đắk Lắk", "dak lak", "trường đạt chuẩn quốc gia", "nước sạch",
    "57-NQ/TW", "19-NQ/TW", "thu nhap binh quan dau nguoi", "lao động qua đào tạo",
    "khu kinh tế", "hạ tầng giao thông", "an ninh trật tự", "cải cách hành chính",
]


def corpus(n: int, seed: int) -> list[Path]:
    out = Path(tempfile.gettempdir()) / f"nghiquyet-corpus-{n}-{seed}"
    files = sorted(out.glob("*.txt")) if out.is_dir() else []
    if len(files) != n:
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "corpus.py"), "--n", str(n), "--seed",
                        str(seed), str(out)], check=True, stdout=subprocess.DEVNULL)
        files = sorted(out.glob("*.txt"))
        print(f"corpus: {n} documents written to {out} in {time.perf_counter() - t0:.1f} s")
    return files


def postgres_url() -> str:
    url = os.environ.get("NGHIQUYET_TEST_POSTGRES_URL")
    if url:
        return url
    script = HERE.parent / "scripts" / "pg.sh"
    return subprocess.run([str(script), "url"], check=True, capture_output=True,
                          text=True).stdout.strip()


def open_backend(name: str, workdir: Path):
    """(engine, size function, cleanup) on an empty database of this backend."""
    if name == "sqlite":
        path = workdir / "bench.db"
        engine = make_engine(f"sqlite:///{path}")

        def size() -> int:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            return sum(p.stat().st_size for p in workdir.glob("bench.db*"))
        return engine, size, engine.dispose
    base = postgres_url()
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine = make_engine(base, connect_args={"options": f"-csearch_path={schema}"})

    def size() -> int:
        with engine.connect() as conn:
            return int(conn.execute(text(
                "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = :s AND c.relkind IN ('r', 'm')"), {"s": schema}).scalar())

    def cleanup() -> None:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
    return engine, size, cleanup


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def cpu_bound_rate(r: dict) -> float:
    """Documents/s this run's CPU allows on this machine's cores when nothing else runs: the
    storing and extraction CPU per document spread over the cores, but never faster than
    the storing process alone (one core). The wall clock of a shared machine says less."""
    total = r["cpu_ms"] + r["workers_ms"]
    cores = min(os.cpu_count() or 1, 1 + max(r["workers"], 1))
    return 1000 / max(total / cores, r["cpu_ms"]) if total else 0.0


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def run(name: str, files: list[Path], args) -> dict:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as tmp:
        engine, size, cleanup = open_backend(name, Path(tmp))
        try:
            upgrade(engine)
            session = session_factory(engine)()
            done = [0]
            settle = [0.0]
            real_settle = ingest.settle_cascade

            def timed_settle(session_) -> None:  # noqa: ANN001
                c = time.process_time()
                real_settle(session_)
                settle[0] = time.process_time() - c

            ingest.settle_cascade = timed_settle
            load0 = os.getloadavg()[0]
            t0 = time.perf_counter()
            cpu0 = time.process_time()
            kids0 = _children_cpu()

            def progress(_outcome) -> None:  # noqa: ANN001
                done[0] += 1
                if done[0] % max(1, len(files) // 10) == 0:
                    rate = done[0] / (time.perf_counter() - t0)
                    print(f"  {name}: {done[0]}/{len(files)} ({rate:.0f}/s)", flush=True)

            try:
                summary = ingest.ingest_paths(session, paths=files, progress=progress,
                                              workers=args.workers)
            finally:
                ingest.settle_cascade = real_settle
            elapsed = time.perf_counter() - t0
            cpu = time.process_time() - cpu0
            kids = _children_cpu() - kids0       # the extraction processes, once joined
            load = (load0 + os.getloadavg()[0]) / 2
            totals = summary.totals()
            for o in summary.errors[:5]:
                print(f"  error: {o.message}")
            rng = random.Random(args.seed)
            queries = [rng.choice(QUERIES) for _ in range(args.queries)]
            for q in QUERIES[:5]:            # warm the caches once, untimed
                search.search(session, q)
            latencies, hits = [], 0
            for q in queries:
                t = time.perf_counter()
                hits += len(search.search(session, q, limit=20))
                latencies.append((time.perf_counter() - t) * 1000)
            unaccented = search.search(session, "nong thon moi", limit=5)
            session.close()
            return {"backend": name, "docs": len(files), "seconds": elapsed,
                    "cpu_ms": cpu * 1000 / len(files), "settle_s": settle[0], "load": load,
                    "workers_ms": kids * 1000 / len(files), "workers": args.workers,
                    "docs_per_s": len(files) / elapsed, "totals": totals, "bytes": size(),
                    "p50": percentile(latencies, 0.5), "p95": percentile(latencies, 0.95),
                    "mean_hits": hits / len(queries),
                    "folded_ok": bool(unaccented) and all(
                        "nong thon moi" in fold(h.snippet) for h in unaccented)}
        finally:
            cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="documents to ingest")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="extraction processes (default: one per core)")
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    files = corpus(args.n, args.seed)
    print(f"{len(files)} documents, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB; "
          f"{args.workers} extraction process(es); {os.cpu_count()} CPU(s)")
    results = [run(b.strip(), files, args) for b in args.backends.split(",") if b.strip()]
    print()
    print(f"{'backend':10} {'docs':>6} {'docs/s':>7} {'new':>6} {'err':>4} {'targets':>8} "
          f"{'results':>8} {'deadl.':>7} {'DB MB':>7} {'p50 ms':>7} {'p95 ms':>7} {'hits':>5}")
    for r in results:
        t = r["totals"]
        print(f"{r['backend']:10} {r['docs']:>6} {r['docs_per_s']:>7.1f} {t['new']:>6} "
              f"{t['errors']:>4} {t['targets']:>8} {t['results']:>8} {t['deadlines']:>7} "
              f"{r['bytes'] / 1e6:>7.1f} {r['p50']:>7.1f} {r['p95']:>7.1f} {r['mean_hits']:>5.1f}")
    print()
    print(f"{'backend':10} {'main CPU ms/doc':>16} {'of which settle':>16} {'workers CPU':>12} "
          f"{'CPU-bound docs/s':>17} {'wall s':>7} {'load avg':>9}")
    for r in results:
        print(f"{r['backend']:10} {r['cpu_ms']:>16.2f} {r['settle_s'] * 1000 / r['docs']:>16.2f} "
              f"{r['workers_ms']:>12.2f} {cpu_bound_rate(r):>17.1f} {r['seconds']:>7.1f} "
              f"{r['load']:>9.1f}")
    for r in results:
        goals = []
        if r["backend"] == "sqlite":
            goals.append(f"ingest ≥ 100 docs/s: {'met' if r['docs_per_s'] >= 100 else 'NOT met'}")
        goals.append(f"search p95 < 50 ms: {'met' if r['p95'] < 50 else 'NOT met'}"
                     + ("" if r["docs"] >= 10_000 else f" (at {r['docs']} documents)"))
        goals.append(f"'nong thon moi' finds 'nông thôn mới': {'yes' if r['folded_ok'] else 'NO'}")
        print(f"{r['backend']}: " + "; ".join(goals))


if __name__ == "__main__":
    sys.exit(main())
