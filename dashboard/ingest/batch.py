"""Read inputs and extract their claims in bulk, optionally over several processes.

`extract_batch` yields, in input order, `(Article, claims)` for every article read and an
`InputError` for every input (or row, entry) that failed, including articles the extractor
crashed on. With `jobs > 1` a process pool reads and extracts the inputs in small groups (parsing
HTML costs as much as extracting); standard input, and whatever the caller does with the results
(one writer to a database), stay in the calling process. Warnings raised in workers are raised
again in the caller. A `progress`
callback sees running counts; `progress_bar` makes one that draws a rich bar on standard error.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from dashboard.extract import extract_claims
from dashboard.ingest import STDIN, InputError, InputWarning, expand_inputs, read_articles
from dashboard.ingest.errors import recorded_warnings
from dashboard.models import Article, Claim

#: An article and its claims, or why an input failed. The claims are None for an article that
#: `stored` (given to `extract_batch`) holds with the same text: it is not extracted again.
Result = tuple[Article, list[Claim] | None] | InputError
#: Inputs (files, URLs) a worker reads and extracts per task: enough to amortise the round trip,
#: few enough for a smooth progress bar.
INPUTS_PER_TASK = 8
#: Tasks queued per process ahead of the results the caller has taken: enough work (a few
#: seconds) to keep the processes busy while the caller writes a group to the database.
TASKS_AHEAD = 32
#: Warnings listed in a summary; a dump with thousands of odd dates should not bury the errors.
MAX_WARNINGS = 20


@dataclass
class BatchStats:
    """Running counts of a batch, and every failure in the order met."""

    read: int = 0
    claims: int = 0
    #: CPU seconds the worker processes spent reading and extracting (jobs > 1; 0 otherwise).
    worker_cpu: float = 0.0
    failures: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def warning_lines(self) -> list[str]:
        """`warning: input: message` for the first MAX_WARNINGS warnings, then how many more."""
        shown = [f"warning: {w}" for w in self.warnings[:MAX_WARNINGS]]
        if len(self.warnings) > MAX_WARNINGS:
            shown.append(f"warning: … and {len(self.warnings) - MAX_WARNINGS:,} more warnings")
        return shown

    def summary_lines(self) -> list[str]:
        """Warnings, a count line, then `error: input: reason` per failure.

        Every failure is listed: each one is data the user must fix or knowingly drop.
        """
        counts = f"read {_plural(self.read, 'article')}, {_plural(self.claims, 'claim')}"
        return [*self.warning_lines(), f"{counts}; {self.failed} failed"] + [
            f"error: {f}" for f in self.failures
        ]


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


#: In a worker process: article id → text hash of the articles already stored (set once per
#: worker by the pool's initializer, not sent with every task).
_worker_stored: Mapping[str, str] = {}


def _remember(stored: Mapping[str, str]) -> None:
    global _worker_stored
    _worker_stored = stored


def _extract_one(article: Article, stored: Mapping[str, str]) -> list[Claim] | None | InputError:
    if stored.get(article.article_id) == article.text_hash:
        return None
    try:
        return extract_claims(article)
    except Exception as exc:  # a parser bug must cost one article, not the batch
        return InputError(
            article.source or article.article_id, f"extraction failed ({type(exc).__name__}: {exc})"
        )


def _result(article: Article, outcome: list[Claim] | None | InputError) -> Result:
    return outcome if isinstance(outcome, InputError) else (article, outcome)


def extract_articles(
    items: Iterable[Article | InputError], stored: Mapping[str, str]
) -> Iterator[Result]:
    """Articles already read (an upload) with their claims, in this process; an article `stored`
    with the same text gets None for claims (it is not extracted again)."""
    for item in items:
        yield item if isinstance(item, InputError) else _result(item, _extract_one(item, stored))


#: What a worker sends back: its results, warning messages and CPU seconds.
WorkResult = tuple[list[Result], list[str], float]


def _read_and_extract(inputs: list[str], options: dict[str, Any]) -> WorkResult:
    """A worker's task: read some inputs and extract their articles; warnings come back as text,
    with the CPU seconds it took."""
    started = time.process_time()
    with recorded_warnings() as messages:
        results = list(extract_articles(read_articles(inputs, **options), _worker_stored))
    return results, messages, time.process_time() - started


def _parallel(
    inputs: Iterable[str | Path],
    jobs: int,
    stored: Mapping[str, str],
    options: dict[str, Any],
    stats: BatchStats,
) -> Iterator[Result]:
    """Inputs in small groups to a process pool that reads and extracts them (HTML parsing costs
    as much as extraction); results come back in input order through a bounded window."""
    # forkserver: workers fork from a clean server (not from a process running the progress
    # bar's thread) that has imported the reader and extractor once.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload(["dashboard.ingest.batch"])
    pending: deque[Future[WorkResult]] = deque()
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_remember, initargs=(stored,)
    ) as pool:
        group: list[str] = []

        def flush() -> None:
            if group:
                pending.append(pool.submit(_read_and_extract, group.copy(), options))
                group.clear()

        def head() -> Iterator[Result]:
            results, messages, cpu = pending.popleft().result()
            stats.worker_cpu += cpu
            for message in messages:
                warnings.warn(message, InputWarning, stacklevel=2)
            yield from results

        for item in expand_inputs(inputs):
            if item == STDIN:  # standard input belongs to this process: read it here, in order
                flush()
                while pending:
                    yield from head()
                yield from extract_articles(read_articles([item], **options), stored)
                continue
            group.append(item)
            if len(group) >= INPUTS_PER_TASK:
                flush()
            while len(pending) > TASKS_AHEAD * jobs:
                yield from head()
        flush()
        while pending:
            yield from head()


def extract_batch(
    inputs: Iterable[str | Path],
    *,
    jobs: int = 1,
    progress: Callable[[BatchStats], None] | None = None,
    stats: BatchStats | None = None,
    stored: Mapping[str, str] | None = None,
    **read_options: Any,
) -> Iterator[Result]:
    """Yield (Article, claims) or InputError for everything in `inputs`, in order.

    `jobs` is the number of extraction processes (0 = one per CPU); `read_options` go to
    `read_articles` (mapping, follow, allow_private, max_bytes, timeout); `stats`, if given, is
    updated as results come (the caller keeps it for the summary). `stored` maps the ids of
    articles already in a database to their text hashes: those met again with the same text
    come with claims None instead of being extracted again (a re-ingest costs only the reading).
    """
    stored = stored or {}
    jobs = jobs or os.cpu_count() or 1
    stats = stats if stats is not None else BatchStats()
    if jobs == 1:
        results = extract_articles(read_articles(inputs, **read_options), stored)
    else:
        results = _parallel(inputs, jobs, stored, read_options, stats)
    for result in results:
        if isinstance(result, InputError):
            stats.failures.append(result)
        else:
            stats.read += 1
            stats.claims += len(result[1] or ())
        if progress is not None:
            progress(stats)
        yield result


class _RateColumn(ProgressColumn):
    """Articles per second, from rich's moving estimate."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.1f} articles/s", style="progress.data.speed")


@contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[Callable[[BatchStats], None]]:
    """A progress callback drawing counts and rate on standard error (off when not a terminal)."""
    console = Console(stderr=True)
    if not (console.is_terminal if enabled is None else enabled):
        yield lambda stats: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("{task.completed:,} articles"),
        TextColumn("{task.fields[claims]:,} claims"),
        TextColumn("{task.fields[failed]:,} failed"),
        _RateColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("extract", total=None, claims=0, failed=0)

        def update(stats: BatchStats) -> None:
            bar.update(task, completed=stats.read, claims=stats.claims, failed=stats.failed)

        yield update
