#!/usr/bin/env python3
"""Mixed hostile and ordinary traffic against one `commons serve` on loopback, for bench/soak.sh.

Usage: soak.py BASE_URL SERVER_PID SECONDS REPORT_JSON

Threads, each bounded by the deadline: readers (searches in six languages, pages), validators
(ordinary files and hostile ones: an alias bomb, deep nesting, 100k keys, a megabyte of
newlines), webhook senders (bad signatures, oversized bodies), slow clients (headers trickled,
answers never read). RSS of the server is sampled every 5 s from /proc. Only loopback is
contacted. Writes a JSON report: counts by kind and status, unexpected 5xx, latency
percentiles of the ordinary requests, RSS samples, and whether the server still answered at
the end.
"""

import http.client
import json
import os
import random
import socket
import sys
import threading
import time
import urllib.parse

BASE = urllib.parse.urlsplit(sys.argv[1])
HOST, PORT = BASE.hostname, BASE.port
PID = int(sys.argv[2])
SECONDS = float(sys.argv[3])
REPORT = sys.argv[4]
DEADLINE = time.monotonic() + SECONDS

QUERIES = [
    "case management", "health", "vaccination", "logistics", "education", "census",
    "gestion de cas", "salud", "здоровье", "健康", "إدارة الحالات", "finanzas", "managment",
    "offline data collection", "customs", "water",
]
PAGES = ["/", "/software", "/organisations", "/validate", "/about", "/status", "/licenses"]
LANGS = ["ar", "zh", "en", "fr", "ru", "es"]

EXAMPLE = open("docs/examples/publiccode.yml", "rb").read()
HOSTILE = {
    "alias-bomb": b'a: &a "' + b"x" * 200_000 + b'"\nb: [' + b"*a, " * 70_000 + b"*a]\n",
    "deep-nesting": b"- " * 20_000 + b"x\n",
    "many-keys": b"".join(b"k%d: v\n" % i for i in range(105_000))[: 1024 * 1024 - 1],
    "newlines": b"\n" * (1024 * 1024 - 1),
}

lock = threading.Lock()
counts = {}
unexpected = []
latencies = []


def record(kind, status, elapsed, expected):
    with lock:
        key = f"{kind} {status}"
        counts[key] = counts.get(key, 0) + 1
        if kind in ("search", "page"):
            latencies.append(elapsed)
        if status not in expected and len(unexpected) < 50:
            unexpected.append({"kind": kind, "status": status})


def request(method, path, body=None, headers=None, timeout=60):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    started = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    except (OSError, http.client.HTTPException):
        return "error", time.monotonic() - started
    finally:
        conn.close()


def reader(seed):
    rng = random.Random(seed)
    while time.monotonic() < DEADLINE:
        if rng.random() < 0.6:
            q = urllib.parse.quote(rng.choice(QUERIES))
            status, elapsed = request("GET", f"/api/v1/software?q={q}&lang={rng.choice(LANGS)}")
            record("search", status, elapsed, {200})
        else:
            status, elapsed = request("GET", f"{rng.choice(PAGES)}?lang={rng.choice(LANGS)}")
            record("page", status, elapsed, {200})


def validator(seed):
    rng = random.Random(seed)
    while time.monotonic() < DEADLINE:
        name, body = ("example", EXAMPLE) if rng.random() < 0.5 else rng.choice(list(HOSTILE.items()))
        status, _ = request("POST", "/api/v1/validate", body=body,
                            headers={"Content-Type": "application/yaml"})
        # 503: every validation slot busy, said with Retry-After; an intended answer.
        record(f"validate-{name}", status, 0, {200, 422, 503})


