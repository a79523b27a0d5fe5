// The territory's page (the diagnosis): Corse-du-Sud beside Corse and France, its EPCI lacking a coordinator, the
// people helped per EPCI, links up and down the territory tree, the gaps as a real CSV file, anonymous and unknown.
import { readFile } from 'node:fs/promises';

const spaces = (s) => s.replace(/[\s\u00a0\u202f]+/g, ' ');
/** Until the page has every answer: nothing left « Chargement… » (a visitor reads, then clicks). */
const settled = (page) => page.waitForFunction(() => document.getElementById('chiffres') && !document.querySelector('main [role=status]'));

export async function check(t) {
  const { page, problems, outside, visit, context } = await t.visitor();
  // an unknown territory says so
  await visit('/territoires/departement/2C');
  await page.getByRole('heading', { level: 1, name: 'Territoire introuvable' }).waitFor();
  t.check(true, 'an unknown territory is « introuvable »');

  await visit('/territoires/departement/2A');
  await page.getByRole('heading', { level: 1, name: 'Corse-du-Sud' }).waitFor();
  await settled(page);
  const text = spaces(await page.locator('main').innerText());
  t.check(text.includes('168 306'), 'Corse-du-Sud shows its 168 306 inhabitants, in French format');
  t.check(await page.locator('.fr-breadcrumb a[href="/territoires/region/94"]').count() === 1, 'the breadcrumb goes up to Corse (region 94)');
  t.check(/Corse-du-Sud comparé à Corse et à la France/.test(text), 'the key figures stand beside Corse and France');
  t.check(await page.locator('section[aria-labelledby="chiffres"] .fr-badge').count() === 1, 'the coverage status is a badge with its text');

  // the EPCI lacking a coordinator: as many as the API says, the count in the page
  const gaps = await t.graphql(`{ coverageGaps(level: EPCI, within: {level: DEPARTMENT, code: "2A"}, lacking: COORDINATOR) {
    totalCount nodes { territory { name } } } }`);
  const expected = gaps.coverageGaps.totalCount;
  const section = page.locator('#manque-coordinator');
  await section.locator('table, .fr-callout').first().waitFor();
  const sectionText = spaces(await section.innerText());
  t.check(sectionText.includes('EPCI sans coordinateur') && (expected === 0
    ? sectionText.includes('sans coordinateur : aucun')
    : sectionText.includes(`${expected} EPCI sans coordinateur`) && sectionText.includes(gaps.coverageGaps.nodes[0].territory.name)),
  `the list of Corse-du-Sud's EPCI lacking a coordinator is shown (${expected} according to the API)`);
  await section.getByRole('checkbox', { name: 'Inclure les territoires couverts en partie' }).check({ force: true });
  await section.locator('table, .fr-callout').first().waitFor();
  t.check(spaces(await section.innerText()).includes('sans coordinateur ou couverts en partie'), 'the partly covered are included on demand');
  const adviserSection = page.locator('#manque-adviser');
  await adviserSection.getByLabel('Niveau des territoires').selectOption('COMMUNE');
  await adviserSection.locator('table caption').waitFor();
  const sorted = adviserSection.locator('th[aria-sort="descending"]');
  t.check(await sorted.count() === 1 && (await sorted.innerText()).includes('Habitants'), 'the communes lacking an adviser are sorted by population (aria-sort)');
  const next = adviserSection.getByRole('link', { name: 'Page suivante' });
  if (await next.count()) {
    const before = await adviserSection.locator('tbody tr').first().innerText();
    await next.click();
    await page.waitForFunction((b) => document.querySelector('#manque-adviser tbody tr')?.innerText !== b
      && document.querySelector('#manque-adviser caption')?.textContent.includes('Page 2'), before);
    t.check(true, 'the next page of the communes lacking an adviser comes by cursor');
  }

  // the people helped per EPCI, from the activity of the last 12 months
  const activity = await t.graphql(`{ diagnosis(level: DEPARTMENT, code: "2A") { activity { subTerritories { name peopleHelped } } } }`);
  const epcis = activity.diagnosis.activity.subTerritories;
  const activityText = spaces(await page.locator('section[aria-labelledby="activite"]').innerText());
  t.check(epcis.length > 0 && activityText.includes('Personnes accompagnées par EPCI')
    && epcis.every((e) => activityText.includes(e.name)), `the people helped are shown per EPCI (${epcis.length})`);

  // contracts ending: 12 months
  await page.getByLabel('Contrats finissant dans les').selectOption('12');
  await page.waitForFunction(() => /dans les 12 prochains mois/.test(document.getElementById('contrats')?.parentElement?.textContent ?? ''));
  t.check(true, 'the contracts ending within 12 months are shown on demand');

  const violations = await t.accessibility(page);
  t.check(violations.length === 0, `axe-core finds no serious or critical violation on the territory page ${violations.join('; ')}`);
  t.check((await t.personalValuesIn(page)).length === 0, 'the anonymous territory page shows no adviser\'s personal data');
  await page.screenshot({ path: `${t.screenshots}/pages-territory.png`, fullPage: true });

  // the gaps as a real CSV file, downloaded with the caller's token
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    section.getByRole('button', { name: /^CSV/ }).click(),
  ]);
  const bytes = await readFile(await file.path());
  const csv = bytes.toString('utf8');
  t.check(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, `the CSV of the gaps starts with a UTF-8 byte order mark (${file.suggestedFilename()})`);
  const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  t.check(header.includes(';') && header.includes('Nom') && header.includes('Population'), `the CSV has French headers separated by ; (${header})`);

  // down to an EPCI, and up to Corse
  const epciLink = page.locator('nav[aria-labelledby="sous-territoires"] a').first();
  const epciName = await epciLink.innerText();
  await epciLink.click();
  await page.getByRole('heading', { level: 1, name: epciName }).waitFor();
  await settled(page);
  t.check(page.url().includes('/territoires/epci/'), `a link leads down to the EPCI ${epciName}`);
  await page.locator('.fr-breadcrumb a[href="/territoires/region/94"]').click({ force: true });
  await page.getByRole('heading', { level: 1, name: 'Corse' }).waitFor();
  await settled(page);
  t.check(page.url().endsWith('/territoires/region/94'), 'the breadcrumb leads up to Corse');

  t.check(problems.length === 0, `no console error ${problems.join(' | ')}`);
  t.check(outside.length === 0, `no request left this machine ${outside.join(' ')}`);
  await context.close();

  // signed in as the prefecture of Corse-du-Sud: the same diagnosis, the same aggregates
  const signed = await t.visitor({ role: 'prefecture-2a' });
  await signed.visit('/territoires/departement/2A');
  await settled(signed.page);
  t.check(spaces(await signed.page.locator('main').innerText()).includes('168 306'), 'the prefecture of Corse-du-Sud reads its diagnosis');
  t.check(signed.problems.length === 0, `no console error for the prefecture ${signed.problems.join(' | ')}`);
  await signed.context.close();
}
