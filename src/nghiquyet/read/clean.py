"""Clean conversion debris before extraction (stub; see issue 2)."""
from __future__ import annotations

import re


def clean_text(text: str) -> str:
    """Remove Word bookmarks and markdown bold marks.

    >>> clean_text("[bookmark: _Hlk85726564]Để triển khai **KẾ HOẠCH**")
    'Để triển khai KẾ HOẠCH'
    """
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    return text.replace("**", "")
