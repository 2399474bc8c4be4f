#!/usr/bin/env bash
# Builds the Commons container images from deploy/Containerfile with the first builder that
# works here: buildah, podman or docker. Needs the static binary (scripts/build-static.sh; run
# it first, or pass --build-binary).
#
#   deploy/build-image.sh [--build-binary] [--local-debian-base] [serve|crawler|all]  (default: all)
#
# --local-debian-base: where no base image can be pulled, make the crawler's from Debian packages
# instead: mmdebstrap (installed with apt-get when missing) builds a minbase bookworm root with
# git and ca-certificates through apt and this machine's package sources, imported as
# localhost/commons-debian-base:bookworm (needs podman or docker for the import). Otherwise
# CRAWLER_BASE=IMAGE names the base; default debian:bookworm-slim.
#
# Images: commons-serve:VERSION (FROM scratch; nothing is pulled) and commons-crawler:VERSION
# (Debian slim with git; its base is pulled from a registry unless --local-debian-base). As root
# without a container daemon, buildah and podman are run with the vfs storage driver and chroot
# isolation, which need no overlay, fuse or user namespaces (BUILDAH_STORAGE_DRIVER /
# BUILDAH_ISOLATION override).
# Says plainly which image could not be built and why, and exits non-zero then.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCAL_BASE=
while [ $# -gt 0 ]; do
    case "$1" in
        --build-binary) scripts/build-static.sh ;;
        --local-debian-base) LOCAL_BASE=1 ;;
        -*) echo "build-image: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
    shift
done
WHICH=${1:-all}
BIN=target/static/commons
if [ ! -x "$BIN" ]; then
    echo "build-image: no static binary at $BIN: run scripts/build-static.sh first" >&2
    exit 2
fi
if ! file "$BIN" | grep -q 'statically linked\|static-pie linked'; then
    echo "build-image: $BIN is not statically linked" >&2
    exit 2
fi

# The tag: the binary's version (`commons --version` prints "commons 0.1.0"), as the manifests
# in deploy/kubernetes name it.
VERSION=$("$BIN" --version | awk '{print $2}')
CTX=target/image-context
rm -rf "$CTX"
ROOT="$CTX/rootfs"
mkdir -p "$ROOT/etc/ssl/certs" "$ROOT/tmp" "$ROOT/usr/local/bin" "$CTX/data"
# The image's /tmp: sticky and open to all, as everywhere (a read-only root needs a tmpfs there).
chmod 1777 "$ROOT/tmp"
install -m 0755 "$BIN" "$ROOT/usr/local/bin/commons"
install -m 0644 deploy/image/passwd deploy/image/group deploy/image/nsswitch.conf "$ROOT/etc/"
CA=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
if [ -f "$CA" ]; then
    install -m 0644 "$CA" "$ROOT/etc/ssl/certs/ca-certificates.crt"
else
    echo "build-image: no CA bundle at $CA (install ca-certificates or set CA_BUNDLE)" >&2
    exit 2
fi

builder=
for tool in buildah podman docker; do
    command -v "$tool" >/dev/null 2>&1 || continue
    case "$tool" in
        docker) docker info >/dev/null 2>&1 || { echo "build-image: docker client found, but no Docker engine answers"; continue; } ;;
    esac
    builder=$tool
    break
done
if [ -z "$builder" ]; then
    echo "build-image: could not build: none of buildah, podman or a running Docker engine is here" >&2
    echo "build-image: (on Debian: apt-get install buildah)" >&2
    exit 1
fi

build() {
    local target=$1
    case "$builder" in
        buildah)
            buildah --storage-driver "${BUILDAH_STORAGE_DRIVER:-vfs}" bud \
                --isolation "${BUILDAH_ISOLATION:-chroot}" --layers=false \
                --build-arg "CRAWLER_BASE=$CRAWLER_BASE" \
                -f deploy/Containerfile --target "$target" -t "commons-$target:$VERSION" "$CTX" ;;
        podman)
            podman --storage-driver "${BUILDAH_STORAGE_DRIVER:-vfs}" build \
                --isolation "${BUILDAH_ISOLATION:-chroot}" --build-arg "CRAWLER_BASE=$CRAWLER_BASE" \
                -f deploy/Containerfile --target "$target" -t "commons-$target:$VERSION" "$CTX" ;;
        docker)
            docker build --build-arg "CRAWLER_BASE=$CRAWLER_BASE" -f deploy/Containerfile --target "$target" -t "commons-$target:$VERSION" "$CTX" ;;
    esac
}

CRAWLER_BASE=${CRAWLER_BASE:-debian:bookworm-slim}
if [ -n "$LOCAL_BASE" ] && { [ "$WHICH" = all ] || [ "$WHICH" = crawler ]; }; then
    CRAWLER_BASE=localhost/commons-debian-base:bookworm
    if ! command -v mmdebstrap >/dev/null 2>&1; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
    fi
    sources=()
    for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
        [ -s "$f" ] && grep -qs 'bookworm' "$f" && sources+=("$f")
    done
    [ ${#sources[@]} -gt 0 ] || { echo "build-image: no bookworm apt sources on this machine" >&2; exit 1; }
    mkdir -p target/debian-base
    echo "build-image: making $CRAWLER_BASE with mmdebstrap from ${sources[*]}"
    nice mmdebstrap --variant=minbase --mode=root --include=ca-certificates,git \
        --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
        --dpkgopt='path-exclude=/usr/share/locale/*' \
        bookworm target/debian-base/rootfs.tar "${sources[@]}" >target/debian-base/mmdebstrap.log 2>&1 \
        || { cat target/debian-base/mmdebstrap.log >&2; exit 1; }
    case "$builder" in
        buildah | podman)
            command -v podman >/dev/null || { echo "build-image: importing the base needs podman (apt-get install podman)" >&2; exit 1; }
            podman --storage-driver "${BUILDAH_STORAGE_DRIVER:-vfs}" import \
                --change 'CMD ["/bin/bash"]' target/debian-base/rootfs.tar "$CRAWLER_BASE" >/dev/null ;;
        docker) docker import target/debian-base/rootfs.tar "$CRAWLER_BASE" >/dev/null ;;
    esac
    echo "build-image: imported $CRAWLER_BASE ($(du -h target/debian-base/rootfs.tar | cut -f1) uncompressed)"
fi

failed=
for target in serve crawler; do
    [ "$WHICH" = all ] || [ "$WHICH" = "$target" ] || continue
    echo "build-image: building commons-$target:$VERSION with $builder"
    if build "$target"; then
        echo "build-image: built commons-$target:$VERSION"
    else
        echo "build-image: could not build commons-$target:$VERSION (see the output above)" >&2
        failed=1
    fi
done
[ -z "$failed" ]
