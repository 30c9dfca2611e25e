"""INSERTs and lookups on the driver's own cursor, for the ingest's hot path.

Going through SQLAlchemy costs about 0.2 ms of Python per statement (compiling, caching,
result objects); ingest runs ~60 statements per document, which made storing cost ~30 ms
a document. `Raw` runs the same statements on the session's DBAPI connection, inside the
session's transaction, converting each value with SQLAlchemy's own bind processors so rows
are stored exactly as an ORM or Core INSERT would store them.

Only plain INSERTs and small SELECTs go through here; anything touching ORM objects must
flush the session first (raw statements do not autoflush).
"""
from __future__ import annotations

import json
import re
from typing import Any, Sequence

from sqlalchemy import JSON, Boolean, Table, Text
from sqlalchemy.orm import Session

from .db import json_dumps



class Encoded(str):
    """A value already serialised to JSON (by an extraction worker): stored as it is.

    >>> json.loads(Encoded(json.dumps({"a": 1})))
    {'a': 1}
    """


# Values stored as they are: JSON text made already, or (on SQLite) UTF-8 bytes of a text or
# JSON column, which an extraction worker sends instead of a str: unpickling a str decodes it
# and the driver encodes it again, 0.3 ms per document for its text, JSON and items. SQLite
# stores such bytes as text through `CAST(? AS TEXT)`, which takes them as they are.
_AS_IS = (Encoded, bytes)


def encode_json(value: Any) -> Encoded:
    """JSON text exactly as SQLAlchemy's JSON type writes it (`make_engine` gives it
    `db.json_dumps`).

    >>> encode_json({"x": [1, "đ"]})
    '{"x": [1, "đ"]}'
    """
    return Encoded(json_dumps(value))


