"""Routes, one module per resource; pages speak Vietnamese HTML, `api_*` modules speak JSON."""
from __future__ import annotations

from . import meta, upload

ROUTERS = [meta.router, upload.router]
