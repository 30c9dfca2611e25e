"""`nghiquyet review`: list, correct, delete, add and confirm a document's extracted items.

A thin shell over `store.review` (the service the web application uses too). Corrections are
kept apart from the machine output and survive a new version of the file.
"""
from __future__ import annotations

from typing import List, Optional

import typer

from ..store import library, review as review_service
from .app import app
from .common import Format, FormatOption, console, error, print_json
from .library import FAMILIES, _get, open_session, print_document


def _item_ref(value: str) -> tuple[str, int]:
    family, _, num = value.partition(":")
    if family not in FAMILIES or not num.isdigit():
        raise typer.BadParameter(f"{value!r}: dùng FAMILY:ID, ví dụ target:12 (family: "
                                 f"{', '.join(FAMILIES)})")
    return family, int(num)


def _fields(values: list[str]) -> dict:
    out = {}
    for v in values:
        name, sep, val = v.partition("=")
        if not sep:
            raise typer.BadParameter(f"{v!r}: dùng FIELD=VALUE, ví dụ value=9")
        out[name.strip()] = val.strip()
    return out


@app.command()
def review(
    doc: str = typer.Argument(..., metavar="DOC", help="Document id, symbol or file name."),
    correct: Optional[str] = typer.Option(None, metavar="FAMILY:ID", help="Item to correct."),
    delete: Optional[str] = typer.Option(None, metavar="FAMILY:ID", help="Item to delete."),
    confirm: Optional[str] = typer.Option(None, metavar="FAMILY:ID", help="Item to confirm."),
    add: Optional[str] = typer.Option(None, metavar="FAMILY", help="Add an item: target, result, deadline."),
    field: List[str] = typer.Option([], "--field", metavar="FIELD=VALUE",
                                    help="A value for --correct/--add (repeatable)."),
    confirm_inference: bool = typer.Option(False, help="Accept the inferred symbol and date."),
    author: Optional[str] = typer.Option(None, help="Who reviews (kept with each change)."),
    format: Format = FormatOption,
) -> None:
    """Review a document's extracted items: list, correct, delete, add, confirm.

    Without an action, lists the items with their ids. Corrections are kept apart from the
    machine output and survive a new version of the file.

    Example:

        nghiquyet review 62-KH/TU --correct target:12 --field value=9 --field unit=%
    """
    try:
        fields = _fields(field)
        with open_session() as session:
            d = _get(session, doc)
            actions = 0
            for ref, fn in ((correct, "correct"), (delete, "delete"), (confirm, "confirm")):
                if ref is None:
                    continue
                family, item_id = _item_ref(ref)
                row = session.get(review_service.ITEM_MODELS[family], item_id)
                if row is None or row.document_id != d.id:
                    raise review_service.ReviewError(f"{ref} không thuộc văn bản #{d.id}")
                if fn == "correct":
                    if not fields:
                        raise typer.BadParameter("--correct cần ít nhất một --field FIELD=VALUE")
                    review_service.correct_item(session, family=family, item_id=item_id,
                                                changes=fields, author=author)
                elif fn == "delete":
                    review_service.delete_item(session, family=family, item_id=item_id,
                                               author=author)
                else:
                    review_service.confirm_item(session, family=family, item_id=item_id,
                                                author=author)
                actions += 1
            if add is not None:
                if add not in FAMILIES:
                    raise typer.BadParameter(f"--add {add!r}: dùng {', '.join(FAMILIES)}")
                review_service.add_item(session, document_id=d.id, family=add, values=fields,
                                        author=author)
                actions += 1
            if confirm_inference:
                review_service.confirm_inference(session, document_id=d.id, author=author)
                actions += 1
            session.commit()
            data = library.document_dict(session, d)
    except review_service.ReviewError as e:
        error(str(e))
        raise typer.Exit(1) from None
    if format == Format.json:
        print_json(data)
    else:
        print_document(data)
        if actions:
            console.print(f"Đã lưu {actions} thay đổi.")
