"""Schemathesis drives every operation of the OpenAPI document: no input gives a server error.

Bounded: a few generated requests per operation (about 10 s for the whole API on SQLite).
The operations are walked by hand with Hypothesis (schemathesis' pytest plugin does not run
under pytest 9), one test per operation.
"""
from __future__ import annotations

import pytest

import schemathesis
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

EXAMPLES = 10


def _operation_ids() -> list[str]:
    from nghiquyet.web import create_app
    from nghiquyet.settings import Settings
    app = create_app(Settings(database_url="sqlite://"), migrate=False)
    spec = app.openapi()
    return [f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops]


@pytest.mark.parametrize("operation", _operation_ids())
def test_no_server_error(web_app, client, plan_id, operation):
    assert client.post(f"/api/documents/{plan_id}/confirm").status_code == 200   # tracked data
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", web_app)
    method, path = operation.split(" ", 1)
    op = schema[path][method]

    @given(case=op.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call()
        case.validate_response(response, checks=[not_a_server_error])

    run()
