"""Routes, one module per resource; pages speak Vietnamese HTML, `api_*` modules speak JSON."""
from __future__ import annotations

from . import api_documents, documents, meta, search, upload

ROUTERS = [meta.router, documents.router, upload.router, search.router, api_documents.router]
