"""Routes, one module per resource; pages speak Vietnamese HTML, `api_*` modules speak JSON."""
from __future__ import annotations

from . import (api_documents, api_tracking, deadlines, documents, indicators, meta, organisations,
               overview, search, upload)

ROUTERS = [meta.router, overview.router, documents.router, upload.router, search.router,
           organisations.router, indicators.router, deadlines.router, api_documents.router,
           api_tracking.router]
