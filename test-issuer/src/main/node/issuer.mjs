// A Logto-like issuer for integration tests: oidc-provider configured the way Logto
// configures it (see shared/LOGTO.md), mounted under /oidc, on a free loopback port.
//
// Usage: node issuer.mjs CONFIG.json
// CONFIG: { "apps": [{ "id", "secret", "grants": { "<indicator>": ["scope", ...] }, "allowTokenExchange" }],
//           "resources": [{ "indicator", "scopes": [...], "ttl": 3600 }],
//           "organizations": [{ "id", "permissions": [...], "members": { "<app id>": {
//               "permissions": [...], "grants": { "<indicator>": ["scope", ...] } } } }],
//           "users": [{ "id", "personalAccessTokens": [...], "grants": { "<indicator>": ["scope", ...] } }],
//           "signingAlg": "ES384", "customDomain": false }
// A user's "grants" are what the user's roles hold; an app with "allowTokenExchange" exchanges
// the user's personal access tokens for access tokens (RFC 8693, as Logto does).
// An organization member's "permissions" and "grants" are what its organization roles hold:
// organization permissions (for organization tokens) and API resource scopes (for tokens for a
// resource requested with organization_id).
// Prints "ISSUER_READY <endpoint>" once listening, after "CUSTOM_DOMAIN_READY <endpoint>" when
// customDomain asks for a second endpoint. Test-only controls live under /__admin:
//   POST /__admin/rotate {"alg":"RS256","keepOld":true}  new signing key (first in JWKS)
//   POST /__admin/drop-old                                 JWKS keeps only the current key
//   POST /__admin/jwks {"up":false}                        JWKS answers 503 while down
//   POST /__admin/token {"up":false,"delayMs":0}           token endpoint 503 / slowed down
//   POST /__admin/rate-limit {"count":-1,"retryAfter":"30"} the next count token requests (-1: all,
//                                                          0: none) answer 429 with that Retry-After
//   GET  /__admin/stats                                    {"jwksRequests","tokenRequests"}
//   POST /__admin/stats/reset
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';
// The provider's registry of each grant's accepted parameters; Logto adds organization_id to
// client_credentials the same way.
import instance from 'oidc-provider/lib/helpers/weak_cache.js';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function newKey(alg) {
  const options = alg.startsWith('RS')
    ? ['rsa', { modulusLength: 2048 }]
    : ['ec', { namedCurve: { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg] }];
  const { privateKey } = generateKeyPairSync(...options);
  return { ...privateKey.export({ format: 'jwk' }), alg, use: 'sig' };
}

// Logto signs ID tokens with its own key; access tokens use the resource's configured alg.
const idTokenKey = newKey('RS256');
const state = {
  signingAlg: config.signingAlg || 'ES384',
  accessKeys: [newKey(config.signingAlg || 'ES384')],
  jwksUp: true,
  tokenUp: true,
  tokenDelayMs: 0,
  rateLimitCount: 0,
  rateLimitRetryAfter: undefined,
  jwksRequests: 0,
  tokenRequests: 0,
};

const resources = new Map(config.resources.map((r) => [r.indicator, r]));
const apps = new Map(config.apps.map((a) => [a.id, a]));
const organizations = new Map((config.organizations || []).map((o) => [o.id, o]));
const ORGANIZATION_AUDIENCE = 'urn:logto:organization:';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const PERSONAL_ACCESS_TOKEN = 'urn:logto:token-type:personal_access_token';
const usersByToken = new Map((config.users || [])
  .flatMap((u) => (u.personalAccessTokens || []).map((pat) => [pat, u])));

// Logto's message for each OIDC error it wraps (see logto-1.42-observed.json).
const LOGTO_MESSAGES = {
  invalid_target: 'Invalid resource indicator.',
  access_denied: 'Access denied.',
  invalid_client: 'An OIDC error occurred: oidc.invalid_client.',
  invalid_request: 'Request is invalid.',
  invalid_grant: 'Grant request is invalid.',
  unsupported_grant_type: 'Unsupported `grant_type` requested.',
};

// What the app's organization roles hold in the organization the request names; Logto answers
// 403 access_denied for an app that is not a member.
function membership(ctx, client) {
  const id = ctx.oidc.params.organization_id;
  const member = organizations.get(id)?.members?.[client.clientId];
  if (!member) {
    const denied = new errors.AccessDenied('app has not associated with the organization');
    denied.status = 403;
    denied.statusCode = 403;
    throw denied;
  }
  return member;
}

