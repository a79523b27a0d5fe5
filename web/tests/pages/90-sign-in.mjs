// Signing in with the deployment's OpenID Connect provider: authorization code with PKCE, the token in memory only.
// The provider is played by the browser test itself (its address answered by Playwright, not the network): it checks
// the PKCE challenge and verifier, and hands out a token the service trusts (a development token of the test profile).
// Runs only where the service names a provider (PagesSignInBrowserTests sets maillage.security.issuer).
import { createHash } from 'node:crypto';

export async function check(t) {
  const config = await (await fetch(`${t.base}/pages/config.json`)).json();
  if (!config.oidc) {
    console.log('# no OpenID Connect provider configured: the sign-in button is not offered');
    return;
  }
  const authority = config.oidc.authority;
  const origin = new URL(t.base).origin;
  const { page, problems, visit, context } = await t.visitor();
  const seen = { challenge: null, method: null, verifierMatches: false, clientId: null };
  const accessToken = await t.token('PREFECTURE?departments=2A&subject=claire.martin');
  const now = Math.floor(Date.now() / 1000);
  const base64url = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const idToken = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url({ iss: authority, aud: config.oidc.clientId,
    sub: 'claire.martin', name: 'Claire Martin', iat: now, exp: now + 300 })}.c2lnbmF0dXJl`;
  await context.route(`${authority}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const cors = { 'Access-Control-Allow-Origin': origin, 'Content-Type': 'application/json' };
    if (url.pathname.endsWith('/.well-known/openid-configuration')) {
      return route.fulfill({ status: 200, headers: cors, body: JSON.stringify({
        issuer: authority, authorization_endpoint: `${authority}/protocol/openid-connect/auth`,
        token_endpoint: `${authority}/protocol/openid-connect/token`, jwks_uri: `${authority}/protocol/openid-connect/certs`,
        end_session_endpoint: `${authority}/protocol/openid-connect/logout`, response_types_supported: ['code'],
        code_challenge_methods_supported: ['S256'] }) });
    }
    if (url.pathname.endsWith('/auth')) {
      seen.challenge = url.searchParams.get('code_challenge');
      seen.method = url.searchParams.get('code_challenge_method');
      seen.clientId = url.searchParams.get('client_id');
      const back = new URL(url.searchParams.get('redirect_uri'));
      back.searchParams.set('code', 'code-de-test');
      back.searchParams.set('state', url.searchParams.get('state'));
      return route.fulfill({ status: 302, headers: { location: back.href } });
    }
    if (url.pathname.endsWith('/token')) {
      const form = new URLSearchParams(request.postData() ?? '');
      const verifier = form.get('code_verifier') ?? '';
      seen.verifierMatches = form.get('code') === 'code-de-test'
        && createHash('sha256').update(verifier).digest('base64url') === seen.challenge;
      if (!seen.verifierMatches) {
        return route.fulfill({ status: 400, headers: cors, body: JSON.stringify({ error: 'invalid_grant' }) });
      }
      return route.fulfill({ status: 200, headers: cors, body: JSON.stringify({ access_token: accessToken,
        token_type: 'Bearer', expires_in: 300, id_token: idToken, scope: config.oidc.scope }) });
    }
    return route.fulfill({ status: 404, headers: cors, body: '{}' });
  });

  await visit('/carte');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  t.check(seen.method === 'S256' && !!seen.challenge, 'the pages ask the provider for a code with a PKCE challenge (S256)');
  t.check(seen.clientId === config.oidc.clientId, `the pages sign in as the public client « ${config.oidc.clientId} »`);
  t.check(seen.verifierMatches, 'the code is exchanged with the verifier of that challenge');
  t.check(new URL(page.url()).pathname === '/carte', `back on the page the sign-in started from (${new URL(page.url()).pathname})`);
  const header = await page.locator('.fr-header__tools').innerText();
  t.check(header.includes('Claire Martin') && header.includes('Préfecture'), 'the header names the user and its role');
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  t.check(!stored.includes(accessToken.slice(0, 40)), 'the access token is kept in memory only');
  await page.screenshot({ path: `${t.screenshots}/pages-sign-in.png` });
  // the pages know what the provider's token covers: a prefecture's applications are those of its département
  await page.getByRole('link', { name: 'Candidatures' }).first().click();
  await page.getByRole('heading', { name: /attendant votre avis \(département 2A\)/ }).waitFor();
  t.check(true, 'signed in at the provider, a prefecture sees the applications awaiting the opinion of its département');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  t.check(true, 'signing out offers to sign in again');
  t.check(problems.length === 0, `no console error while signing in ${problems.join(' | ')}`);
  await context.close();
}
