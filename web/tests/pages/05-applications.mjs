// The applications for coordinator posts: a prefecture gives its opinion through the page, the employer sees its
// applications and the form computes the amount, ANCT sees its queue with the late deadlines, anonymous visitors are
// invited to sign in and see no application.
const COLLECTIVITE_DE_CORSE = '20007695800012';
const PAYS_AJACCIEN = '242010056'; // an EPCI of Corse-du-Sud (2A)
const CAMPAIGN = 'AAC-COORD-2023';

/**
 * An application of the Collectivité de Corse awaiting the opinion of the prefecture of 2A, made as the workflow
 * requires: a draft, the structures of the zone consulted, then filing while the campaign was open (it closed on
 * 10 December 2023: only ANCT may record a filing at a past date, taking over a procedure run outside the service).
 */
async function applicationAwaitingOpinion(t) {
  const { employer } = await t.graphql(`query($s: String!) { employer(siret: $s) { id } }`, { s: COLLECTIVITE_DE_CORSE }, 'ANCT');
  const { draftCoordinatorApplication: draft } = await t.graphql(`mutation($i: CoordinatorApplicationInput!) {
    draftCoordinatorApplication(input: $i) { id reference consultations { employer { id } done } } }`, { i: {
    campaignCode: CAMPAIGN, employerId: employer.id, applicationCase: 'ADDITIONAL_POST', contractType: 'CDD_PUBLIC',
    fullTime: true, perimeter: { kind: 'INTERCOMMUNAL', territories: [{ level: 'EPCI', code: PAYS_AJACCIEN }] },
    motivation: 'Coordination du Pays Ajaccien (test des pages)',
  } }, 'ANCT');
  for (const c of draft.consultations.filter((x) => !x.done)) {
    await t.graphql(`mutation($id: ID!, $e: ID!) { recordConsultation(applicationId: $id, employerId: $e, answer: FAVOURABLE,
      on: "2023-12-01") { id } }`, { id: draft.id, e: c.employer.id }, 'ANCT');
  }
  const { submitCoordinatorApplication: filed } = await t.graphql(`mutation($id: ID!) {
    submitCoordinatorApplication(id: $id, on: "2023-12-05") { status } }`, { id: draft.id }, 'ANCT');
  t.check(filed.status === 'SUBMITTED', `an application of the Collectivité de Corse in 2A is filed (${draft.reference})`);
  return draft;
}

const textOf = async (page, selector) => (await page.locator(selector).allInnerTexts()).join(' ').replace(/\s+/g, ' ');