function organizationTokenInfo(ctx, indicator, client) {
  if (indicator !== ORGANIZATION_AUDIENCE + ctx.oidc.params.organization_id) throw new errors.InvalidTarget();
  const organization = organizations.get(ctx.oidc.params.organization_id);
  const granted = (membership(ctx, client).permissions || [])
    .filter((p) => (organization.permissions || []).includes(p));
  return {
    scope: granted.join(' '),
    audience: indicator,
    accessTokenTTL: 3600,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: state.signingAlg } },
  };
}

function resourceTokenInfo(indicator, resource, granted) {
  return {
    scope: granted.filter((s) => resource.scopes.includes(s)).join(' '),
    audience: indicator,
    accessTokenTTL: resource.ttl || 3600,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: state.signingAlg } },
  };
}

// A personal access token exchanged for an access token: sub the user, client_id the app, the
// requested scopes the user's roles hold (others dropped silently, as for client credentials).
// oidc-provider has already refused apps not allowed the grant, as Logto does: 400
// invalid_request "requested grant type is not allowed for this client".
async function tokenExchange(ctx) {
  const { params, client, provider } = ctx.oidc;
  if (params.subject_token_type !== PERSONAL_ACCESS_TOKEN) {
    throw new errors.InvalidRequest('unsupported subject token type');
  }
  const user = usersByToken.get(params.subject_token);
  if (!user) throw new errors.InvalidGrant();
  const resource = resources.get(params.resource);
  if (!resource) throw new errors.InvalidTarget();
  const requested = (params.scope || '').split(' ').filter(Boolean);
  const held = user.grants?.[params.resource] || [];
  const info = resourceTokenInfo(params.resource, resource, requested.filter((s) => held.includes(s)));
  const token = new provider.AccessToken({
    accountId: user.id,
    client,
    grantId: `exchange-${user.id}`,
    scope: info.scope || undefined,
    resourceServer: new provider.ResourceServer(params.resource, info),
  });
  const value = await token.save();
  ctx.body = {
    access_token: value,
    expires_in: token.expiration,
    scope: token.scope || undefined,
    token_type: 'Bearer',
  };
}

function buildProvider(endpoint) {
  const provider = new Provider(`${endpoint}/oidc`, {
    clients: config.apps.map((a) => ({
      client_id: a.id,
      client_secret: a.secret,
      grant_types: a.allowTokenExchange ? ['client_credentials', TOKEN_EXCHANGE] : ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      // As Logto registers its M2M apps; oidc-provider then accepts the secret in the form
      // body (client_secret_post) as well, exactly as Logto 1.42 does.
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [...state.accessKeys, idTokenKey] },
    // A token for an API resource requested with organization_id names the organization; an
    // organization token names it only in its audience.
    extraTokenClaims(ctx, token) {
      const id = ctx.oidc.params?.organization_id;
      const audience = token.resourceServer?.audience;
      return id && audience && !audience.startsWith(ORGANIZATION_AUDIENCE) ? { organization_id: id } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      dPoP: { enabled: false },
      introspection: { enabled: false },
      revocation: { enabled: false },
      resourceIndicators: {
        enabled: true,
        // Without resource, organization_id asks for an organization token; without either,
        // Logto refuses the request.
        defaultResource(ctx) {
          const id = ctx.oidc.params.organization_id;
          if (id) return ORGANIZATION_AUDIENCE + id;
          throw new errors.InvalidTarget('both `resource` and `organization_id` are not provided');
        },
        useGrantedResource: () => false,
        getResourceServerInfo(ctx, indicator, client) {
          if (indicator.startsWith(ORGANIZATION_AUDIENCE)) return organizationTokenInfo(ctx, indicator, client);
          const resource = resources.get(indicator);
          if (!resource) throw new errors.InvalidTarget();
          // Logto grants exactly the scopes the app's M2M roles hold (with organization_id: its
          // organization roles in that organization); others are dropped.
          const grants = ctx.oidc.params.organization_id ? membership(ctx, client).grants : apps.get(client.clientId)?.grants;
          return resourceTokenInfo(indicator, resource, grants?.[indicator] || []);
        },
      },
    },
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
  });
  for (const grant of ['client_credentials', undefined]) instance(provider).grantTypeParams.get(grant).add('organization_id');
  provider.registerGrantType(TOKEN_EXCHANGE, tokenExchange, ['subject_token', 'subject_token_type', 'resource', 'scope']);
  // Logto wraps OIDC errors as {code: "oidc.<error>", message, error, error_description}.
  provider.use(async (ctx, next) => {
    await next();
    // Logto answers an unknown App ID with 400, not oidc-provider's 401, whichever way the
    // credentials came (Basic: see the server below; client_secret_post: here, once the form is read).
    const postedId = ctx.oidc?.params?.client_id;
    if (ctx.status === 401 && ctx.body?.error === 'invalid_client' && postedId && !apps.has(postedId)) {
      ctx.status = 400;
      ctx.body = { error: 'invalid_client', error_description: 'client is invalid' };
    }
    if (ctx.body && typeof ctx.body === 'object' && ctx.body.error && !ctx.body.code) {
      const message = LOGTO_MESSAGES[ctx.body.error] || ctx.body.error_description;
      ctx.body = { code: `oidc.${ctx.body.error}`, message, ...ctx.body };
    }
  });
  return provider;
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => { data += c; });
    req.on('end', () => resolve(data ? JSON.parse(data) : {}));
  });
}