def hooks(seed):
    """Deliveries as a forge and as an attacker would send them: the soak publisher's good
    secret with fresh delivery ids (a recrawl each), replays of those ids, wrong secrets, and
    oversized bodies (refused from their length)."""
    rng = random.Random(seed)
    secret = os.environ.get("SOAK_HOOK_SECRET", "")
    repos = int(os.environ.get("SOAK_REPOS", "1"))
    git_base = os.environ.get("SOAK_GIT_BASE", "http://127.0.0.1:1")
    sent_ids = []
    while time.monotonic() < DEADLINE:
        roll = rng.random()
        repo = f"{git_base}/s{rng.randint(1, repos):03d}.git"
        payload = json.dumps({"object_kind": "push", "project": {"web_url": repo}}).encode()
        if secret and roll < 0.4:
            delivery = f"soak-{seed}-{len(sent_ids)}"
            status, _ = request("POST", "/api/v1/hooks/gitlab", body=payload,
                                headers={"X-Gitlab-Token": secret, "X-Gitlab-Event-UUID": delivery,
                                         "Content-Type": "application/json"})
            sent_ids.append(delivery)
            # 503: the recrawl queue is full, said with Retry-After; an intended answer.
            record("hook-good", status, 0, {202, 503})
        elif secret and roll < 0.6 and sent_ids:
            status, _ = request("POST", "/api/v1/hooks/gitlab", body=payload,
                                headers={"X-Gitlab-Token": secret,
                                         "X-Gitlab-Event-UUID": rng.choice(sent_ids),
                                         "Content-Type": "application/json"})
            # A replay of a delivery the queue turned away is acted on, as the forge's retry.
            record("hook-replay", status, 0, {200, 202, 503})
        elif roll < 0.8:
            status, _ = request("POST", "/api/v1/hooks/gitlab", body=payload,
                                headers={"X-Gitlab-Token": "wrong", "Content-Type": "application/json"})
            record("hook-bad-token", status, 0, {401})
        else:
            status, _ = request("POST", "/api/v1/hooks/github/soak", body=b"{" * (2 * 1024 * 1024),
                                headers={"X-Hub-Signature-256": "sha256=00", "Content-Type": "application/json"})
            record("hook-oversized", status, 0, {401, 413, "error"})
        time.sleep(0.05)


def slow_client(seed):
    """Holds connections the way an attacker would: trickled headers, answers never read."""
    rng = random.Random(seed)
    while time.monotonic() < DEADLINE:
        s = socket.create_connection((HOST, PORT), timeout=30)
        try:
            if rng.random() < 0.5:
                s.sendall(b"GET / HTTP/1.1\r\n")
                for i in range(20):
                    if time.monotonic() >= DEADLINE:
                        break
                    time.sleep(1)
                    s.sendall(f"X-Slow-{i}: y\r\n".encode())
                record("slow-headers", "held", 0, {"held"})
            else:
                s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                for _ in range(200):
                    s.sendall(b"GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n")
                time.sleep(min(15, max(0, DEADLINE - time.monotonic())))
                record("never-reads", "held", 0, {"held"})
        except OSError:
            record("slow-client", "cut", 0, {"cut"})
        finally:
            s.close()


def rss_kib():
    try:
        with open(f"/proc/{PID}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def sampler(samples):
    while time.monotonic() < DEADLINE:
        samples.append((round(SECONDS - (DEADLINE - time.monotonic())), rss_kib()))
        time.sleep(5)


def main():
    samples = []
    threads = [threading.Thread(target=sampler, args=(samples,))]
    threads += [threading.Thread(target=reader, args=(i,)) for i in range(6)]
    threads += [threading.Thread(target=validator, args=(100 + i,)) for i in range(3)]
    threads += [threading.Thread(target=hooks, args=(200,))]
    threads += [threading.Thread(target=slow_client, args=(300 + i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    final_status, _ = request("GET", "/healthz", timeout=10)
    ordered = sorted(latencies)

    def pct(p):
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1) if ordered else None

    rss = [kib for _, kib in samples if kib]
    half = len(rss) // 2
    report = {
        "seconds": SECONDS,
        "counts": dict(sorted(counts.items())),
        "unexpected": unexpected,
        "latency_ms": {"p50": pct(0.50), "p99": pct(0.99), "max": pct(1.0), "n": len(ordered)},
        "rss_kib": samples,
        "rss_mib_first_half_max": round(max(rss[:half]) / 1024, 1) if half else None,
        "rss_mib_second_half_max": round(max(rss[half:]) / 1024, 1) if rss else None,
        "alive_at_end": final_status == 200,
    }
    with open(REPORT, "w") as out:
        json.dump(report, out, indent=1)
    print(json.dumps({k: v for k, v in report.items() if k != "rss_kib"}, indent=1))
    return 0 if report["alive_at_end"] and not unexpected else 1


if __name__ == "__main__":
    sys.exit(main())
