"""Routes, one module per resource; pages speak Vietnamese HTML, `api_*` modules speak JSON."""
from __future__ import annotations

from . import (api_documents, api_tracking, deadlines, documents, indicators, meta, organisations,
               overview, search, upload)

# The API first: its paths are matched on every request, and it is what is called most often.
ROUTERS = [api_tracking.router, api_documents.router, meta.router, overview.router,
           documents.router, upload.router, search.router, organisations.router,
           indicators.router, deadlines.router]
