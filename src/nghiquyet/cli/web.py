"""`nghiquyet serve`: the web application for people who never open a terminal."""
from __future__ import annotations

from typing import Optional

import typer

from ..settings import Settings
from .app import app
from .common import console, err_console, error


@app.command()
def serve(
    host: Optional[str] = typer.Option(None, help="Address to listen on [default: 127.0.0.1]."),
    port: Optional[int] = typer.Option(None, help="Port to listen on [default: 8000]."),
    database_url: Optional[str] = typer.Option(
        None, "--database-url", help="SQLAlchemy URL [default: NGHIQUYET_DATABASE_URL, else a "
                                     "SQLite file in the user's data folder]."),
    samples: bool = typer.Option(True, "--samples/--no-samples",
                                 help="Load the sample documents when the database is empty."),
    workers: int = typer.Option(1, min=1, help="Server processes (PostgreSQL only; SQLite "
                                               "works best with one)."),
    get: Optional[str] = typer.Option(None, "--get", metavar="PATH",
                                      help="Print the response to PATH and exit, without a server."),
) -> None:
    """Start the web application and print the address of its overview page.

    Example:

        nghiquyet serve            # then open http://127.0.0.1:8000/
    """
    settings = Settings.from_env(host=host, port=port, database_url=database_url)
    from ..web import create_app
    from ..web.samples import load_reference_data, load_samples_if_empty

    application = create_app(settings)
    load_reference_data(application)
    if samples:
        loaded = load_samples_if_empty(application)
        if loaded:
            err_console.print(f"Đã nạp {loaded} văn bản mẫu vào cơ sở dữ liệu trống.")
    if get is not None:
        _get(application, get)
        return
    import uvicorn
    url = f"http://{settings.host}:{settings.port}/"
    console.print(f"Mở trang Tổng quan: [bold]{url}[/bold]  (Ctrl+C để dừng)")
    if workers > 1:
        if settings.database_url.startswith("sqlite"):
            error("--workers > 1 cần PostgreSQL (SQLite: một tiến trình)")
            raise typer.Exit(2)
        # Several processes need an import string; the factory reads the same environment.
        import os
        os.environ["NGHIQUYET_DATABASE_URL"] = settings.database_url
        uvicorn.run("nghiquyet.web:create_app", factory=True, host=settings.host,
                    port=settings.port, workers=workers, log_level="warning")
        return
    uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning")


def _get(application, path: str) -> None:
    """Answer one GET in-process (as Datasette's `--get` does), print the body; no httpx needed."""
    import asyncio
    from urllib.parse import urlsplit

    parts = urlsplit(path)
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": parts.path or "/", "raw_path": (parts.path or "/").encode(),
             "query_string": parts.query.encode(), "root_path": "",
             "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 0),
             "server": ("localhost", 80)}
    status: list[int] = []
    body: list[bytes] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])
        elif message["type"] == "http.response.body":
            body.append(message.get("body", b""))

    asyncio.run(application(scope, receive, send))
    typer.echo(b"".join(body).decode("utf-8", "replace"))
    if not status or status[0] >= 400:
        raise typer.Exit(1)
