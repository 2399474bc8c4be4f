// A real OpenID Connect provider for the Commons server's sign-in tests.
// Test-only: in-memory state, one confidential client, a login page that
// trusts whatever e-mail address is typed. See README.md.

import * as crypto from 'node:crypto';
import * as http from 'node:http';

// The library prints development notices on stdout and a few start-up
// warnings (in-memory adapter, Node 20 not being its preferred LTS) on
// stderr. stdout carries only the "ready" line; the known noise is dropped
// and everything else goes to stderr.
const NOISE = [
  /^oidc-provider NOTICE: /,
  /^oidc-provider WARNING: Unsupported runtime/,
  /^oidc-provider WARNING: a quick start development-only in-memory adapter/,
];
const toStderr = (...args) => {
  const text = args.map(String).join(' ');
  if (!NOISE.some((re) => re.test(text))) process.stderr.write(`${text}\n`);
};
console.log = toStderr;
console.info = toStderr;
console.warn = toStderr;

const { default: Provider } = await import('oidc-provider');

function fail(message) {
  process.stderr.write(`provider.mjs: ${message}\n`);
  process.exit(2);
}

function list(value) {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

const env = process.env;
const port = Number(env.PORT);
if (!Number.isInteger(port) || port <= 0 || port > 65535) fail('PORT must be a TCP port number');
const issuerUrl = URL.parse(env.ISSUER || `http://127.0.0.1:${port}`);
if (!issuerUrl || !['http:', 'https:'].includes(issuerUrl.protocol)) fail('ISSUER must be an http(s) URL');
if (issuerUrl.pathname !== '/' || issuerUrl.search || issuerUrl.hash) fail('ISSUER must not have a path, query or fragment');
const issuer = issuerUrl.origin; // no trailing slash
if (!env.CLIENT_SECRET) fail('CLIENT_SECRET is required');
const redirectUris = list(env.REDIRECT_URIS);
if (!redirectUris.length) fail('REDIRECT_URIS is required (comma-separated)');
const postLogoutRedirectUris = list(env.POST_LOGOUT_REDIRECT_URIS);
let idTokenTtl;
if (env.ID_TOKEN_TTL) {
  idTokenTtl = Number(env.ID_TOKEN_TTL);
  if (!Number.isSafeInteger(idTokenTtl) || idTokenTtl <= 0) fail('ID_TOKEN_TTL must be a positive number of seconds');
}

// Accounts seen at the login page: account id (the ID token's sub) -> claims.
const accounts = new Map();
function accountIdFor(email) {
  return `acct-${crypto.createHash('sha256').update(email).digest('hex').slice(0, 16)}`;
}

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), alg: 'RS256', use: 'sig',
};