class Raw:
    """Statements on the DBAPI connection of `session` (in its current transaction)."""

    _sql_cache: dict[tuple, tuple[str, list]] = {}

    def __init__(self, session: Session, conn=None):  # noqa: ANN001
        conn = conn if conn is not None else session.connection()
        self.conn = conn
        self.dialect = conn.dialect
        self.sqlite = self.dialect.name == "sqlite"
        self.driver = conn.connection.driver_connection
        self.cursor = self.driver.cursor()

    @classmethod
    def of(cls, session: Session) -> "Raw":
        """The session's `Raw` on its current connection (one cursor per connection).

        Asking the session for its connection each time matters: inside `begin_nested()`
        that is what emits the SAVEPOINT, which raw statements would otherwise run before."""
        conn = session.connection()
        cached = session.info.get("nghiquyet.raw")
        if cached is not None and cached.conn is conn and \
                cached.driver is conn.connection.driver_connection:
            return cached
        raw = cls(session, conn)
        session.info["nghiquyet.raw"] = raw
        return raw

    def param(self, name: str) -> str:
        """A named placeholder in this driver's style: `:name` or `%(name)s`."""
        return f":{name}" if self.sqlite else f"%({name})s"

    def _insert_sql(self, table: Table, columns: tuple[str, ...],
                    extra: tuple[tuple[str, str], ...] = ()) -> tuple[str, dict]:
        key = (self.dialect.name, table.name, columns, extra)
        if key not in self._sql_cache:
            marks, procs = [], {}
            for name in columns:
                col = table.c[name]
                if self.sqlite and isinstance(col.type, (Text, JSON)):
                    marks.append(f"CAST({self.param(name)} AS TEXT)")     # see _AS_IS
                else:
                    marks.append(self.param(name) + ("::JSON" if isinstance(col.type, JSON)
                                                     and not self.sqlite else ""))
                # Both drivers store a Python bool as SQLAlchemy would (1/0, true/false).
                if isinstance(col.type, Boolean):
                    continue
                proc = col.type.dialect_impl(self.dialect).bind_processor(self.dialect)
                if proc is not None:
                    procs[name] = (proc, isinstance(col.type, JSON))
            names = list(columns) + [name for name, _ in extra]
            marks += [expr if self.sqlite else _pyformat(expr) for _, expr in extra]
            sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(marks)})"
            self._sql_cache[key] = (sql, procs)
        return self._sql_cache[key]

    _plans: dict[tuple, tuple] = {}

    def _plan(self, table: Table, keys: tuple[str, ...],
              extra: tuple[tuple[str, str], ...]) -> tuple:
        """(SQL, defaulted columns, bind processors, per-row processors) of an INSERT of rows
        with these keys, worked out once: redoing it for each call cost more than the
        values' conversion (an ingest makes ~8 inserts per document)."""
        key = (self.dialect.name, table.name, keys, extra)
        plan = self._plans.get(key)
        if plan is None:
            missing = [(c.name, c.default) for c in table.c
                       if c.default is not None and c.name not in keys]
            columns = tuple(k for k in keys if k in table.c) + tuple(n for n, _ in missing)
            sql, procs = self._insert_sql(table, columns, extra)
            defaulted = {n for n, _ in missing}
            per_row = [(name, proc, is_json) for name, (proc, is_json) in procs.items()
                       if name not in defaulted]
            plan = self._plans[key] = (sql, missing, procs, per_row)
        return plan

    @staticmethod
    def _value(proc, is_json: bool, value):  # noqa: ANN001, ANN205
        return value if is_json and isinstance(value, _AS_IS) else proc(value)

    def insert(self, table: Table, rows: Sequence[dict], *, returning: bool = False,
               extra: tuple[tuple[str, str], ...] = ()) -> list[int]:
        """INSERT `rows` (dicts with the same keys) into `table`; with `returning`, the new
        ids in the order of `rows`. `extra`: (column, SQL expression) pairs, e.g. a tsvector
        computed from other keys of the rows (written `:name`)."""
        if not rows:
            return []
        sql, missing, procs, per_row = self._plan(table, tuple(rows[0]), extra)
        # Python-side column defaults, as Core applies them to keys missing from a row: the
        # same for every row, so computed (`utcnow`) and converted once.
        defaults = {}
        for name, default in missing:
            value = default.arg if default.is_scalar else default.arg(None)
            defaults[name] = self._value(*procs[name], value) if name in procs else value
        params = []
        for row in rows:
            row = {**row, **defaults}
            for name, proc, is_json in per_row:
                value = row[name]
                row[name] = value if is_json and isinstance(value, _AS_IS) else proc(value)
            params.append(row)
        cur = self.cursor
        if not returning:
            cur.executemany(sql, params)
            return []
        if self.sqlite:
            ids = []
            for p in params:      # executemany gives no rowids; one execute each is ~5 µs
                cur.execute(sql, p)
                ids.append(cur.lastrowid)
            return ids
        # psycopg runs executemany in one pipeline and keeps each statement's result.
        cur.executemany(sql + f" RETURNING {table.name}.id", params, returning=True)
        ids = []
        while True:
            ids.append(cur.fetchone()[0])
            if not cur.nextset():
                break
        return ids

    _row_plans: dict[tuple, tuple] = {}

    def _row_plan(self, table: Table, columns: tuple[str, ...], with_id: bool) -> tuple:
        """(SQL, defaulted columns, converters by position) of a positional INSERT."""
        key = (self.dialect.name, table.name, columns, with_id)
        plan = self._row_plans.get(key)
        if plan is None:
            missing = [(c.name, c.default) for c in table.c
                       if c.default is not None and c.name not in columns and c.name != "id"]
            names = (("id",) if with_id else ()) + columns + tuple(n for n, _ in missing)
            procs = []
            for i, name in enumerate(names):
                col = table.c[name]
                if isinstance(col.type, Boolean):
                    continue
                proc = col.type.dialect_impl(self.dialect).bind_processor(self.dialect)
                if proc is not None:
                    procs.append((i, name, proc, isinstance(col.type, JSON)))
            marks = [_mark(self.sqlite, table.c[n]) for n in names]
            sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(marks)})"
            tail = len(names) - len(missing)
            plan = self._row_plans[key] = (sql, missing, [p for p in procs if p[0] < tail],
                                           {p[1]: p for p in procs if p[0] >= tail})
        return plan

    def insert_rows(self, table: Table, columns: tuple[str, ...], rows: Sequence[tuple], *,
                    returning: bool = False) -> list[int]:
        """INSERT positional `rows` (tuples in the order of `columns`): the hot path of a
        new document's rows, with no dict per row. With `returning`, the new ids in the order
        of `rows`: on SQLite they are given explicitly, from the table's largest id on, which
        is the id SQLite itself gives a row (no AUTOINCREMENT; the batch holds the write
        lock), so one executemany inserts them all instead of one statement a row."""
        if not rows:
            return []
        with_id = returning and self.sqlite
        sql, missing, procs, tail_procs = self._row_plan(table, columns, with_id)
        tail = []
        for name, default in missing:
            value = default.arg if default.is_scalar else default.arg(None)
            if name in tail_procs:
                value = tail_procs[name][2](value)
            tail.append(value)
        tail = tuple(tail)
        ids: list[int] = []
        if with_id:
            self.cursor.execute(f"SELECT max(id) FROM {table.name}")
            first = (self.cursor.fetchone()[0] or 0) + 1
            ids = list(range(first, first + len(rows)))
            params = [(i, *row, *tail) for i, row in zip(ids, rows)]
        else:
            params = [(*row, *tail) for row in rows]
        for i, _, proc, is_json in procs:
            for n, p in enumerate(params):
                value = p[i]
                if value is not None and not (is_json and isinstance(value, _AS_IS)):
                    params[n] = (*p[:i], proc(value), *p[i + 1:])
        if not returning or self.sqlite:
            self.cursor.executemany(sql, params)
            return ids
        # psycopg runs executemany in one pipeline and keeps each statement's result.
        self.cursor.executemany(sql + f" RETURNING {table.name}.id", params, returning=True)
        while True:
            ids.append(self.cursor.fetchone()[0])
            if not self.cursor.nextset():
                break
        return ids

    def rows(self, sql: str, params: dict | None = None) -> list[tuple]:
        """A SELECT written with `:name` placeholders (translated for psycopg)."""
        if not self.sqlite:
            sql = _pyformat(sql)
        self.cursor.execute(sql, params or {})
        return self.cursor.fetchall()

    def execute(self, sql: str, params: dict | None = None) -> None:
        if not self.sqlite:
            sql = _pyformat(sql)
        self.cursor.execute(sql, params or {})


def _mark(sqlite: bool, column) -> str:  # noqa: ANN001
    """The positional placeholder of a column (bytes for text are cast, see `_AS_IS`)."""
    if sqlite:
        return "CAST(? AS TEXT)" if isinstance(column.type, (Text, JSON)) else "?"
    return "%s::JSON" if isinstance(column.type, JSON) else "%s"


def _pyformat(sql: str) -> str:
    """`:name` placeholders → `%(name)s`, literal `%` doubled (no `::` casts in our SQL).

    >>> _pyformat("SELECT id FROM t WHERE a = :a AND b LIKE '%' || :b_2")
    "SELECT id FROM t WHERE a = %(a)s AND b LIKE '%%' || %(b_2)s"
    """
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql.replace("%", "%%"))
