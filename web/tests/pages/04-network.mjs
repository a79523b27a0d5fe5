// The network page (/reseau/region/94) and the coordinator's page (/coordinateurs/<id>): the graph of Corsica as the
// API gives it, its legend and filter by kind, the details of a node (personal data only for whom may read them),
// the summarised view; a coordinator's partners to approach and a path in its network.
const MAP = `query($level: TerritoryLevel!, $code: String!, $maxNodes: Int) { networkMap(level: $level, code: $code, maxNodes: $maxNodes) {
  summarised actorCount linkCount nodes { id kind label count } edges { source target kind } } }`;

const graphReady = (page) => page.waitForFunction(() => window.__maillageGraph && window.__maillageGraph.nodes() > 0);

export async function check(t) {
  const expected = (await t.graphql(MAP, { level: 'REGION', code: '94' })).networkMap;
  const kinds = [...new Set(expected.nodes.map((n) => n.kind))];

  // anonymous: the whole network of Corsica, drawn and listed
  const { page, problems, outside, visit, context } = await t.visitor();
  await visit('/reseau/region/94');
  await graphReady(page);
  const drawn = await page.evaluate(() => ({ nodes: window.__maillageGraph.nodes(), edges: window.__maillageGraph.edges() }));
  t.check(!expected.summarised && drawn.nodes === expected.nodes.length && drawn.edges === expected.edges.length,
    `the network of Corsica draws the API's ${expected.nodes.length} nodes and ${expected.edges.length} edges (${drawn.nodes}, ${drawn.edges})`);
  const rows = await page.locator('#liste-acteurs tbody tr').count();
  t.check(rows === expected.nodes.length, `the accessible list has one row per node (${rows})`);
  const legend = await page.locator('#natures').innerText();
  const names = { HUB: 'Hubs', COORDINATOR: 'Coordinateurs', ADVISER: 'Conseillers', EMPLOYER: 'Employeurs', PLACE: 'Lieux', PARTNER: 'Partenaires' };
  t.check(kinds.every((k) => legend.includes(names[k])), `the legend lists the kinds (${legend.replace(/\s+/g, ' ')})`);
  t.check(await page.locator('#natures svg path').count() === kinds.length, 'each kind has its shape in the legend');

  // filtering a kind out hides its nodes, the edges touching them, and its rows
  const advisers = expected.nodes.filter((n) => n.kind === 'ADVISER').length;
  await page.locator('label[for="nature-ADVISER"]').click();
  const filtered = await page.evaluate(() => ({ byKind: window.__maillageGraph.visibleByKind(), nodes: window.__maillageGraph.nodes() }));
  t.check(!filtered.byKind.ADVISER && filtered.nodes === expected.nodes.length - advisers,
    `unchecking « Conseillers » hides the ${advisers} advisers (${filtered.nodes} nodes left)`);
  t.check(await page.locator('#liste-acteurs tbody tr[data-kind="ADVISER"]').count() === 0, 'and their rows in the list');
  await page.locator('label[for="nature-ADVISER"]').click();

  // the layout does not jump between visits
  const hub = expected.nodes.find((n) => n.kind === 'HUB') ?? expected.nodes[0];
  const before = await page.evaluate((id) => window.__maillageGraph.position(id), hub.id);

  // a node found by its name: highlighted and detailed
  await page.fill('#trouver', hub.label);
  await page.getByRole('button', { name: 'Trouver', exact: true }).click();
  await page.locator('#details-titre').waitFor();
  t.check((await page.locator('#details-titre').innerText()) === hub.label
    && await page.evaluate(() => window.__maillageGraph.selected()) === hub.id, `searching « ${hub.label} » selects and details it`);

  // an adviser's details, anonymously: no name
  const adviser = expected.nodes.find((n) => n.kind === 'ADVISER');
  await page.fill('#trouver', adviser.id);
  await page.getByRole('button', { name: 'Trouver', exact: true }).click();
  await page.locator('#details', { hasText: adviser.id }).waitFor();
  await page.locator('#details', { hasText: 'Contrat' }).waitFor({ timeout: 20_000 })
    .catch(async () => t.check(false, `the details of an adviser load (${await page.locator('#details').innerText()})`));
  t.check((await t.personalValuesIn(page)).length === 0, 'the anonymous network page shows no adviser\'s personal data');
  const coordinator = expected.nodes.find((n) => n.kind === 'COORDINATOR');
  t.check(await page.locator(`#liste-acteurs a[href="/coordinateurs/${coordinator.id}"]`).count() === 1,
    'each coordinator of the list links to its coordinator page');
  await page.screenshot({ path: `${t.screenshots}/pages-network.png`, fullPage: false });
  const violations = await t.accessibility(page);
  t.check(violations.length === 0, `axe-core finds no serious or critical violation on the network page ${violations.join('; ')}`);

  await visit('/reseau/region/94');
  await graphReady(page);
  const after = await page.evaluate((id) => window.__maillageGraph.position(id), hub.id);
  t.check(before && after && Math.abs(before.x - after.x) < 0.5 && Math.abs(before.y - after.y) < 0.5,
    `the layout is the same on the next visit (${JSON.stringify(before)} ${JSON.stringify(after)})`);

  // the summarised view, as the API gives it
  const summary = (await t.graphql(MAP, { level: 'REGION', code: '94', maxNodes: 1 })).networkMap;
  await page.selectOption('#vue', '1');
  await page.locator('.fr-callout', { hasText: 'Vue résumée' }).waitFor();
  await page.waitForFunction((n) => window.__maillageGraph && window.__maillageGraph.nodes() === n, summary.nodes.length);
  t.check(summary.summarised, `the summarised view draws the API's ${summary.nodes.length} groups`);
  t.check(problems.length === 0, `no console error ${problems.join(' | ')}`);
  t.check(outside.length === 0, `no request left this machine ${outside.join(' ')}`);
  await context.close();

  // the hub of Corsica reads an adviser's details
  const person = (await t.graphql(`query($id: ID!) { adviser(id: $id) { firstName lastName } }`, { id: adviser.id }, 'ANCT')).adviser;
  const hubVisitor = await t.visitor({ role: 'hub-94' });
  await hubVisitor.visit('/reseau/region/94');
  await graphReady(hubVisitor.page);
  await hubVisitor.page.fill('#trouver', adviser.id);
  await hubVisitor.page.getByRole('button', { name: 'Trouver', exact: true }).click();
  await hubVisitor.page.locator('#details', { hasText: person.lastName }).waitFor({ timeout: 15_000 }).catch(() => undefined);
  const details = await hubVisitor.page.locator('#details').innerText();
  t.check(details.includes(`${person.firstName} ${person.lastName}`), 'the hub of Corsica sees the name of an adviser of Corsica');
  t.check(hubVisitor.problems.length === 0, `no console error as the hub ${hubVisitor.problems.join(' | ')}`);
  await hubVisitor.context.close();

  // the coordinator's page, as that coordinator
  const coordinators = (await t.graphql(`{ advisers(within: {level: REGION, code: "94"}, coordinatorsOnly: true, first: 50) {
    nodes { id employer { name } coordinatorRole { perimeter { name } } } } }`, {}, 'ANCT')).advisers.nodes;
  const chosen = coordinators[0];
  const name = `${chosen.employer?.name ?? 'sans employeur'}, ${(chosen.coordinatorRole?.perimeter ?? []).map((p) => p.name).join(', ') || 'sans périmètre'}`;
  const prospects = (await t.graphql(`query($id: ID!) { coordinatorPartners(coordinatorId: $id, first: 1) {
    totalCount unlinkedCount nodes { linked partner { name } } } }`, { id: chosen.id })).coordinatorPartners;
  const own = await t.visitor({ role: `coordinator:${chosen.id}:${name}` });
  await own.visit(`/coordinateurs/${chosen.id}`);
  await own.page.locator('section[aria-labelledby="partenaires"] tbody tr').first().waitFor();
  const partnerRows = await own.page.locator('section[aria-labelledby="partenaires"] tbody tr').count();
  const firstRow = await own.page.locator('section[aria-labelledby="partenaires"] tbody tr').first().innerText();
  t.check(partnerRows === Math.min(20, prospects.totalCount) && firstRow.includes(prospects.nodes[0].partner.name),
    `the coordinator's page lists its partners, ${prospects.nodes[0].partner.name} first (${partnerRows} rows)`);
  t.check(prospects.unlinkedCount === 0 || /à démarcher/i.test(firstRow),
    `the partners to approach come first (${prospects.unlinkedCount} to approach)`);
  t.check(await own.page.locator('a[href^="/territoires/"]').count() > 0, 'its perimeter links to territory pages');
  // its perimeter on the map of départements: those where it lies in one colour, every other in the palette's lightest
  const perimeter = (await t.graphql(`query($id: ID!) { coordinator(id: $id) { perimeter { level code
    ... on Commune { department { code } } ... on Epci { departments { code } } } } }`, { id: chosen.id }, 'ANCT'))
    .coordinator.perimeter;
  const inside = new Set(perimeter.flatMap((p) => (p.level === 'DEPARTMENT' ? [p.code]
    : p.departments?.map((d) => d.code) ?? [p.department.code])));
  const perimeterPaths = own.page.locator('.maillage-perimeter-map map-chart path[class^="FR-"][fill]');
  await perimeterPaths.first().waitFor();
  const fills = await perimeterPaths.evaluateAll((paths) => paths.map((p) => [p.getAttribute('class').slice(3), p.getAttribute('fill')]));
  const outsideFills = new Set(fills.filter(([code]) => !inside.has(code)).map(([, fill]) => fill));
  const insideFills = fills.filter(([code]) => inside.has(code)).map(([, fill]) => fill);
  const [first] = [...inside];
  t.check(fills.length === 101 && outsideFills.size === 1 && insideFills.length === inside.size
    && insideFills.every((fill) => !outsideFills.has(fill)),
    `its perimeter is drawn on the map, ${[...inside].join(', ')} apart from the ${101 - inside.size} other départements`);
  await own.page.locator(`.maillage-perimeter-map map-chart path.FR-${first}`).hover();
  const perimeterTooltip = await own.page.locator('.maillage-perimeter-map map-chart .tooltip_value').innerText();
  t.check(perimeterTooltip.startsWith('Corse'), `hovering it names the département and its territories (${perimeterTooltip})`);
  await own.page.getByRole('button', { name: 'Chercher' }).click();
  await own.page.locator('section[aria-labelledby="chemin"] :is(h3, .fr-alert)').first().waitFor();
  const path = await own.page.locator('section[aria-labelledby="chemin"]').innerText();
  t.check(/Chemin en \d+ lien/.test(path), 'a path between two actors of its network is shown step by step');
  const [exported] = await Promise.all([
    own.page.waitForEvent('download'),
    own.page.getByRole('button', { name: 'Télécharger (CSV)' }).click(),
  ]);
  t.check(exported.suggestedFilename().endsWith('.csv'), `the partners export downloads (${exported.suggestedFilename()})`);
  await own.page.screenshot({ path: `${t.screenshots}/pages-coordinator.png`, fullPage: true });
  const coordinatorViolations = await t.accessibility(own.page);
  t.check(coordinatorViolations.length === 0, `axe-core finds no serious or critical violation on the coordinator page ${coordinatorViolations.join('; ')}`);
  t.check(own.problems.length === 0, `no console error on the coordinator page ${own.problems.join(' | ')}`);
  await own.page.locator(`.maillage-perimeter-map map-chart path.FR-${first}`).click();
  await own.page.waitForURL(`**/territoires/departement/${first}`);
  t.check(true, `a click on the perimeter's département opens its page (${first})`);
  await own.context.close();

  // the same page anonymously: no personal data
  const anonymous = await t.visitor();
  await anonymous.visit(`/coordinateurs/${chosen.id}`);
  await anonymous.page.locator('section[aria-labelledby="conseillers"]').waitFor();
  t.check((await t.personalValuesIn(anonymous.page)).length === 0, 'the anonymous coordinator page shows no personal data');
  t.check(anonymous.problems.length === 0, `no console error on the anonymous coordinator page ${anonymous.problems.join(' | ')}`);
  await anonymous.context.close();
}