const provider = new Provider(issuer, {
  clients: [{
    client_id: env.CLIENT_ID || 'commons',
    client_secret: env.CLIENT_SECRET,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutRedirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    // client_secret_post is accepted as well: the library treats the two alike.
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
  scopes: ['openid'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // Put the scopes' claims in the ID token too, not only at the userinfo endpoint.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: { enabled: true, logoutSource },
  },
  ...(idTokenTtl ? { ttl: { IdToken: idTokenTtl } } : {}),
  interactions: { url: (ctx, interaction) => `${issuer}/interaction/${interaction.uid}` },
  async findAccount(ctx, id) {
    const claims = accounts.get(id);
    if (!claims) return undefined;
    return { accountId: id, claims: () => ({ sub: id, ...claims }) };
  },
  // No consent screen: the client gets whatever it asks for.
  async loadExistingGrant(ctx) {
    const { oidc } = ctx;
    const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
    let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
    if (!grant || grant.accountId !== oidc.session.accountId) {
      grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
    }
    grant.addOIDCScope(['openid', ...oidc.requestParamOIDCScopes].join(' '));
    const claims = [...oidc.requestParamClaims];
    if (claims.length) grant.addOIDCClaims(claims);
    await grant.save();
    return grant;
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Error', Object.entries(out)
      .map(([k, v]) => `<p><strong>${esc(k)}</strong>: ${esc(v)}</p>`).join(''));
  },
});
// URLs the provider issues derive from the request's host and scheme; the
// handler below makes them the ISSUER's whatever address the request came to.
provider.proxy = true;

for (const event of ['server_error', 'authorization.error', 'grant.error', 'end_session.error',
  'userinfo.error', 'discovery.error', 'jwks.error', 'check_session.error']) {
  provider.on(event, (ctx, err) => {
    process.stderr.write(`oidc ${event}: ${err.name}: ${err.message}${err.error_description ? ` (${err.error_description})` : ''}${err.error_detail ? ` [${err.error_detail}]` : ''}\n`);
  });
}

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>`
    + `<body><main><h1>${esc(title)}</h1>${body}</main></body></html>\n`;
}

async function logoutSource(ctx, form) {
  ctx.type = 'html';
  ctx.body = page('Sign out', `${form}<p>Sign out from ${esc(issuerUrl.host)}?</p>`
    + '<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button> '
    + '<button type="submit" form="op.logoutForm">No, stay signed in</button>');
}

function loginPage(uid, { email = '', name = '', error } = {}) {
  return page('Sign in', `${error ? `<p role="alert">${esc(error)}</p>` : ''}`
    + `<form method="post" action="${esc(issuer)}/interaction/${esc(uid)}/login">`
    + `<p><label for=email>E-mail</label> <input id=email name=email type=text value="${esc(email)}" autocomplete=email required></p>`
    + `<p><label for=name>Name</label> <input id=name name=name type=text value="${esc(name)}" autocomplete=name></p>`
    + '<p><button type=submit>Sign in</button></p></form>');
}

function send(res, status, body, type = 'text/html; charset=utf-8') {
  res.writeHead(status, {
    'content-type': type, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 16384) throw new Error('request body too large');
  }
  return new URLSearchParams(body);
}

async function autoConsent(req, res, details) {
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
  grant.addOIDCScope(['openid', ...String(details.params.scope ?? '').split(' ')].filter(Boolean).join(' '));
  const missing = details.prompt.details.missingOIDCClaims;
  if (missing?.length) grant.addOIDCClaims(missing);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) {
    send(res, 400, page('Error', '<p>This sign-in attempt is no longer current.</p>'));
    return;
  }
  if (action === undefined && req.method === 'GET') {
    if (details.prompt.name === 'consent') {
      await autoConsent(req, res, details);
    } else {
      send(res, 200, loginPage(uid));
    }
    return;
  }
  if (action === 'login' && req.method === 'POST' && details.prompt.name === 'login') {
    const form = await readForm(req);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const typedName = (form.get('name') ?? '').trim();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      send(res, 400, loginPage(uid, { email, name: typedName, error: 'Enter an e-mail address.' }));
      return;
    }
    const accountId = accountIdFor(email);
    accounts.set(accountId, { email, email_verified: true, name: typedName || email.split('@')[0] });
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  send(res, 405, page('Error', '<p>Method not allowed.</p>'));
}

const callback = provider.callback();
const server = http.createServer(async (req, res) => {
  // Everything the provider issues (discovery, redirects, cookies' paths)
  // must name the ISSUER, not the address that was dialled.
  req.headers.host = issuerUrl.host;
  req.headers['x-forwarded-host'] = issuerUrl.host;
  req.headers['x-forwarded-proto'] = issuerUrl.protocol.slice(0, -1);
  const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?\/?(?:\?.*)?$/.exec(req.url);
  if (!match) {
    callback(req, res);
    return;
  }
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (err) {
    process.stderr.write(`oidc interaction error: ${err.name}: ${err.message}\n`);
    if (!res.headersSent) {
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
      send(res, status, page('Error', `<p>${esc(err.error_description || err.message)}</p>`));
    } else {
      res.destroy();
    }
  }
});
server.on('clientError', (err, socket) => socket.destroy());
server.on('error', (err) => fail(`cannot listen on 127.0.0.1:${port}: ${err.message}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

// The static client is only checked when first used; check it now.
try {
  await provider.Client.find(env.CLIENT_ID || 'commons');
} catch (err) {
  fail(`invalid client configuration: ${err.error_description || err.message}`);
}

server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
