#!/usr/bin/env bash
# Runs the PostgreSQL replication scripts of deploy/kubernetes/postgres.yaml (the ConfigMap
# commons-postgres-init, read from the file) on this machine's PostgreSQL 15, as the official
# image's entrypoint would: a primary initialised with 10-replication.sh and started with the
# StatefulSet's arguments, a standby made by basebackup.sh, then a row written on the primary
# must be read on the standby. With a static binary (scripts/build-static.sh) it also starts
# `commons serve` on the primary and checks that Commons's schema reached the standby.
# Loopback only, under target/deploy-pg, removed at the end. Not Kubernetes: no pods, no
# Services, no network policies.
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=/usr/lib/postgresql/15/bin
VENV=target/tools-venv
if [ ! -x "$PGBIN/postgres" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
if ! "$VENV/bin/python" -c 'import yaml' 2>/dev/null; then
    [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pyyaml
fi
RUN=()
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    RUN=(runuser -u postgres --)
fi
DIR="$(pwd)/target/deploy-pg"
P1=$((30000 + RANDOM % 10000))
P2=$((P1 + 1))
PW=commons-test-password
RPW=replication-test-password
rm -rf "$DIR"
mkdir -p "$DIR/primary" "$DIR/replica" "$DIR/scripts"
"$VENV/bin/python" - "$DIR/scripts" <<'PY'
import sys, yaml
for doc in yaml.safe_load_all(open("deploy/kubernetes/postgres.yaml")):
    if doc and doc["kind"] == "ConfigMap" and doc["metadata"]["name"] == "commons-postgres-init":
        for name, text in doc["data"].items():
            open(f"{sys.argv[1]}/{name}", "w").write(text)
PY
# The primary's arguments, from its StatefulSet.
mapfile -t ARGS < <("$VENV/bin/python" - <<'PY'
import yaml
for doc in yaml.safe_load_all(open("deploy/kubernetes/postgres.yaml")):
    if doc and doc["kind"] == "StatefulSet" and doc["metadata"]["name"] == "commons-postgres-primary":
        print("\n".join(doc["spec"]["template"]["spec"]["containers"][0]["args"]))
PY
)
chmod 0555 "$DIR/scripts"/*.sh
if [ "$(id -u)" = 0 ]; then chown -R postgres "$DIR"; fi
SERVER=
cleanup() {
    [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
    for d in replica/pgdata primary/pgdata; do
        [ -f "$DIR/$d/postmaster.pid" ] && "${RUN[@]}" "$PGBIN/pg_ctl" -D "$DIR/$d" -m immediate -w stop >/dev/null 2>&1
    done
    rm -rf "$DIR"
}
trap cleanup EXIT

# As the image's entrypoint: initdb with the password, scram for TCP, the init scripts against
# a server on the socket only, then the real start.
PGDATA_P="$DIR/primary/pgdata"
echo "$PW" >"$DIR/pw"
[ "$(id -u)" = 0 ] && chown postgres "$DIR/pw"
"${RUN[@]}" "$PGBIN/initdb" -D "$PGDATA_P" --username=commons --pwfile="$DIR/pw" -A trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN[@]}" bash -c "echo 'host all all all scram-sha-256' >> '$PGDATA_P/pg_hba.conf'"
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_P" -l "$DIR/primary/init.log" -w \
    -o "-c listen_addresses='' -k $DIR -p $P1" start >/dev/null
"${RUN[@]}" "$PGBIN/psql" -h "$DIR" -p "$P1" -U commons -d postgres -qc 'CREATE DATABASE commons' 
"${RUN[@]}" env PGHOST="$DIR" PGPORT="$P1" POSTGRES_USER=commons POSTGRES_DB=commons \
    PGDATA="$PGDATA_P" REPLICATION_PASSWORD="$RPW" PATH="$PGBIN:$PATH" "$DIR/scripts/10-replication.sh" 2>&1 | sed 's/^/10-replication.sh: /'
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_P" -w stop >/dev/null
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_P" -l "$DIR/primary/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -k $DIR -p $P1 ${ARGS[*]}" start >/dev/null
echo "primary: up on 127.0.0.1:$P1 with ${ARGS[*]}"

# The standby, as its init container and then its container.
PGDATA_R="$DIR/replica/pgdata"
"${RUN[@]}" env PGDATA="$PGDATA_R" PRIMARY_HOST=127.0.0.1 PRIMARY_PORT="$P1" \
    REPLICATION_PASSWORD="$RPW" PATH="$PGBIN:$PATH" bash "$DIR/scripts/basebackup.sh" 2>&1 | sed 's/^/basebackup.sh: /'
"${RUN[@]}" "$PGBIN/pg_ctl" -D "$PGDATA_R" -l "$DIR/replica/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -k $DIR -p $P2 -c hot_standby=on" start >/dev/null
echo "standby: up on 127.0.0.1:$P2"

q() { PGPASSWORD="$PW" psql -h 127.0.0.1 -p "$1" -U commons -d commons -Atqc "$2"; }
q "$P1" "CREATE TABLE replication_check (id int); INSERT INTO replication_check VALUES (42)"
for _ in $(seq 50); do
    [ "$(q "$P2" 'SELECT id FROM replication_check' 2>/dev/null)" = 42 ] && break
    sleep 0.2
done
[ "$(q "$P2" 'SELECT id FROM replication_check')" = 42 ] || { echo "the row did not reach the standby" >&2; exit 1; }
echo "standby: in recovery $(q "$P2" 'SELECT pg_is_in_recovery()'), read the row written on the primary"
echo "primary: pg_stat_replication $(q "$P1" "SELECT application_name || ' ' || state || ' slot ' || (SELECT slot_name FROM pg_replication_slots WHERE active) FROM pg_stat_replication")"
if q "$P2" 'INSERT INTO replication_check VALUES (1)' 2>/dev/null; then
    echo "the standby accepted a write" >&2; exit 1
fi
echo "standby: refuses writes"

BIN=target/static/commons
if [ -x "$BIN" ]; then
    PORT=$((P1 + 2))
    env -i COMMONS_DATABASE="postgres://commons:$PW@localhost:$P1/commons" "$BIN" serve \
        --data "$DIR/serve" --listen "127.0.0.1:$PORT" 2>"$DIR/serve.log" &
    SERVER=$!
    ok=
    for _ in $(seq 300); do
        if curl -sf --max-time 2 "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then ok=1; break; fi
        kill -0 $SERVER 2>/dev/null || break
        sleep 0.1
    done
    [ -n "$ok" ] || { cat "$DIR/serve.log" >&2; exit 1; }
    echo "commons (static binary): serving on the primary through localhost:$P1, /readyz 200"
    tables=0
    for _ in $(seq 50); do
        tables=$(q "$P2" "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        [ "$tables" -gt 1 ] && break
        sleep 0.2
    done
    [ "$tables" -gt 1 ] || { echo "Commons's schema did not reach the standby" >&2; exit 1; }
    echo "standby: holds Commons's schema ($tables tables)"
else
    echo "commons: not run (no static binary at $BIN: scripts/build-static.sh)"
fi
echo "replication test passed"
