#!/usr/bin/env bash
# scripts/image-smoke-test.sh [serve|crawler]   (default: serve)
# Runs the commons-serve (or commons-crawler) image (deploy/build-image.sh; built first when
# missing) the way a container runtime would with `--read-only --tmpfs /tmp -v DIR:/data`,
# without one: podman's runtime cannot start containers on this machine (crun: setrlimit
# refused). buildah mounts the
# image's filesystem; in a private mount namespace it is bound read-only, with a tmpfs at /tmp,
# a host directory at /data, /proc, /dev, /etc/hosts and /etc/resolv.conf (what a runtime
# adds), and the entrypoint runs chrooted there as the image's USER with the image's Env (the
# listen address moved to a loopback port: there is no network namespace). Checks: the root
# is read-only, /healthz and /readyz answer 200, the process runs as UID 10001, the catalog is
# written to the volume; then `serve --demo`: in the serve image it loads the demo catalog but
# cannot assess it (no git), in the crawler image every entry is assessed (git and
# `commons assess-worker` in the read-only container). As root; loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v buildah >/dev/null || { echo "image-smoke-test: buildah is not installed (apt-get install buildah)" >&2; exit 2; }
B=(buildah --storage-driver "${BUILDAH_STORAGE_DRIVER:-vfs}")
VERSION=$(target/static/commons --version 2>/dev/null | awk '{print $2}') || true
KIND=${1:-serve}
IMAGE=localhost/commons-$KIND:${VERSION:-0.1.0}
"${B[@]}" inspect --type image "$IMAGE" >/dev/null 2>&1 || deploy/build-image.sh "$KIND"
CONFIG=$("${B[@]}" inspect --type image "$IMAGE" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["OCIv1"]["config"]))')
field() { python3 -c "import json,sys; c=json.loads(sys.argv[1]); print(eval(sys.argv[2]))" "$CONFIG" "$1"; }
USERSPEC=$(field 'c["User"]')
mapfile -t ENVS < <(field '"\n".join(c["Env"])')
ENTRY=$(field '" ".join(c["Entrypoint"])')
echo "image: $IMAGE, user $USERSPEC, entrypoint $ENTRY, volumes $(field 'list(c.get("Volumes", {}))')"

CTR=$("${B[@]}" from "$IMAGE")
ROOT=$("${B[@]}" mount "$CTR")
DATA=$(mktemp -d)
chown "$USERSPEC" "$DATA"
PORT=${PORT:-$((20000 + RANDOM % 20000))}
PID=
cleanup() {
    [ -n "$PID" ] && stop
    "${B[@]}" umount "$CTR" >/dev/null 2>&1 || true
    "${B[@]}" rm "$CTR" >/dev/null 2>&1 || true
    rm -rf "$DATA"
}
trap cleanup EXIT
# The mount points a runtime makes in the container's filesystem (not in the image).
mkdir -p "$ROOT/proc" "$ROOT/dev"
touch "$ROOT/etc/hosts" "$ROOT/etc/resolv.conf"

start() { # ARGS...: runs the entrypoint with ARGS in the read-only root; output to $DATA.log
    unshare --mount --fork --kill-child bash -c '
        set -e
        R=$1 D=$2; shift 2
        mount --bind "$R" "$R"
        mount -o remount,bind,ro "$R"
        mount -t tmpfs -o size=64m,mode=1777 tmpfs "$R/tmp"
        mount --bind "$D" "$R/data"
        mount -t proc proc "$R/proc"
        mount --bind /dev "$R/dev"
        mount --bind /etc/hosts "$R/etc/hosts"
        mount --bind /etc/resolv.conf "$R/etc/resolv.conf"
        if touch "$R/probe" 2>/dev/null; then echo "root: writable"; exit 1; fi
        echo "root: read-only"
        exec "$@"' _ "$ROOT" "$DATA" \
        env -i "${ENVS[@]}" "COMMONS_LISTEN=127.0.0.1:$PORT" \
        /usr/sbin/chroot --userspec="$USERSPEC" "$ROOT" $ENTRY "$@" >"$DATA.log" 2>&1 &
    PID=$!
    for _ in $(seq 600); do
        curl -sf --max-time 2 "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && return 0
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    cat "$DATA.log" >&2
    return 1
}
# unshare ignores SIGTERM while it waits: stop its child, the server, which ends it.
stop() {
    local child
    child=$(pgrep -P "$PID" || true)
    [ -n "$child" ] && kill $child
    wait "$PID" 2>/dev/null || true
    PID=
}

start serve
echo "healthz: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")"
echo "readyz: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")"
uid=$(ps -o uid= -p "$(pgrep -P "$PID")" | tr -d ' ')
echo "process uid: $uid"
[ "$uid" = "${USERSPEC%%:*}" ] || { echo "not running as ${USERSPEC%%:*}" >&2; exit 1; }
grep -E '^(root|Commons is serving)' "$DATA.log"
ls "$DATA" | tr '\n' ' ' | sed 's/^/volume: /; s/$/\n/'
[ -f "$DATA/commons.db" ] || { echo "no catalog in the volume" >&2; exit 1; }
stop

rm -rf "${DATA:?}"/*
start serve --demo
grep -E '^(Loaded|Commons is serving)' "$DATA.log"
if [ "$KIND" = serve ]; then
    grep -q 'needs git' "$DATA.log" || { echo "demo: expected a warning that git is missing" >&2; exit 1; }
    echo "demo: not assessed in this image, as expected: no git"
else
    # git and `commons assess-worker` (the binary re-executed) inside the read-only image.
    grep -q '^Loaded the demo catalog: 45 entries, 45 assessed' "$DATA.log" \
        || { echo "demo: not every entry was assessed in the crawler image" >&2; cat "$DATA.log" >&2; exit 1; }
    echo "demo: git $(chroot "$ROOT" git --version | awk '{print $3}') in the image; every entry assessed"
fi
stop
rm -f "$DATA.log"
echo "image smoke test passed"
