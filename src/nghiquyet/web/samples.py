"""The sample documents shipped in the package, loaded into an empty database on first start.

They live in `nghiquyet/data/samples/` (copies of the repository's `samples/`), so an installed
package needs neither the repository nor anything outside it.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI

SUFFIXES = (".txt", ".docx", ".pdf")


def sample_files() -> list[Path]:
    folder = Path(str(resources.files("nghiquyet") / "data" / "samples"))
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)


def load_samples_if_empty(app: FastAPI) -> int:
    """Ingest the samples when the library holds no document; returns how many were stored."""
    try:
        from ..store import library
    except ImportError:   # the library stage is not there yet
        return 0
    from ..store.db import transaction
    from ..store.models import Document
    from sqlalchemy import select
    with transaction(app.state.sessions) as session:
        if session.scalar(select(Document.id).limit(1)) is not None:
            return 0
    stored = 0
    for path in sample_files():
        with transaction(app.state.sessions) as session:
            library.ingest(session, path)
            stored += 1
    return stored
