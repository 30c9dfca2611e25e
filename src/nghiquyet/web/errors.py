"""Error pages: Vietnamese HTML for people, JSON `{"detail": ...}` under `/api`.

A user never sees a traceback: unexpected exceptions are logged and answered with a short
page (or JSON) saying what to do next.
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (http_exception_handler,
                                        request_validation_exception_handler)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .deps import render

log = logging.getLogger("nghiquyet.web")

MESSAGES = {
    400: ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng. Hãy kiểm tra lại các ô đã nhập."),
    404: ("Không tìm thấy trang", "Trang hoặc mục bạn tìm không có (có thể đã bị xoá)."),
    405: ("Thao tác không được phép", "Trang này không nhận thao tác đó."),
    413: ("Tệp quá lớn", "Tệp tải lên vượt quá giới hạn cho phép."),
    422: ("Dữ liệu không hợp lệ", "Một số ô nhập chưa đúng. Hãy kiểm tra lại."),
    500: ("Đã có lỗi", "Máy chủ gặp lỗi khi xử lý yêu cầu. Lỗi đã được ghi lại; hãy thử lại sau."),
}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_page(request: Request, status: int, detail: str | None = None):
    title, text = MESSAGES.get(status, (f"Lỗi {status}", ""))
    return render(request, "error.html",
                  {"status": status, "title": title, "text": text, "detail": detail},
                  status_code=status)


async def _http_error(request: Request, exc: StarletteHTTPException):
    if wants_json(request):
        return await http_exception_handler(request, exc)
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail not in (
        "Not Found", "Method Not Allowed") else None
    return error_page(request, exc.status_code, detail)


async def _validation_error(request: Request, exc: RequestValidationError):
    if wants_json(request):
        return await request_validation_exception_handler(request, exc)
    fields = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}"
                       for e in exc.errors())
    return error_page(request, 422, fields or None)


async def _server_error(request: Request, exc: Exception):
    log.exception("lỗi khi xử lý %s %s", request.method, request.url.path)
    if wants_json(request):
        return JSONResponse({"detail": "Internal server error"}, status_code=500)
    return error_page(request, 500)


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
