"""Health check and favicon: what load balancers and browsers ask for without a person."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import RedirectResponse
from sqlalchemy import text

from ..deps import SessionDep

router = APIRouter()


@router.get("/api/health", tags=["meta"], summary="The server and its database answer")
def health(session: SessionDep) -> dict[str, str]:
    session.execute(text("SELECT 1"))
    return {"status": "ok"}


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=308)
