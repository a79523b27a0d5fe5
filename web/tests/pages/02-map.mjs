// The coverage map: every département coloured, a click opens its page, the sortable table beside it, the EPCI of a
// département and the communes of an EPCI.
export async function check(t) {
  const { page, problems, outside, visit, context } = await t.visitor();
  await visit('/carte');
  t.check((await page.locator('h1').innerText()).includes('Carte'), 'the map page has its title');
  t.check(await page.locator('#navigation-principale a[href="/carte"], .fr-nav a[href="/carte"]').count() > 0,
    'the menu leads to the map');

  // the map: dsfr-chart's map-chart (in its shadow root, which locators pierce), each département with data filled
  await page.locator('map-chart path[class^="FR-"][fill]').first().waitFor();
  const filled = await page.locator('map-chart path[class^="FR-"][fill]').count();
  t.check(filled === 101, `the map colours every département, overseas included (${filled} of 101)`);
  const legend = await page.locator('map-chart .scale_values').innerText();
  t.check(legend.includes('%'), `the legend reads as shares in French (${legend.replace(/\s+/g, ' ')})`);
  await page.locator('h1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${t.screenshots}/pages-map.png`, fullPage: false });

  // the table: 101 départements, sortable by the indicator
  const table = page.locator('table').first();
  const rows = await table.locator('tbody tr').count();
  t.check(rows === 101, `the table lists the 101 départements (${rows})`);
  const indicatorHeader = table.locator('thead th').nth(1);
  await indicatorHeader.getByRole('button').click();
  t.check(await indicatorHeader.getAttribute('aria-sort') === 'descending', 'sorting by the indicator: aria-sort descending');
  const shares = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
  const numbers = shares.map((s) => Number(s.replace(/[^\d,]/g, '').replace(',', '.')));
  t.check(numbers.every((n, i) => i === 0 || numbers[i - 1] >= n), 'the rows follow the indicator, largest first');
  await indicatorHeader.getByRole('button').click();
  t.check(await indicatorHeader.getAttribute('aria-sort') === 'ascending', 'sorting again: aria-sort ascending');
  t.check(await table.locator('tbody tr').first().locator('a').getAttribute('href') !== null, 'each row links to its territory');


  // another indicator: advisers per 10,000 inhabitants
  await page.selectOption('#indicateur', 'conseillers');
  await page.waitForFunction(() => document.querySelector('table thead th:nth-child(2)')?.textContent.includes('10 000'));
  t.check(true, 'the indicator can be changed to advisers per 10,000 inhabitants');
  await page.selectOption('#indicateur', 'couverture');

  // the EPCI of Corse-du-Sud, then the communes of one of them
  const department = page.getByLabel('Département', { exact: true });
  await department.selectOption('2A');
  await page.getByRole('heading', { name: /Les EPCI de Corse-du-Sud/ }).waitFor();
  const epciRows = await page.locator('table').nth(1).locator('tbody tr').count();
  t.check(epciRows > 3, `the EPCI of Corse-du-Sud are listed (${epciRows})`);
  const epci = page.getByLabel('EPCI', { exact: true });
  const choice = await epci.locator('option').nth(1).getAttribute('value');
  await epci.selectOption(choice);
  await page.getByRole('heading', { name: /Les communes de/ }).waitFor();
  const communeRows = await page.locator('table').nth(2).locator('tbody tr').count();
  t.check(communeRows > 0, `the communes of an EPCI are listed (${communeRows})`);

  const violations = await t.accessibility(page);
  t.check(violations.length === 0, `axe-core finds no serious or critical violation on the map page ${violations.join('; ')}`);
  t.check((await t.personalValuesIn(page)).length === 0, 'the anonymous map page shows no adviser\'s personal data');

  // the regions
  await page.getByText('Régions', { exact: true }).click();
  await page.locator('map-chart[level="reg"] path.FR-20R[fill]').waitFor();
  const regions = await page.locator('map-chart path[class^="FR-"][fill]').count();
  t.check(regions === 18, `the region map colours the 18 regions (${regions})`);
  await page.locator('map-chart path.FR-20R').click();
  await page.waitForURL('**/territoires/region/94');
  t.check(true, 'clicking Corsica on the region map opens /territoires/region/94');

  // a click on Corse-du-Sud opens its page
  await visit('/carte');
  await page.locator('map-chart path.FR-2A[fill]').waitFor();
  await page.locator('map-chart path.FR-2A').click();
  await page.waitForURL('**/territoires/departement/2A');
  t.check(new URL(page.url()).pathname === '/territoires/departement/2A',
    'clicking Corse-du-Sud on the map opens /territoires/departement/2A');

  t.check(problems.length === 0, `no console error ${problems.join(' | ')}`);
  t.check(outside.length === 0, `no request left this machine ${outside.join(' ')}`);
  await context.close();
}
