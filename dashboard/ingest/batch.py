"""Read inputs and extract their claims in bulk, optionally over several processes.

`extract_batch` yields, in input order, `(Article, claims)` for every article read and an
`InputError` for every input (or row, entry) that failed, including articles the extractor
crashed on. With `jobs > 1` extraction runs in a process pool; reading, and whatever the caller
does with the results (one writer to a database), stay in the calling process. A `progress`
callback sees running counts; `progress_bar` makes one that draws a rich bar on standard error.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
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
from dashboard.ingest import InputError, read_articles
from dashboard.models import Article, Claim

Result = tuple[Article, list[Claim]] | InputError
#: Articles sent to a worker at a time: large enough to amortise pickling, small for a smooth bar.
CHUNK_SIZE = 16


@dataclass
class BatchStats:
    """Running counts of a batch, and every failure in the order met."""

    read: int = 0
    claims: int = 0
    failures: list[InputError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def summary_lines(self) -> list[str]:
        """A count line, then one `error: input: reason` line per failure."""
        counts = f"read {_plural(self.read, 'article')}, {_plural(self.claims, 'claim')}"
        return [f"{counts}; {self.failed} failed"] + [f"error: {f}" for f in self.failures]


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _extract_one(article: Article) -> list[Claim] | InputError:
    try:
        return extract_claims(article)
    except Exception as exc:  # a parser bug must cost one article, not the batch
        return InputError(
            article.source or article.article_id, f"extraction failed ({type(exc).__name__}: {exc})"
        )


def _extract_chunk(articles: list[Article]) -> list[list[Claim] | InputError]:
    return [_extract_one(article) for article in articles]


def _result(article: Article, outcome: list[Claim] | InputError) -> Result:
    return outcome if isinstance(outcome, InputError) else (article, outcome)


def _serial(items: Iterable[Article | InputError]) -> Iterator[Result]:
    for item in items:
        yield item if isinstance(item, InputError) else _result(item, _extract_one(item))


def _parallel(items: Iterable[Article | InputError], jobs: int) -> Iterator[Result]:
    """Chunks of articles to a process pool, results back in input order, a bounded window."""
    # forkserver: workers fork from a clean server (not from a process running the progress
    # bar's thread) that has imported the extractor once.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["dashboard.extract"])
    pending: deque[InputError | tuple[list[Article], Future[Any]]] = deque()
    window = 4 * jobs
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        chunk: list[Article] = []

        def flush() -> None:
            if chunk:
                pending.append((chunk.copy(), pool.submit(_extract_chunk, chunk.copy())))
                chunk.clear()

        def head() -> Iterator[Result]:
            first = pending.popleft()
            if isinstance(first, InputError):
                yield first
            else:
                articles, future = first
                for article, outcome in zip(articles, future.result(), strict=True):
                    yield _result(article, outcome)

        for item in items:
            if isinstance(item, InputError):
                flush()  # keep input order: the error comes after the articles read before it
                pending.append(item)
            else:
                chunk.append(item)
                if len(chunk) >= CHUNK_SIZE:
                    flush()
            while sum(not isinstance(p, InputError) for p in pending) > window:
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
    **read_options: Any,
) -> Iterator[Result]:
    """Yield (Article, claims) or InputError for everything in `inputs`, in order.

    `jobs` is the number of extraction processes (0 = one per CPU); `read_options` go to
    `read_articles` (mapping, follow, allow_private, max_bytes, timeout); `stats`, if given, is
    updated as results come (the caller keeps it for the summary).
    """
    jobs = jobs or os.cpu_count() or 1
    stats = stats if stats is not None else BatchStats()
    items = read_articles(inputs, **read_options)
    results = _serial(items) if jobs == 1 else _parallel(items, jobs)
    for result in results:
        if isinstance(result, InputError):
            stats.failures.append(result)
        else:
            stats.read += 1
            stats.claims += len(result[1])
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
