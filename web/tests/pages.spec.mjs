// The users' pages in headless Chromium against a running Maillage holding the demo network, with no network beyond
// this machine:   node web/tests/pages.spec.mjs http://localhost:8080 [screenshot directory]
// Run by the Java test fr.maillage.web.PagesBrowserTests (mvn -B verify), which starts the service and loads the demo.
// Each file of tests/pages/ checks one page (exported `check(t)`), in the order of their names ($PAGES_ONLY: those
// whose name starts with it). Debian's Chromium
// (/usr/bin/chromium, or $CHROMIUM), never a downloaded browser. Exit code 0 when every check passed, 1 when one
// failed, 2 on bad arguments, 3 when Chromium is missing.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checks, chromiumPath, launchChromium, LOCAL_HOSTS, TIMEOUT } from './browser.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/pages.spec.mjs <base URL of the service> [screenshot directory]');
  process.exit(2);
}
const screenshots = resolve(process.argv[3] || 'target/screenshots');
const executablePath = chromiumPath('PAGES');
mkdirSync(screenshots, { recursive: true });
const here = dirname(fileURLToPath(import.meta.url));
const axeSource = readFileSync(resolve(here, '../node_modules/axe-core/axe.min.js'), 'utf8');

const results = checks();
const { check } = results;

const browser = await launchChromium(executablePath);

/** A service's JSON read with a development token of `role` (e.g. 'ANCT', 'HUB?regions=94'). */
async function token(role) {
  const response = await fetch(`${base}/dev/tokens/${role}`);
  return (await response.json()).token;
}

async function graphql(query, variables = {}, role = null) {
  const headers = { 'Content-Type': 'application/json' };
  if (role) {
    headers.Authorization = `Bearer ${await token(role)}`;
  }
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) {
    throw new Error(JSON.stringify(body.errors));
  }
  return body.data;
}

// What no anonymous visitor may read anywhere: the names of the demo's advisers of Corsica
const corsica = await graphql(`{ advisers(within: {level: REGION, code: "94"}, first: 100, activeOnly: false) {
  nodes { firstName lastName email } } }`, {}, 'ANCT');
const personal = corsica.advisers.nodes.flatMap((a) => [`${a.firstName} ${a.lastName}`, a.email]).filter((v) => v && v.length > 5);
check(personal.length > 10, `the demo's Corsican advisers are known to the test (${personal.length / 2})`);

/**
 * A page opened like a visitor would: requests outside this machine refused and recorded, console errors and page
 * errors recorded. `t.visit(path)` opens a path and waits for the page to settle.
 */
async function visitor({ role = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block', locale: 'fr-FR' });
  const outside = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) {
      return route.continue();
    }
    outside.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console: ${message.text()}`);
    }
  });
  const visit = async (path) => {
    await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.getElementById('app')?.childElementCount > 0);
  };
  if (role) {
    await visit('/');
    await page.selectOption('#role', role);
    await page.waitForFunction((r) => sessionStorage.getItem('maillage.role') === r, role);
  }
  return { context, page, problems, outside, visit };
}

/** The serious and critical violations axe-core finds on the page as it stands. */
async function accessibility(page) {
  // evaluated through the DevTools protocol: the service's Content-Security-Policy (script-src 'self') stays on
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether the page shows or carries any personal value of a Corsican adviser. */
async function personalValuesIn(page) {
  const html = await page.content();
  return personal.filter((value) => html.includes(value));
}

const t = { base, screenshots, check, visitor, accessibility, personalValuesIn, graphql, token };

try {
  // PAGES_ONLY=90-sign-in runs the files whose name starts so (a service configured for them alone)
  const only = process.env.PAGES_ONLY;
  const files = readdirSync(resolve(here, 'pages')).filter((f) => f.endsWith('.mjs'))
    .filter((f) => !only || f.startsWith(only)).sort();
  for (const file of files) {
    console.log(`# ${file}`);
    try {
      const { check: checkPage } = await import(pathToFileURL(resolve(here, 'pages', file)).href);
      await checkPage(t);
    } catch (error) {
      check(false, `${file} ran to its end (${error.stack ?? error})`);
    }
  }
} finally {
  await browser.close();
}
console.log(results.failures === 0 ? 'PAGES OK' : `PAGES FAILED: ${results.failures} check(s)`);
process.exit(results.failures === 0 ? 0 : 1);
