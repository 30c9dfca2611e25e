"""Tải lên: drop a document, see what was extracted, correct it, confirm it."""
from __future__ import annotations

from fastapi import APIRouter, File, Request, UploadFile

from ...extract import extract_file
from ...read import ReadError
from ..deps import is_htmx, render
from ..uploads import DOCUMENT_SUFFIXES, UploadRejected, received

router = APIRouter(include_in_schema=False)


@router.get("/tai-len")
def upload_page(request: Request):
    return render(request, "upload.html", {"title": "Tải lên văn bản"})


@router.post("/tai-len")
def upload_document(request: Request, file: UploadFile | None = File(None)):
    template = "partials/upload_result.html" if is_htmx(request) else "upload.html"
    try:
        with received(file, DOCUMENT_SUFFIXES) as path:
            extraction = extract_file(path)
    except (UploadRejected, ReadError) as e:
        return render(request, template, {"title": "Tải lên văn bản", "error": str(e)},
                      status_code=400)
    return render(request, template, {"title": "Tải lên văn bản", "extraction": extraction})