export async function check(t) {
  // anonymous: an invitation to sign in, the public totals, no application
  const anonymous = await t.visitor();
  await anonymous.visit('/candidatures');
  await anonymous.page.getByRole('heading', { name: 'Connectez-vous pour suivre les candidatures' }).waitFor();
  await anonymous.page.getByRole('table', { name: /Subventions par région/ }).waitFor();
  t.check(true, 'anonymous visitors are invited to sign in and see the public subsidies by region');
  t.check(await anonymous.page.locator('a[href^="/candidatures/"]').count() === 0, 'anonymous visitors see no application');
  t.check((await t.personalValuesIn(anonymous.page)).length === 0, 'the anonymous applications page shows no personal data');
  let violations = await t.accessibility(anonymous.page);
  t.check(violations.length === 0, `axe-core: no serious or critical violation (anonymous) ${violations.join('; ')}`);
  await anonymous.visit('/candidatures/nouvelle');
  await anonymous.page.getByRole('heading', { name: 'Connectez-vous pour suivre les candidatures' }).waitFor();
  t.check(await anonymous.page.locator('form').count() === 0, 'anonymous visitors get no application form');
  t.check(anonymous.problems.length === 0, `no console error (anonymous) ${anonymous.problems.join(' | ')}`);
  t.check(anonymous.outside.length === 0, `no request left this machine ${anonymous.outside.join(' ')}`);
  await anonymous.context.close();

  // a prefecture gives its opinion through the page
  const application = await applicationAwaitingOpinion(t);
  const prefecture = await t.visitor({ role: 'prefecture-2a' });
  await prefecture.visit('/candidatures');
  const form = prefecture.page.getByRole('form', { name: `Avis de la préfecture 2A sur ${application.reference}` });
  await form.waitFor();
  t.check(true, `the prefecture of 2A sees ${application.reference} among the applications awaiting its opinion`);
  await prefecture.page.screenshot({ path: `${t.screenshots}/pages-applications.png`, fullPage: false });
  violations = await t.accessibility(prefecture.page);
  t.check(violations.length === 0, `axe-core: no serious or critical violation (prefecture) ${violations.join('; ')}`);
  // unfavourable without a comment: the service's message at the comment
  // DSFR draws its own radios: the label is what a user clicks
  await form.locator('label', { hasText: /^Défavorable$/ }).click();
  await form.getByRole('button', { name: 'Donner l\'avis' }).click();
  await form.locator('.fr-input-group--error .fr-error-text').waitFor();
  const unmotivated = await textOf(form, '.fr-error-text');
  t.check(unmotivated.includes('motivé'), `an unfavourable opinion without comment: the service's message at the comment (${unmotivated})`);
  await form.locator('label', { hasText: /^Favorable$/ }).click();
  await form.getByRole('textbox', { name: /Commentaire/ }).fill('Zone cohérente avec la gouvernance départementale');
  await form.getByRole('button', { name: 'Donner l\'avis' }).click();
  await prefecture.page.getByText(`Avis favorable enregistré pour ${application.reference}`).waitFor();
  const { coordinatorApplication: recorded } = await t.graphql(`query($id: ID!) { coordinatorApplication(id: $id) {
    status opinions { prefecture { code } given favourable comment } } }`, { id: application.id }, 'ANCT');
  const opinion = recorded.opinions.find((o) => o.prefecture.code === '2A');
  t.check(opinion?.given && opinion.favourable === true && opinion.comment === 'Zone cohérente avec la gouvernance départementale'
    && recorded.status === 'REVIEWED', `the opinion given through the page is recorded (${recorded.status})`);
  t.check(prefecture.problems.length === 0, `no console error (prefecture) ${prefecture.problems.join(' | ')}`);
  await prefecture.context.close();

  // the employer: its applications, and the form computing the amount as it is filled in
  const employer = await t.visitor({ role: 'employer-collectivite' });
  await employer.visit('/candidatures');
  await employer.page.getByRole('link', { name: application.reference }).waitFor();
  t.check(true, `the Collectivité de Corse sees its application ${application.reference}`);
  const status = await employer.page.getByRole('row').filter({ hasText: application.reference }).locator('.fr-badge').first().innerText();
  t.check(/avis rendus/i.test(status), `its status is a badge in words (${status})`);
  await employer.page.getByRole('link', { name: 'Nouvelle candidature' }).click();
  await employer.page.getByLabel('Type de contrat du coordinateur').waitFor();
  await employer.page.locator('label', { hasText: /^3\. Poste supplémentaire/ }).click();
  await employer.page.getByLabel('Type de contrat du coordinateur').selectOption('CDD_PUBLIC');
  const amount = (await employer.page.locator('#montant').innerText()).replace(/\s/g, '');
  t.check(amount === '50000€', `a collectivity's CDD de droit public: 50 000 € shown as the form is filled in (${amount})`);
  const left = await textOf(employer.page, '#points-restants');
  t.check(left.includes('Temps complet') && left.includes('Zone de coordination') && !left.includes('Type de contrat'),
    `the service lists what is left before recording: full time and the zone (${left.replace(/\s+/g, ' ').slice(0, 120)})`);
  await employer.page.getByLabel('Type de contrat du coordinateur').selectOption('CDI_PRIVATE');
  await employer.page.getByText('Aucune ligne du barème').waitFor();
  t.check(true, 'a contract the table does not fund for a collectivity: said as soon as it is chosen');
  // the service's messages at their fields: not full time, no zone, a contract it does not fund
  await employer.page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await employer.page.locator('#erreurs-formulaire').waitFor();
  const fullTime = await textOf(employer.page, '.fr-checkbox-group--error .fr-error-text');
  const zone = await textOf(employer.page, '.fr-input-group--error .fr-error-text');
  const contract = await textOf(employer.page, '.fr-select-group--error .fr-error-text');
  t.check(fullTime.includes('temps complet'), `the full-time message at its checkbox (${fullTime})`);
  t.check(zone.includes('territoire'), `the zone's message at the zone (${zone})`);
  t.check(contract.includes('barème'), `the contract's message at the contract (${contract.slice(0, 80)})`);
  await employer.page.getByLabel('Type de contrat du coordinateur').selectOption('CDD_PUBLIC');
  await employer.page.locator('#montant').waitFor();
  await employer.page.screenshot({ path: `${t.screenshots}/pages-applications-form.png`, fullPage: true });
  violations = await t.accessibility(employer.page);
  t.check(violations.length === 0, `axe-core: no serious or critical violation (employer's form) ${violations.join('; ')}`);
  t.check(employer.problems.length === 0, `no console error (employer) ${employer.problems.join(' | ')}`);
  await employer.context.close();

  // ANCT: the queue, late deadlines in words, the exports
  const anct = await t.visitor({ role: 'anct' });
  await anct.visit('/candidatures');
  await anct.page.getByRole('heading', { name: /^À décider/ }).waitFor();
  await anct.page.getByRole('link', { name: application.reference }).first().waitFor();
  t.check(true, `ANCT's queue holds ${application.reference}, to decide`);
  const late = await textOf(anct.page, 'main');
  t.check(late.includes('En retard') && late.includes('Notification attendue depuis'), 'late deadlines are said in words, not by colour alone');
  const [file] = await Promise.all([anct.page.waitForEvent('download'),
    anct.page.getByRole('button', { name: 'File d\'instruction (CSV)' }).click()]);
  t.check(file.suggestedFilename().endsWith('.csv'), `the queue's export downloads with ANCT's token (${file.suggestedFilename()})`);
  await anct.page.getByRole('table', { name: /Subventions par région/ }).waitFor();
  await anct.page.screenshot({ path: `${t.screenshots}/pages-applications-queue.png`, fullPage: false });
  violations = await t.accessibility(anct.page);
  t.check(violations.length === 0, `axe-core: no serious or critical violation (ANCT) ${violations.join('; ')}`);
  await anct.visit(`/candidatures/${encodeURIComponent(application.id)}`);
  await anct.page.getByRole('heading', { name: 'Décision de l\'ANCT' }).waitFor();
  t.check(true, 'an application whose opinions are given offers ANCT its decision');
  violations = await t.accessibility(anct.page);
  t.check(violations.length === 0, `axe-core: no serious or critical violation (an application) ${violations.join('; ')}`);
  t.check(anct.problems.length === 0, `no console error (ANCT) ${anct.problems.join(' | ')}`);
  await anct.context.close();
}
