"""What ingestion reports: `InputError` for an input that cannot be read, `InputWarning` for one
that was read with something missing (an unparseable date, replaced bytes).

Errors are yielded, not raised out of a batch, so one bad input never stops the others; warnings go
through Python's `warnings` module so a caller can record them (`warnings.catch_warnings`) or let
them print.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager


class InputError(Exception):
    """An input that cannot be read as an article. `str()` is a one-line user message."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return (InputError, (self.source, self.reason))


class InputWarning(UserWarning):
    """An input was read, but something in it was dropped or kept as unknown."""


def warn(source: str, message: str) -> None:
    """Emit an InputWarning whose text starts with the input's name."""
    warnings.warn(f"{source}: {message}", InputWarning, stacklevel=3)


@contextmanager
def recorded_warnings() -> Iterator[list[str]]:
    """Record the InputWarnings raised inside the block, as one-line messages, into the list it
    yields (filled when the block ends). Used alike in the CLI and in worker processes."""
    messages: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", InputWarning)
        yield messages
    messages.extend(str(w.message) for w in caught if issubclass(w.category, InputWarning))
