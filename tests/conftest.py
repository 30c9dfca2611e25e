"""Fixtures shared by the whole suite, named for what they give."""
from __future__ import annotations

from pathlib import Path

import pytest

# Fixture modules owned by each stage's tests; registered here so every test can use them.
pytest_plugins = ["fixtures_db", "fixtures_track", "fixtures_web"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DOCS = Path(__file__).resolve().parent / "docs"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing beside the checkout ({SHARED}); CI provides it")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    return shared_dir / "gold"


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return ROOT / "samples"
