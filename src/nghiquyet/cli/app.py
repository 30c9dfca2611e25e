"""The `nghiquyet` command group. Each feature module adds its thin commands to `app`."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="nghiquyet",
    help="Theo dõi thực hiện nghị quyết: read Vietnamese planning documents, keep them in a "
         "library, track their targets and show them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    """Theo dõi thực hiện nghị quyết: read, keep, track and show planning documents."""
