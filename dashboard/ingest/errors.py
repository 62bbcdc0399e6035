"""The one error type ingestion raises: it names the input and says what is wrong with it."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be read as an article. `str()` is a one-line user message."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
