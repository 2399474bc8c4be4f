#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests, under target/pg, on loopback.
#   scripts/postgres.sh [start]  installs PostgreSQL 15 if missing, starts the server if it is
#                                not running, and prints its URL
#   scripts/postgres.sh stop     stops it
# Idempotent: a running server is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=/usr/lib/postgresql/15/bin
DIR="$(pwd)/target/pg"
PORT="${COMMONS_PG_PORT:-54329}"

if [ ! -x "$PGBIN/postgres" ]; then
    echo "postgres.sh: installing PostgreSQL 15" >&2
    apt-get update -qq >&2 && apt-get install -y -qq postgresql-15 >&2
fi
# PostgreSQL refuses to run as root: use the postgres account then.
RUN=()
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    RUN=(runuser -u postgres --)
fi
pgctl() { "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" "$@"; }

case "${1:-start}" in
start)
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
    if [ ! -f "$DIR/data/PG_VERSION" ]; then
        "${RUN[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 \
            --locale=C.UTF-8 >/dev/null
    fi
    if ! pgctl status >/dev/null 2>&1; then
        pgctl -l "$DIR/server.log" -w -t 60 \
            -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
            start >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
clean)
    # The databases earlier test runs created (test-support names them <prefix>_<pid>_<ns>
    # and never drops them, so that a failed test's data can be looked at): hundreds of them
    # fill the disk on a developer's machine.
    PSQL=("${RUN[@]}" "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -At -d postgres)
    "${PSQL[@]}" -c "select datname from pg_database where datname ~ '^[a-z_]+_[0-9]+_[0-9]+$'" |
        while read -r name; do "${PSQL[@]}" -q -c "DROP DATABASE \"$name\"" || true; done
    ;;
stop)
    if [ -f "$DIR/data/PG_VERSION" ] && pgctl status >/dev/null 2>&1; then
        pgctl -m fast -w stop >/dev/null
    fi
    ;;
*)
    echo "usage: $0 [start|clean|stop]" >&2
    exit 2
    ;;
esac
