"""Shared fixtures: paths of the bundled data."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_ARTICLE = ROOT / "data" / "articles" / "north-korean-troops-2024-12-19.txt"


@pytest.fixture(scope="session")
def bundled_article_path() -> Path:
    return BUNDLED_ARTICLE
