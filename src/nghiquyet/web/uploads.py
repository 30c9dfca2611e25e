"""Receiving files from the browser: checked, size-capped, written to a private temp folder.

The original name is kept (the library stores it as the source name) but never used as a path:
the file is written under a fresh temporary directory with a sanitised name.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from fastapi import UploadFile

MAX_BYTES = 50 * 1024 * 1024      # a scanned PDF of a long plan stays well below this
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".txt")
SHEET_SUFFIXES = (".xlsx", ".csv")
CHUNK = 1024 * 1024


class UploadRejected(ValueError):
    """The uploaded file cannot be taken: the message says why, in Vietnamese."""


def safe_name(name: str | None, default: str = "tep") -> str:
    """The file's own name without any folder part or odd characters.

    >>> safe_name("../../etc/Kế hoạch 62.docx")
    'Kế hoạch 62.docx'
    >>> safe_name("C:\\\\x\\\\a?.txt"), safe_name(""), safe_name("..")
    ('a_.txt', 'tep', 'tep')
    """
    base = re.split(r"[\\/]", name or "")[-1].strip()
    base = re.sub(r'[<>:"|?*\x00-\x1f]', "_", base)
    return base if base.strip(". ") else default


@contextmanager
def received(upload: UploadFile | None, allowed: tuple[str, ...]) -> Iterator[Path]:
    """Write the upload to a temporary file and yield its path; removed afterwards."""
    if upload is None or not upload.filename:
        raise UploadRejected("Chưa chọn tệp nào.")
    name = safe_name(upload.filename)
    suffix = Path(name).suffix.lower()
    if suffix not in allowed:
        raise UploadRejected(f"{name}: chỉ nhận tệp {', '.join(allowed)} (nhận được “{suffix or 'không có đuôi'}”).")
    folder = Path(tempfile.mkdtemp(prefix="nghiquyet-upload-"))
    try:
        path = folder / name
        size = 0
        with path.open("wb") as out:
            while chunk := upload.file.read(CHUNK):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise UploadRejected(f"{name}: tệp lớn hơn {MAX_BYTES // (1024 * 1024)} MB.")
                out.write(chunk)
        if size == 0:
            raise UploadRejected(f"{name}: tệp rỗng.")
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
