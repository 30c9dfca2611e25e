"""Routes, one module per resource; pages speak Vietnamese HTML, `api_*` modules speak JSON."""
from __future__ import annotations

from . import documents, meta, upload

ROUTERS = [meta.router, documents.router, upload.router]
