"""Vocabulary files (`nghiquyet/data/vocab/*.yaml`), loaded in one place and cached.

Document kinds, issuers, units and indicator words are reviewed data, not code: a rule asks
`vocab.load("units")` and gets the parsed YAML.
"""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """The parsed content of `data/vocab/NAME.yaml` (cached; treat it as read-only)."""
    path = resources.files("nghiquyet") / "data" / "vocab" / f"{name}.yaml"
    with path.open("r", encoding="utf-8") as f:
        return yaml.safe_load(f)
