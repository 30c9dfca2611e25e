#!/usr/bin/env bash
# A throwaway private PostgreSQL cluster on 127.0.0.1 for the tests and benchmarks.
#   scripts/pg.sh start   install postgresql if missing, initdb, start (fsync off), create db
#   scripts/pg.sh url     print the SQLAlchemy URL (postgresql+psycopg://...)
#   scripts/pg.sh stop    stop the cluster and delete its files
# Settings: PG_DIR (default /tmp/nghiquyet-pg), PG_PORT (default 55432), PG_DB (default nghiquyet).
set -euo pipefail
PG_DIR="${PG_DIR:-/tmp/nghiquyet-pg}"
PG_PORT="${PG_PORT:-55432}"
PG_DB="${PG_DB:-nghiquyet}"

as_postgres() {  # initdb and pg_ctl refuse to run as root
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

install_pg() {
  if bindir >/dev/null; then return; fi
  echo "pg.sh: installing postgresql from apt" >&2
  if [ "$(id -u)" != 0 ]; then echo "pg.sh: PostgreSQL is missing; run as root to install it" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql postgresql-contrib >/dev/null
}

url() { echo "postgresql+psycopg://postgres@127.0.0.1:${PG_PORT}/${PG_DB}"; }

running() { [ -f "$PG_DIR/data/postmaster.pid" ] && as_postgres "'$(bindir)/pg_ctl' -D '$PG_DIR/data' status" >/dev/null 2>&1; }

start() {
  install_pg
  local bin; bin="$(bindir)"
  if running; then return; fi
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    as_postgres "'$bin/initdb' -D '$PG_DIR/data' -U postgres -E UTF8 --locale=C.UTF-8 -A trust" >/dev/null
  fi
  as_postgres "'$bin/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start" >/dev/null
  local psql="$bin/psql -h 127.0.0.1 -p $PG_PORT -U postgres -v ON_ERROR_STOP=1 -q"
  if ! $psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    $psql -d postgres -c "CREATE DATABASE $PG_DB"
  fi
  $psql -d "$PG_DB" -c "CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm"
  echo "pg.sh: PostgreSQL on 127.0.0.1:$PG_PORT, database $PG_DB" >&2
}

stop() {
  local bin; bin="$(bindir || true)"
  if [ -n "$bin" ] && running; then
    as_postgres "'$bin/pg_ctl' -D '$PG_DIR/data' -m fast -w stop" >/dev/null
  fi
  rm -rf "$PG_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
