// The home page: what Maillage is, the territory search, anonymous and signed in through the local role picker.
export async function check(t) {
  const { page, problems, outside, visit, context } = await t.visitor();
  await visit('/');
  t.check(await page.locator('h1').innerText() !== '', 'the home page has a title');
  t.check(await page.locator('.fr-header .fr-header__service-title').innerText() === 'Maillage', 'the DSFR header names the service');
  t.check(await page.locator('.fr-skiplinks a[href="#contenu"]').count() === 1, 'a skip link leads to the content');

  // the search, driven by the keyboard
  const search = page.getByRole('combobox', { name: 'Rechercher un territoire' });
  await search.fill('ajaccio');
  const suggestions = page.getByRole('listbox', { name: 'Territoires trouvés' }).getByRole('option');
  await suggestions.first().waitFor();
  const first = await suggestions.first().innerText();
  t.check(first.includes('Ajaccio'), `searching « ajaccio » proposes Ajaccio first (${first.replace(/\s+/g, ' ')})`);
  await search.fill('2A');
  await page.waitForFunction(() => [...document.querySelectorAll('li[role=option]')].some((o) => o.textContent.includes('Corse-du-Sud')));
  t.check(true, 'searching « 2A » proposes Corse-du-Sud');
  // France's figures, as the service counts them, in French format
  const figures = page.getByRole('list', { name: 'Chiffres de la France' });
  await figures.waitFor();
  const shown = (await figures.innerText()).replace(/\s+/g, ' ');
  const { franceCoverage: france } = await t.graphql('{ franceCoverage { population advisers coordinators places } }');
  const french = (n) => new Intl.NumberFormat('fr-FR').format(n).replace(/\s/g, ' ');
  for (const [name, value] of Object.entries(france)) {
    t.check(shown.includes(french(value)), `the home page shows France's ${name} (${french(value)})`);
  }
  t.check(/conseillers pour 10 000 habitants/.test(shown) && /% de la population couverte par un coordinateur/.test(shown),
    `the home page shows advisers per 10,000 inhabitants and the share covered by a coordinator (${shown})`);
  t.check(await page.locator('.fr-tile a[href="/carte"]').count() === 1, 'a tile leads to the map');
  await page.screenshot({ path: `${t.screenshots}/pages-home.png`, fullPage: false });

  const violations = await t.accessibility(page);
  t.check(violations.length === 0, `axe-core finds no serious or critical violation on the home page ${violations.join('; ')}`);
  t.check((await t.personalValuesIn(page)).length === 0, 'the anonymous home page shows no adviser\'s personal data');

  // an unknown path: the DSFR's "page not found"
  await visit('/carte/nulle-part/ici');
  t.check((await page.locator('h1').innerText()).includes('introuvable') || (await page.title()).length > 0,
    'an unknown page says so');
  t.check(problems.length === 0, `no console error ${problems.join(' | ')}`);
  t.check(outside.length === 0, `no request left this machine ${outside.join(' ')}`);
  await context.close();

  // the local profile's role picker: a prefecture, remembered across a reload, its token never stored
  const signed = await t.visitor({ role: 'prefecture-2a' });
  await signed.page.reload({ waitUntil: 'networkidle' });
  await signed.page.waitForFunction(() => document.querySelector('#role')?.value === 'prefecture-2a');
  const storage = await signed.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  t.check(!storage.includes('eyJ'), 'no token in localStorage or sessionStorage');
  t.check(true, 'the role picked is kept across a reload');
  await signed.context.close();
}
