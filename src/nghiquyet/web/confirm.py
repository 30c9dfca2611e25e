"""Confirming a reviewed document: the one action behind the review page's last button, the
API's `POST /api/documents/{id}/confirm` and the samples loaded on first start."""
from __future__ import annotations

from sqlalchemy.orm import Session

from ..store import library, review
from ..track.linking import track_document
from ..track.tasks import sync_tasks


def confirm_and_track(session: Session, document_id: int) -> None:
    """Confirm a document with its draft items, then start tracking it: targets linked to
    indicators and units, results recorded as figures, deadlines made tasks."""
    doc = library.get_document(session, ref=document_id)
    data = library.document_dict(session, doc)
    for family, plural in (("target", "targets"), ("result", "results"), ("deadline", "deadlines")):
        for item in data[plural]:
            if item["status"] == "draft":
                review.confirm_item(session, family=family, item_id=item["id"])
    review.set_document_status(session, document_id=doc.id, status="confirmed")
    track_document(session, document_id=doc.id)
    sync_tasks(session, document_id=doc.id)
