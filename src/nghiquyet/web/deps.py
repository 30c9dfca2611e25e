"""What every route shares: the database session, the templates, rendering a page."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Iterator

from fastapi import Depends, Path as PathParam, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from ..store.db import transaction
from . import present

TEMPLATES = Path(__file__).resolve().parent / "templates"

# The main navigation: (path, label). The current page is marked with aria-current.
NAV = [
    ("/", "Tổng quan"),
    ("/van-ban", "Văn bản"),
    ("/chi-tieu", "Chỉ tiêu"),
    ("/don-vi", "Đơn vị"),
    ("/thoi-han", "Thời hạn"),
    ("/tai-len", "Tải lên"),
    ("/tim-kiem", "Tìm kiếm"),
]


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    templates.env.filters.update(present.FILTERS)
    templates.env.globals["NAV"] = NAV
    from . import forms
    templates.env.globals.update(FAMILIES=forms.FAMILIES, FORM_FIELDS=forms.FORM_FIELDS,
                                 COMPARATOR_CHOICES=forms.COMPARATOR_CHOICES)
    return templates


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request: committed when the route returns, rolled back on error."""
    with transaction(request.app.state.sessions) as session:
        yield session


# scope="function": the transaction ends when the route returns, before the response is sent.
# With FastAPI's default ("request") it was committed only after the response had gone out, so a
# browser following the 303 of an upload could ask for the new document before it existed (404).
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

# A row id in a path: databases store 32/64-bit integers, so larger numbers are simply absent.
MAX_ID = 2_147_483_647
Id = Annotated[int, PathParam(ge=1, le=MAX_ID)]


def render(request: Request, name: str, context: dict[str, Any] | None = None,
           status_code: int = 200, headers: dict[str, str] | None = None):
    """Render a template (Starlette 1.x form: request first, then name and context)."""
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context or {}, status_code=status_code,
                                      headers=headers)


def is_htmx(request: Request) -> bool:
    """True when htmx asked for a fragment rather than a whole page."""
    return request.headers.get("HX-Request") == "true"
