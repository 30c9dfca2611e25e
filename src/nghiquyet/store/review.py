"""Human review: correct, add, delete and confirm extracted items; confirm inferred identity.

Every change is written to `corrections` (who, when, field, value) and applied to the item's
effective columns; the machine values stay in `machine`. Because corrections are keyed by the
item's stable key, `items.sync_items` re-applies them when the document is extracted again.
The search index is updated in the same transaction.
"""
from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ..model import COMPARATORS
from . import index
from .items import EDITABLE, apply_values
from .keys import human_key
from .models import ITEM_MODELS, Correction, Document


class ReviewError(ValueError):
    """A correction that cannot be applied: the message names the field and the reason."""


def _coerce(family: str, field: str, value):  # noqa: ANN001, ANN202
    """A user's value (often a string from a form or the terminal) → the field's JSON value."""
    if field not in EDITABLE[family]:
        raise ReviewError(f"trường {field!r} không sửa được; các trường: "
                          f"{', '.join(EDITABLE[family])}")
    if value == "" or value is None:
        if field in ("indicator", "task"):
            raise ReviewError(f"{field}: không được để trống (required)")
        return None
    try:
        if field in ("value", "value_max", "planned"):
            if isinstance(value, str):
                from ..text import parse_number
                parsed = parse_number(value)
                if parsed is None:
                    raise ValueError(value)
                return parsed
            return float(value)
        if field in ("year", "parent", "number", "base_year"):
            return int(value)
        if field == "estimate":
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "có", "yes")
        if field == "due":
            return (value if isinstance(value, date) else date.fromisoformat(str(value))).isoformat()
    except ValueError:
        raise ReviewError(f"{field}: giá trị không hợp lệ {value!r}") from None
    if field == "comparator" and value not in COMPARATORS:
        raise ReviewError(f"comparator: phải là một trong {', '.join(COMPARATORS)}")
    return str(value)


def _get_item(session: Session, family: str, item_id: int):  # noqa: ANN202
    if family not in ITEM_MODELS:
        raise ReviewError(f"loại mục {family!r} không có; dùng target, result hoặc deadline")
    row = session.get(ITEM_MODELS[family], item_id)
    if row is None:
        raise ReviewError(f"không có {family} #{item_id}")
    return row


def _record(session: Session, row, family: str, changes: dict, author: str | None,  # noqa: ANN001
            note: str | None = None) -> None:
    for field, value in changes.items():
        session.add(Correction(document_id=row.document_id, family=family, item_key=row.key,
                               field=field, value=value, author=author, note=note))
    apply_values(row, changes)
    session.flush()
    index.index_item(session, family, row, session.get(Document, row.document_id))


def correct_item(session: Session, *, family: str, item_id: int, changes: dict,
                 author: str | None = None, note: str | None = None):  # noqa: ANN201
    """Change fields of an item; returns the item with its effective values."""
    row = _get_item(session, family, item_id)
    clean = {f: _coerce(family, f, v) for f, v in changes.items()}
    _record(session, row, family, clean, author, note)
    return row


def set_item_status(session: Session, *, family: str, item_id: int, status: str,
                    author: str | None = None):  # noqa: ANN201
    if status not in ("draft", "confirmed", "deleted"):
        raise ReviewError(f"trạng thái {status!r} không hợp lệ")
    row = _get_item(session, family, item_id)
    _record(session, row, family, {"status": status}, author)
    return row


def confirm_item(session: Session, *, family: str, item_id: int, author: str | None = None):  # noqa: ANN201
    return set_item_status(session, family=family, item_id=item_id, status="confirmed",
                           author=author)


def delete_item(session: Session, *, family: str, item_id: int, author: str | None = None):  # noqa: ANN201
    """Mark an item deleted (kept, with its history; hidden and unindexed)."""
    return set_item_status(session, family=family, item_id=item_id, status="deleted",
                           author=author)


def add_item(session: Session, *, document_id: int, family: str, values: dict,
             author: str | None = None):  # noqa: ANN201
    """Add an item the extractor missed (origin `human`, confirmed)."""
    doc = session.get(Document, document_id)
    if doc is None or doc.placeholder:
        raise ReviewError(f"không có văn bản #{document_id} trong thư viện")
    if family not in ITEM_MODELS:
        raise ReviewError(f"loại mục {family!r} không có; dùng target, result hoặc deadline")
    clean = {f: _coerce(family, f, v) for f, v in values.items()}
    required = "task" if family == "deadline" else "indicator"
    if not clean.get(required):
        raise ReviewError(f"{required}: không được để trống (required)")
    if family == "deadline" and not clean.get("due"):
        raise ReviewError("due: cần ngày hạn (yyyy-mm-dd)")
    model = ITEM_MODELS[family]
    last = max((r.idx for r in session.query(model).filter_by(document_id=document_id)),
               default=-1)
    row = model(document_id=document_id, key=human_key(), origin="human", status="confirmed",
                idx=last + 1, machine=None)
    apply_values(row, clean)
    session.add(row)
    session.flush()
    session.add(Correction(document_id=document_id, family=family, item_key=row.key, field="*",
                           value=clean, author=author, note="thêm mới (added)"))
    session.flush()
    index.index_item(session, family, row, doc)
    return row


def confirm_inference(session: Session, *, document_id: int, author: str | None = None) -> Document:
    """Accept the symbol/date inferred from a citing document."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise ReviewError(f"không có văn bản #{document_id}")
    if not doc.symbol_inferred:
        raise ReviewError(f"văn bản #{document_id} không có số hiệu suy ra để xác nhận")
    doc.inference_confirmed = True
    doc.inference_note = (doc.inference_note or "") + (f" — xác nhận bởi {author}" if author else "")
    session.flush()
    return doc


def set_identity(session: Session, *, document_id: int, symbol: str | None = None,
                 date_: str | None = None, author: str | None = None) -> Document:
    """A person states the symbol/date (e.g. rejects a wrong inference and types the right one)."""
    from . import cascade
    from .keys import symbol_key
    doc = session.get(Document, document_id)
    if doc is None:
        raise ReviewError(f"không có văn bản #{document_id}")
    if symbol is not None:
        doc.symbol_inferred, doc.inference_confirmed = symbol.strip() or None, bool(symbol.strip())
        doc.inference_note = f"nhập tay{f' bởi {author}' if author else ''}"
        doc.symbol_key = symbol_key(doc.effective_symbol)
    if date_ is not None:
        try:
            doc.date_inferred = date.fromisoformat(date_) if date_ else None
        except ValueError:
            raise ReviewError(f"date: ngày không hợp lệ {date_!r} (yyyy-mm-dd)") from None
    session.flush()
    cascade.resolve_document(session, doc)
    index.index_document(session, doc, doc.current_version.text if doc.current_version else "")
    return doc


def set_document_status(session: Session, *, document_id: int, status: str) -> Document:
    if status not in ("draft", "confirmed"):
        raise ReviewError(f"trạng thái {status!r} không hợp lệ (draft|confirmed)")
    doc = session.get(Document, document_id)
    if doc is None:
        raise ReviewError(f"không có văn bản #{document_id}")
    doc.status = status
    session.flush()
    return doc
