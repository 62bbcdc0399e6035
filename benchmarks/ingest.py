"""Ingestion speed: ingest a folder of articles into a fresh database with 1 and N processes,
printing articles/s and claims/s for each and the time 10,000 such articles would take, beside
a read-only pass (the I/O peer) and a second ingest of the same folder (everything unchanged).

    python benchmarks/make_corpus.py ../shared/eval/attribution/dev.jsonl /tmp/figures-corpus
    python benchmarks/ingest.py /tmp/figures-corpus --jobs 1 2

Each run goes through the path of `figures ingest` (`store.ingest_inputs`): `extract_batch` reads
and extracts (in a process pool when jobs > 1) and this process writes. The database is a
temporary file unless `--db PATH` names one (it must not exist yet: it is deleted before each
run). A control line shows how much faster N processes run a pure-CPU loop than one on this
machine at that moment (the cores are shared), to read the jobs=N figure against.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple

from dashboard import store
from dashboard.ingest import InputError, read_articles
from dashboard.ingest.batch import BatchStats


def time_read(inputs: list[Path]) -> tuple[float, int, int]:
    """Read only: seconds, articles, failures."""
    start = time.perf_counter()
    read = failed = 0
    for item in read_articles(inputs):
        failed += isinstance(item, InputError)
        read += not isinstance(item, InputError)
    return time.perf_counter() - start, read, failed


class Run(NamedTuple):
    seconds: float  # wall clock
    cpu: float  # CPU seconds of this process (reading, writing) and the workers
    workers: float  # CPU seconds of the workers alone (jobs > 1)
    report: store.IngestReport


def time_ingest(inputs: list[Path], jobs: int, db: Path) -> Run:
    """Read, extract and store into `db` as `figures ingest` does."""
    stats = BatchStats()
    start, cpu = time.perf_counter(), time.process_time()
    report = store.ingest_inputs(db, inputs, jobs=jobs, stats=stats)
    cpu = time.process_time() - cpu + stats.worker_cpu
    return Run(time.perf_counter() - start, cpu, stats.worker_cpu, report)


def _burn(loops: int) -> float:
    start = time.perf_counter()
    total = 0
    for i in range(loops):
        total += i * i
    return time.perf_counter() - start


def machine_speedup(jobs: int, loops: int = 3_000_000) -> float:
    """How much faster N processes burn N equal CPU loops than one process burns them in turn:
    the parallelism the machine has free right now (other load shares the cores)."""
    serial = sum(_burn(loops) for _ in range(jobs))
    start = time.perf_counter()
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_burn, [loops] * jobs))
    return serial / (time.perf_counter() - start)


def _lines(label: str, run: Run, cores: int) -> list[str]:
    report, seconds = run.report, run.seconds
    articles = max(report.ingested + report.replaced + report.unchanged, 1)
    return [
        f"{label}: {articles:,} articles ({report.ingested:,} ingested, {report.unchanged:,}"
        f" unchanged, {report.failed} failed), {report.claims:,} claims in {seconds:.2f} s"
        f" = {articles / seconds:,.0f} articles/s, {report.claims / seconds:,.0f} claims/s;"
        f" 10,000 articles ≈ {10_000 * seconds / articles:.1f} s",
        f"{'':{len(label)}}  CPU {run.cpu:.2f} s in all processes (workers {run.workers:.2f} s)"
        f" = {1000 * run.cpu / articles:.1f}"
        f" ms/article; on {cores} idle cores 10,000 articles ≥"
        f" {10_000 * run.cpu / articles / cores:.1f} s",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dir", type=Path, help="folder of article files")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="process counts (default 1 2)"
    )
    parser.add_argument("--db", type=Path, help="database file to create (default: a temp file)")
    args = parser.parse_args()
    if args.db and args.db.exists():
        sys.exit(f"{args.db} exists; the benchmark needs a fresh database file")
    inputs = [args.dir]
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or Path(scratch) / "bench.duckdb"
        seconds, read, failed = time_read(inputs)
        print(f"read only   : {read:,} articles ({failed} failed) in {seconds:.2f} s", end="")
        print(f" = {read / seconds:,.0f} articles/s")
        base = None
        for jobs in args.jobs:
            if jobs > 1:
                print(f"control     : {jobs} processes of pure CPU run ×{machine_speedup(jobs):.2f}")
            db.unlink(missing_ok=True)
            run = time_ingest(inputs, jobs, db)
            base = base or run.seconds
            lines = _lines(f"ingest jobs={jobs}", run, jobs)
            print(lines[0] + f" (×{base / run.seconds:.2f})", *lines[1:], sep="\n")
        print(*_lines(f"again  jobs={args.jobs[-1]}", time_ingest(inputs, args.jobs[-1], db),
                      args.jobs[-1]), sep="\n")


if __name__ == "__main__":
    main()
