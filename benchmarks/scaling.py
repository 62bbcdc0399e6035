"""Scaling benchmark: extraction time at 1, 2, 5 and 10 MB of text must grow linearly.

    python benchmarks/scaling.py [--sizes 1 2 5 10]

Two inputs per size: news text (the bundled article repeated, through the full pipeline
`extract_claims`) and an adversarial mix (100,000-digit runs, thousands of separators, long
runs of number words, unbalanced quotes) through `find_quantities`. Prints seconds and MB/s
per size (wall and CPU time of the process), and the CPU time divided by the 1 MB one
(linear means about 1, 2, 5, 10).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashboard.extract import extract_claims  # noqa: E402
from dashboard.extract.quantities import find_quantities  # noqa: E402
from dashboard.ingest import read_articles  # noqa: E402
from dashboard.models import Article  # noqa: E402

MB = 1_000_000
_ADVERSARIAL = [
    "7" * 100_000,
    "1" + ",000" * 5_000,
    " ".join(["one", "two", "hundred", "thousand", "and", "a", "half"] * 1_000),
    "'" * 5_000 + ' 5 "' + "(" * 5_000 + "$3m",
    " - ".join(str(i) for i in range(3_000)),
]


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _time(fn, text: str, passes: int = 2) -> tuple[float, float]:
    """Best of `passes` (wall seconds, CPU seconds of this process); CPU time is the steadier
    measure on a shared machine."""
    wall = cpu = float("inf")
    for _ in range(passes):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn(text)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10])
    args = parser.parse_args(argv)
    (article,) = read_articles([ROOT / "data" / "articles" / "north-korean-troops-2024-12-19.txt"])
    news = article.text + "\n"
    adversarial = "\n".join(_ADVERSARIAL) + "\n"
    runs = (
        ("news text, full pipeline", news, lambda t: extract_claims(Article(text=t))),
        ("adversarial, parser", adversarial, find_quantities),
    )
    for label, unit, fn in runs:
        print(label)
        fn(unit)  # warm up
        base = None
        for mb in args.sizes:
            text = _repeat(unit, int(mb * MB))
            wall, cpu = _time(fn, text)
            base = base or cpu / mb
            print(f"  {mb:>5g} MB  wall {wall:6.2f} s  cpu {cpu:6.2f} s  {mb / cpu:5.2f} MB/s cpu"
                  f"  cpu time / (1 MB cpu time) = {cpu / base:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
