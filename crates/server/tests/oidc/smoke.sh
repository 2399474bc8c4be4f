#!/usr/bin/env bash
# Smoke test of the test OpenID provider (provider.mjs), no Rust involved:
# starts it twice on free loopback ports (once with ISSUER = its own address,
# once with ISSUER naming another port, as behind the tests' proxy), runs the
# authorization-code flow with PKCE by hand (python3 standard library only),
# checks the ID token (signature included), userinfo, SSO, RP-initiated
# logout and a few refusals. Prints PASS or FAIL; exit status 0 on success.
# Needs `npm ci` in this directory first.
set -uo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules/oidc-provider ]; then
  echo "FAIL: node_modules missing; run npm ci in $(pwd)"
  exit 1
fi

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start NAME PORT [ISSUER [ID_TOKEN_TTL]]: starts a provider, waits for its "ready" line.
start() {
  local name=$1 port=$2 issuer=${3:-} ttl=${4:-}
  local t0 t1
  t0=$(date +%s%N)
  PORT=$port ISSUER=$issuer ID_TOKEN_TTL=$ttl CLIENT_SECRET=s3cret \
    REDIRECT_URIS=http://127.0.0.1:47012/auth/callback,http://127.0.0.1:47012/other \
    POST_LOGOUT_REDIRECT_URIS=http://127.0.0.1:47012/ \
    node provider.mjs >"$tmp/$name.out" 2>"$tmp/$name.err" &
  pids+=($!)
  for _ in $(seq 1 200); do
    if grep -q '^ready ' "$tmp/$name.out" 2>/dev/null; then
      t1=$(date +%s%N)
      echo "$name: $(cat "$tmp/$name.out") after $(( (t1 - t0) / 1000000 )) ms"
      return 0
    fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then break; fi
    sleep 0.05
  done
  echo "FAIL: provider $name did not become ready"; cat "$tmp/$name.err"
  return 1
}

p1=$(free_port)
start direct "$p1" || exit 1
p2=$(free_port)
p3=$(free_port)
start proxied "$p2" "http://127.0.0.1:$p3/" 120 || exit 1

python3 - "$p1" "$p2" "$p3" <<'PY'
import base64, hashlib, json, re, secrets, sys, urllib.error, urllib.parse, urllib.request
from http.cookiejar import CookieJar

p1, p2, p3 = sys.argv[1:4]
CALLBACK = "http://127.0.0.1:47012/auth/callback"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("  ok:", what)


class Browser:
    """A cookie jar and no automatic redirects; `dial` maps the issuer's
    origin to the address the provider listens on (what the proxy does)."""

    def __init__(self, issuer, listen):
        self.issuer, self.listen = issuer, listen
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, url, data=None, headers=None):
        assert url.startswith(self.issuer + "/"), url
        url = self.listen + url[len(self.issuer):]
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data).encode()
        req = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            resp = self.opener.open(req)
        except urllib.error.HTTPError as err:
            resp = err
        return resp.status, resp.headers, resp.read().decode()

    def cookies(self):
        return sorted(f"{c.name}@{c.path}" for c in self.jar)


def verify_rs256(token, jwks):
    head, payload, sig = token.split(".")
    header = json.loads(unb64url(head))
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    n = int.from_bytes(unb64url(key["n"]), "big")
    e = int.from_bytes(unb64url(key["e"]), "big")
    k = (n.bit_length() + 7) // 8
    em = pow(int.from_bytes(unb64url(sig), "big"), e, n).to_bytes(k, "big")
    digest_info = bytes.fromhex("3031300d060960864801650304020105000420") + hashlib.sha256(f"{head}.{payload}".encode()).digest()
    expected = b"\x00\x01" + b"\xff" * (k - 3 - len(digest_info)) + b"\x00" + digest_info
    return header, em == expected


def authorize(b, conf, state, nonce, verifier, extra=None):
    challenge = b64url(hashlib.sha256(verifier.encode()).digest())
    params = {
        "client_id": "commons", "redirect_uri": CALLBACK, "response_type": "code",
        "scope": "openid email profile", "state": state, "nonce": nonce,
        "code_challenge": challenge, "code_challenge_method": "S256", **(extra or {}),
    }
    return b.request(conf["authorization_endpoint"] + "?" + urllib.parse.urlencode(params))


def callback_params(location):
    check(location.startswith(CALLBACK + "?"), f"redirected to the callback: {location}")
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))


def token(b, conf, code, verifier, basic=True, secret="s3cret"):
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": CALLBACK, "code_verifier": verifier}
    headers = {"Accept": "application/json"}
    if basic:
        headers["Authorization"] = "Basic " + base64.b64encode(f"commons:{secret}".encode()).decode()
    else:
        form.update(client_id="commons", client_secret=secret)
    status, _, body = b.request(conf["token_endpoint"], form, headers)
    return status, json.loads(body)


