"""The sample documents shipped in the package, loaded into an empty database on first start.

They live in `nghiquyet/data/samples/` (copies of the repository's `samples/`), so an installed
package needs neither the repository nor anything outside it.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import logging

from fastapi import FastAPI

log = logging.getLogger("nghiquyet.web")

SUFFIXES = (".txt", ".docx", ".pdf")


def sample_files() -> list[Path]:
    folder = Path(str(resources.files("nghiquyet") / "data" / "samples"))
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)


def load_reference_data(app: FastAPI) -> None:
    """The shipped indicator catalogue and administrative units, written into the database
    before the first request (loading them costs a couple of seconds on a new database, which
    would otherwise fall on the first person to confirm a document)."""
    from ..store.db import transaction
    from ..track.linking import sync_catalogue
    from ..track.orgs import ensure_units
    with transaction(app.state.sessions) as session:
        sync_catalogue(session)
        ensure_units(session)


def load_samples_if_empty(app: FastAPI) -> int:
    """Ingest the samples when the library holds no document; returns how many were stored.

    Each file is its own transaction (`library.ingest_paths`); a sample that fails is logged
    and the others are still stored.
    """
    from sqlalchemy import select

    from ..store import library
    from ..store.models import Document
    session = app.state.sessions()
    try:
        if session.scalar(select(Document.id).limit(1)) is not None:
            return 0
        summary = library.ingest_paths(session, paths=sample_files())
        for bad in summary.errors:
            log.warning("mẫu không nạp được: %s", bad.message)
        stored = [o.document_id for o in summary.outcomes if o.status in ("new", "updated")]
        # The samples stand for reviewed documents: confirmed and tracked, as the confirm
        # button of the review page does, so the overview has something to show.
        from .confirm import confirm_and_track
        for document_id in stored:
            try:
                confirm_and_track(session, document_id)
                session.commit()
            except Exception:  # noqa: BLE001 — one sample must not stop the server
                session.rollback()
                log.exception("mẫu #%s không theo dõi được", document_id)
        return len(stored)
    finally:
        session.close()
