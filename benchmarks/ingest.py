"""Ingestion speed: read a folder of articles and extract their claims with 1 and N processes,
printing articles/s and claims/s for each, beside a read-only pass (the I/O peer) in the same run.

    python benchmarks/make_corpus.py ../shared/eval/attribution/dev.jsonl /tmp/figures-corpus
    python benchmarks/ingest.py /tmp/figures-corpus --jobs 1 2 --repeat 11   # ~10,000 articles

`--repeat K` reads the folder K times (extraction does not deduplicate) to reach a larger batch.
A control line shows how much faster N processes run a pure-CPU loop than one on this machine at
that moment (the cores are shared), to read the jobs=N figure against. Results go to a sink;
today it only counts them (a `--db FILE` sink writing through the store plugs in here when the
dashboard's store lands).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dashboard.ingest import InputError, read_articles
from dashboard.ingest.batch import BatchStats, Result, extract_batch

Sink = Callable[[Iterable[Result]], None]


def counting_sink(results: Iterable[Result]) -> None:
    """Consume results without storing them (extraction speed alone)."""
    for _ in results:
        pass


def time_read(inputs: list[Path]) -> tuple[float, int, int]:
    """Read only: seconds, articles, failures."""
    start = time.perf_counter()
    read = failed = 0
    for item in read_articles(inputs):
        failed += isinstance(item, InputError)
        read += not isinstance(item, InputError)
    return time.perf_counter() - start, read, failed


def time_extract(inputs: list[Path], jobs: int, sink: Sink) -> tuple[float, BatchStats]:
    """Read and extract through `sink`: seconds and the batch's counts."""
    stats = BatchStats()
    start = time.perf_counter()
    sink(extract_batch(inputs, jobs=jobs, stats=stats))
    return time.perf_counter() - start, stats


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


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dir", type=Path, help="folder of article files")
    parser.add_argument(
        "--jobs",
        type=int,
        nargs="+",
        default=[1, 2],
        help="process counts to compare (default 1 2)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="read the folder this many times")
    args = parser.parse_args()
    inputs = [args.dir] * args.repeat

    seconds, read, failed = time_read(inputs)
    rate = read / seconds
    print(f"read only      : {read:,} articles ({failed} failed) in {seconds:.2f} s", end="")
    print(f" = {rate:,.0f} articles/s")
    base = None
    for jobs in args.jobs:
        if jobs > 1:
            print(f"control        : {jobs} processes of pure CPU run x{machine_speedup(jobs):.2f}")
        seconds, stats = time_extract(inputs, jobs, counting_sink)
        base = base or seconds
        print(
            f"extract jobs={jobs}: {stats.read:,} articles, {stats.claims:,} claims"
            f" in {seconds:.2f} s = {stats.read / seconds:,.0f} articles/s,"
            f" {stats.claims / seconds:,.0f} claims/s "
            f"(x{base / seconds:.2f} vs jobs={args.jobs[0]}); "
            f"10,000 articles ≈ {10_000 * seconds / max(stats.read, 1):.1f} s"
        )


if __name__ == "__main__":
    main()