def flow(issuer, listen, id_token_ttl):
    print(f"issuer {issuer}, listening at {listen}")
    b = Browser(issuer, listen)
    status, _, body = b.request(issuer + "/.well-known/openid-configuration")
    conf = json.loads(body)
    check(status == 200 and conf["issuer"] == issuer, "discovery names the issuer")
    for name in ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri", "end_session_endpoint"):
        check(conf.get(name, "").startswith(issuer + "/"), f"{name} = {conf.get(name)}")
    check("S256" in conf["code_challenge_methods_supported"], "S256 PKCE supported")
    check({"openid", "email", "profile"} <= set(conf["scopes_supported"]), f"scopes {conf['scopes_supported']}")
    check({"client_secret_basic", "client_secret_post"} <= set(conf["token_endpoint_auth_methods_supported"]), "client_secret_basic and _post")
    _, _, body = b.request(conf["jwks_uri"])
    jwks = json.loads(body)

    # 1. Authorization request -> login page.
    state, nonce, verifier = secrets.token_urlsafe(16), secrets.token_urlsafe(16), secrets.token_urlsafe(48)
    status, headers, _ = authorize(b, conf, state, nonce, verifier)
    location = headers["Location"]
    check(status == 303 and re.fullmatch(re.escape(issuer) + r"/interaction/[A-Za-z0-9_-]+", location), f"303 to {location}")
    print("  cookies:", b.cookies())
    status, _, page = b.request(location)
    check(status == 200, "login page 200")
    for needle in ('<label for=email>E-mail</label>', 'name=email', '<label for=name>Name</label>', 'name=name', '>Sign in</button>'):
        check(needle in page, f"login page has {needle}")
    action = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
    check(action == location + "/login", f"form posts to {action}")

    # 2. Login -> resume -> callback.
    status, headers, page = b.request(action, {"email": "not an address", "name": "<b>"})
    check(status == 400 and "&#60;b&#62;" in page and "<b>" not in page, "bad e-mail re-renders the form, escaped")
    status, headers, _ = b.request(action, {"email": "  Alice@Example.org ", "name": "Alice"})
    resume = headers["Location"]
    check(status == 303 and resume.startswith(issuer + "/auth/"), f"login 303 to {resume}")
    status, headers, _ = b.request(resume)
    check(status == 303, "resume 303")
    print("  cookies:", b.cookies())
    params = callback_params(headers["Location"])
    check(params["state"] == state and params.get("iss") == issuer, "state and iss in the callback")

    # 3. Token exchange (client_secret_basic, PKCE).
    status, tokens = token(b, conf, params["code"], "wrong-" + verifier)
    check(status == 400 and tokens["error"] == "invalid_grant", f"wrong code_verifier refused: {tokens}")
    # Fresh code through the SSO session (whatever the refusal did to the first one).
    status, headers, _ = authorize(b, conf, state, nonce, verifier)
    params = callback_params(headers["Location"])
    check(status == 303, "second authorization: straight back to the callback (SSO session, no login page)")
    status, tokens = token(b, conf, params["code"], verifier, secret="wrong")
    check(status == 401 and tokens["error"] == "invalid_client", "wrong client secret refused")
    status, tokens = token(b, conf, params["code"], verifier)
    check(status == 200 and tokens["token_type"].lower() == "bearer", "token response 200")
    header, valid = verify_rs256(tokens["id_token"], jwks)
    check(header["alg"] == "RS256" and valid, "ID token RS256 signature verifies with the JWKS")
    claims = json.loads(unb64url(tokens["id_token"].split(".")[1]))
    print("  id_token:", json.dumps(claims, sort_keys=True))
    sub = "acct-" + hashlib.sha256(b"alice@example.org").hexdigest()[:16]
    check(claims["iss"] == issuer and claims["aud"] == "commons" and claims["nonce"] == nonce, "iss, aud, nonce")
    check(claims["exp"] - claims["iat"] == id_token_ttl, f"ID token lifetime {id_token_ttl} s")
    check(claims["sub"] == sub and claims["email"] == "alice@example.org" and claims["email_verified"] is True and claims["name"] == "Alice", "sub, email, email_verified, name")
    status, _, body = b.request(conf["userinfo_endpoint"], headers={"Authorization": "Bearer " + tokens["access_token"]})
    info = json.loads(body)
    check(status == 200 and info == {"sub": sub, "email": "alice@example.org", "email_verified": True, "name": "Alice"}, f"userinfo {info}")

    # Replaying a code is refused, and revokes what the code gave (the library's replay defence).
    status, tokens2 = token(b, conf, params["code"], verifier)
    check(status == 400 and tokens2["error"] == "invalid_grant", "code is single use")
    status, _, body = b.request(conf["userinfo_endpoint"], headers={"Authorization": "Bearer " + tokens["access_token"]})
    check(status == 401, "the replay revoked the access token")

    # 4. client_secret_post works as well (fresh code through the SSO session).
    status, headers, _ = authorize(b, conf, "s2", "n2", verifier)
    params = callback_params(headers["Location"])
    status, tokens3 = token(b, conf, params["code"], verifier, basic=False)
    check(status == 200 and "id_token" in tokens3, "client_secret_post accepted")

    # 5. prompt=consent: the consent interaction grants itself, no page shown.
    status, headers, _ = authorize(b, conf, "s5", "n5", verifier, {"prompt": "consent"})
    check(status == 303 and "/interaction/" in headers["Location"], "prompt=consent starts an interaction")
    status, headers, _ = b.request(headers["Location"])
    check(status == 303 and headers["Location"].startswith(issuer + "/auth/"), "consent given without a page")
    status, headers, _ = b.request(headers["Location"])
    params = callback_params(headers["Location"])
    status, t = token(b, conf, params["code"], verifier)
    check(status == 200 and json.loads(unb64url(t["id_token"].split(".")[1]))["email"] == "alice@example.org", "tokens after prompt=consent")

    status, headers, _ = authorize(b, conf, "s6", "n6", verifier, {"prompt": "login"})
    check(status == 303 and "/interaction/" in headers["Location"], "prompt=login: login page again")
    status, _, page = b.request(headers["Location"])
    check(status == 200 and ">Sign in</button>" in page, "prompt=login page")

    # 6. RP-initiated logout, then the next authorization asks for a login again.
    q = urllib.parse.urlencode({"id_token_hint": tokens["id_token"], "post_logout_redirect_uri": "http://127.0.0.1:47012/", "state": "bye"})
    status, _, page = b.request(conf["end_session_endpoint"] + "?" + q)
    check(status == 200 and 'id="op.logoutForm"' in page, "logout confirmation page")
    form_action = re.search(r'<form id="op.logoutForm" method="post" action="([^"]+)"', page).group(1)
    xsrf = re.search(r'name="xsrf" value="([^"]+)"', page).group(1)
    check(form_action == issuer + "/session/end/confirm", f"logout form posts to {form_action}")
    status, headers, _ = b.request(form_action, {"xsrf": xsrf, "logout": "yes"})
    check(status == 303 and headers["Location"] == "http://127.0.0.1:47012/?state=bye", f"logout 303 to {headers['Location']}")
    status, headers, _ = authorize(b, conf, "s3", "n3", verifier)
    check(status == 303 and "/interaction/" in headers["Location"], "after logout: login page again")

    # 7. A user who leaves the name empty is named after the e-mail's local part.
    b2 = Browser(issuer, listen)
    status, headers, _ = authorize(b2, conf, "s4", "n4", verifier)
    status, _, page = b2.request(headers["Location"])
    action = re.search(r'<form method="post" action="([^"]+)"', page).group(1)
    status, headers, _ = b2.request(action, {"email": "Bob@Example.org", "name": ""})
    status, headers, _ = b2.request(headers["Location"])
    params = callback_params(headers["Location"])
    status, t = token(b2, conf, params["code"], verifier)
    c = json.loads(unb64url(t["id_token"].split(".")[1]))
    check(c["name"] == "bob" and c["email"] == "bob@example.org", "empty name -> local part")


try:
    flow(f"http://127.0.0.1:{p1}", f"http://127.0.0.1:{p1}", 3600)
    flow(f"http://127.0.0.1:{p3}", f"http://127.0.0.1:{p2}", 120)
except Exception as err:
    print("FAIL:", repr(err))
    sys.exit(1)
PY
status=$?

for name in direct proxied; do
  if [ "$(wc -l <"$tmp/$name.out")" != 1 ]; then
    echo "FAIL: $name printed more than the ready line on stdout:"; cat "$tmp/$name.out"; status=1
  fi
  if [ -s "$tmp/$name.err" ]; then echo "$name stderr:"; sed 's/^/  /' "$tmp/$name.err"; fi
done

# SIGTERM ends the providers cleanly (exit status 0).
for pid in "${pids[@]}"; do
  kill -TERM "$pid"
  wait "$pid" || { echo "FAIL: provider $pid exited with $?"; status=1; }
done
pids=()

if [ "$status" = 0 ]; then echo PASS; else echo FAIL; fi
exit "$status"
