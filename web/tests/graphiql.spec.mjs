// GraphiQL in headless Chromium against a running Maillage, with no network beyond this machine:
//   node web/tests/graphiql.spec.mjs http://localhost:8080 [screenshot directory]
// Run by the Java test fr.maillage.web.GraphiqlBrowserTests (mvn -B verify), which starts the service first.
// Debian's Chromium (/usr/bin/chromium, or $CHROMIUM), never a downloaded browser. Exit code 0 when every check
// passed, 1 when one failed, 2 on bad arguments, 3 when Chromium is missing.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { checks, chromiumPath, launchChromium, LOCAL_HOSTS, TIMEOUT } from './browser.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/graphiql.spec.mjs <base URL of the service> [screenshot directory]');
  process.exit(2);
}
const screenshots = resolve(process.argv[3] || 'target/screenshots');
const executablePath = chromiumPath('GRAPHIQL');
mkdirSync(screenshots, { recursive: true });


const results = checks();
const { check } = results;

const browser = await launchChromium(executablePath);

/** A page that may reach this machine only: any other request is refused and recorded. */
async function isolatedPage() {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
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
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (LOCAL_HOSTS.has(new URL(request.url()).hostname)) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return { context, page, outside, problems };
}

async function withScreenshotOnFailure(page, name, body) {
  try {
    await body();
  } catch (error) {
    results.failures++;
    console.log(`not ok - ${name}: ${error.message.split('\n')[0]}`);
    await page.screenshot({ path: `${screenshots}/${name}-failure.png` }).catch(() => {});
  }
}

// 1. The real service, introspection on (local and test profiles): docs explorer, completion, examples, a query.
{
  const { context, page, outside, problems } = await isolatedPage();
  await withScreenshotOnFailure(page, 'graphiql', async () => {
    await page.goto(`${base}/graphiql`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.maillage-page[data-introspection="ok"]').waitFor();
    check(true, 'GraphiQL loads from the service and its introspection answers');

    const examples = page.locator('[data-example]');
    await examples.first().waitFor();
    const files = await examples.evaluateAll((buttons) => buttons.map((b) => b.dataset.example));
    check(files.includes('09-coverage-and-diagnosis.graphql') && files.length >= 10,
      `the examples of graphql/examples/ are offered (${files.length})`);

    // Monaco draws its lines after the panel appears: wait for the text rather than reading it once
    const headersTool = page.locator('.graphiql-editor-tool');
    const shows = (text) => headersTool.getByText(text, { exact: false }).first()
      .waitFor({ timeout: 15000 }).then(() => true, () => false);
    const shown = await shows('/dev/tokens/') && await shows('Authorization');
    const headers = await headersTool.innerText();
    check(shown && headers.includes('/dev/tokens/') && headers.includes('Authorization'),
      'the headers editor shows how to paste a development token');

    // docs explorer: the Query type lists the coordinator's and the prefecture's entry points
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByRole('link', { name: 'Query', exact: true }).first().click();
    await docs.getByText('coordinatorPartners', { exact: true }).first().waitFor();
    const fields = await docs.locator('.graphiql-doc-explorer-field-name').allInnerTexts();
    check(fields.includes('coverageGaps') && fields.includes('coordinatorPartners'),
      'the docs explorer lists coverageGaps and coordinatorPartners');

    // completion in the operation editor
    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('{ coordinatorPa');
    await page.keyboard.press('Control+Space');
    const suggestion = page.locator('.suggest-widget .monaco-list-row', { hasText: 'coordinatorPartners' });
    await suggestion.first().waitFor();
    check(true, 'the operation editor completes coordinatorPartners');
    await page.keyboard.press('Escape');

    // an example opened in a new tab runs
    await page.getByRole('button', { name: 'Show Exemples' }).click();
    await page.locator('[data-example="01-department-overview.graphql"]').click();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.graphiql-response', { hasText: 'Corse-du-Sud' }).waitFor();
    check(true, 'an example opened from the panel runs and answers (Corse-du-Sud)');

    // the picture: the docs explorer open on coverageGaps
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await docs.getByRole('link', { name: 'coverageGaps', exact: true }).first().click();
    await docs.getByText('within', { exact: true }).first().waitFor();
    await page.screenshot({ path: `${screenshots}/graphiql.png` });
    check(true, `screenshot ${screenshots}/graphiql.png (docs explorer on coverageGaps)`);
  });
  check(outside.length === 0, `no request left this machine${outside.length ? ': ' + outside.join(', ') : ''}`);
  check(problems.length === 0, `no error in the page${problems.length ? ': ' + problems.join(' | ') : ''}`);
  await context.close();
}

// 2. A service whose introspection is off (its default outside the local profile), as graphql-java answers it: the
// page says so instead of leaving the docs silently empty.
{
  const { context, page, outside } = await isolatedPage();
  await page.route('**/graphql', async (route) => {
    const body = route.request().postData() || '';
    if (!body.includes('IntrospectionQuery')) {
      return route.continue();
    }
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        errors: [{ message: 'Introspection has been disabled for this request',
          extensions: { classification: 'IntrospectionDisabled' } }],
        data: null,
      }),
    });
  });
  await withScreenshotOnFailure(page, 'graphiql-introspection-off', async () => {
    await page.goto(`${base}/graphiql`);
    const notice = page.locator('.maillage-notice[data-introspection="disabled"]');
    await notice.waitFor();
    const text = await notice.innerText();
    check(text.includes('introspection est désactivée'), 'with introspection off, the page says the docs are unavailable');
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor();
    await page.screenshot({ path: `${screenshots}/graphiql-introspection-off.png` });
  });
  check(outside.length === 0, `no request left this machine (introspection off)${outside.length ? ': ' + outside.join(', ') : ''}`);
  await context.close();
}

await browser.close();
if (results.failures > 0) {
  console.log(`GRAPHIQL FAILED: ${results.failures} check(s) failed`);
  process.exit(1);
}
console.log('GRAPHIQL OK: every check passed');