function json(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

let endpoint;
let callback;
// A custom domain: the same tenant (keys, apps, state) reached on a second port, whose tokens
// carry that endpoint as their issuer, as Logto's do behind a custom domain.
let customEndpoint;
let customCallback;
function rebuild() {
  callback = buildProvider(endpoint).callback();
  if (customEndpoint) customCallback = buildProvider(customEndpoint).callback();
}

async function admin(req, res, path) {
  const body = req.method === 'POST' ? await readBody(req) : {};
  switch (path) {
    case '/rotate': {
      const alg = body.alg || state.signingAlg;
      const key = newKey(alg);
      state.accessKeys = body.keepOld === false ? [key] : [key, ...state.accessKeys];
      state.signingAlg = alg;
      rebuild();
      return json(res, 200, { kid: null, alg });
    }
    case '/drop-old':
      state.accessKeys = state.accessKeys.slice(0, 1);
      rebuild();
      return json(res, 200, {});
    case '/jwks':
      state.jwksUp = body.up !== false;
      return json(res, 200, {});
    case '/token':
      state.tokenUp = body.up !== false;
      state.tokenDelayMs = body.delayMs || 0;
      return json(res, 200, {});
    case '/rate-limit':
      state.rateLimitCount = body.count || 0;
      state.rateLimitRetryAfter = body.retryAfter;
      return json(res, 200, {});
    case '/stats':
      return json(res, 200, { jwksRequests: state.jwksRequests, tokenRequests: state.tokenRequests });
    case '/stats/reset':
      state.jwksRequests = 0;
      state.tokenRequests = 0;
      return json(res, 200, {});
    default:
      return json(res, 404, { error: 'unknown admin path' });
  }
}

const handle = (provider) => async (req, res) => {
  const url = req.url || '/';
  if (url.startsWith('/__admin/')) return admin(req, res, url.slice('/__admin'.length));
  if (!url.startsWith('/oidc')) return json(res, 404, { error: 'not_found' });
  const path = url.slice('/oidc'.length).split('?')[0];
  if (path === '/jwks') {
    state.jwksRequests += 1;
    if (!state.jwksUp) return json(res, 503, { error: 'temporarily_unavailable' });
  }
  if (path === '/token') {
    state.tokenRequests += 1;
    if (state.tokenDelayMs) await new Promise((r) => setTimeout(r, state.tokenDelayMs));
    if (!state.tokenUp) return json(res, 503, { error: 'temporarily_unavailable' });
    if (state.rateLimitCount) {
      if (state.rateLimitCount > 0) state.rateLimitCount -= 1;
      if (state.rateLimitRetryAfter) res.setHeader('retry-after', state.rateLimitRetryAfter);
      return json(res, 429, { message: 'Too Many Requests' });
    }
    // Logto answers an unknown App ID with 400, not oidc-provider's 401.
    const id = basicClientId(req.headers.authorization);
    if (id !== undefined && !apps.has(id)) {
      return json(res, 400, { code: 'oidc.invalid_client', message: 'client is invalid',
        error: 'invalid_client', error_description: 'client is invalid' });
    }
  }
  req.originalUrl = url;
  req.url = url.slice('/oidc'.length) || '/';
  return provider()(req, res);
};
const server = http.createServer(handle(() => callback));

function basicClientId(header) {
  if (!header || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decodeURIComponent(decoded.slice(0, colon));
}

function listen(listener) {
  return new Promise((resolve) => {
    listener.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${listener.address().port}`));
  });
}

server.listen(config.port || 0, '127.0.0.1', async () => {
  endpoint = `http://127.0.0.1:${server.address().port}`;
  if (config.customDomain) {
    customEndpoint = await listen(http.createServer(handle(() => customCallback)));
  }
  rebuild();
  if (customEndpoint) console.log(`CUSTOM_DOMAIN_READY ${customEndpoint}`);
  console.log(`ISSUER_READY ${endpoint}`);
});

// The harness closes our stdin when it is done (or dies): exit with it.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
