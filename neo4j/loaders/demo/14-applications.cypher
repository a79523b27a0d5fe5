// Demo applications to the 2023 call, derived from the demo network just written: the Corsica application of the
// seeds, finished (two adviser posts of the Collectivité de Corse turned into coordinator posts, paid), and a few
// applications of the national part, one per département without a coordinator, at successive steps of the workflow.
// Amounts come from the campaign's funding table; every node is marked demo = true.
MATCH (campaign:Campaign {code: 'AAC-COORD-2023'})
CALL (campaign) {
  MATCH (e:Employer {siret: '20007695800012'})<-[k:EMPLOYED_BY]-(c:Coordinator)-[:COVERS]->(d:Department)
  WITH e, c, d ORDER BY d.code
  RETURN collect({employer: e, adviser: c, kind: 'DEPARTMENT', refs: ['DEPARTMENT:' + d.code], case: 'CONVERT_ADVISER_POST',
    contract: 'PROJECT_CONTRACT', status: 'SUBSIDY_PAID', decision: 'ACCEPTED', fundingStart: c.coordinatorSince,
    submittedOn: date('2023-12-08'), opinionOn: date('2023-12-20'), decidedOn: date('2024-01-15'),
    notifiedOn: date('2024-01-31'), recruitedOn: date('2024-02-01'), signedOn: date('2024-03-15'),
    paidOn: date('2024-04-10')}) AS corsica
}
CALL () {
  MATCH (d:Department) WHERE NOT EXISTS { (:Coordinator)-[:COVERS]->(d) } AND NOT d.code IN ['2A', '2B']
  CALL (d) {
    MATCH (e:Employer {departmentCode: d.code})<-[:EMPLOYED_BY]-(:Adviser {scheme: 'CONSEILLER_NUMERIQUE'})
    WHERE e.demo = true AND NOT e.legalKind IN ['PRIVATE_COMPANY', 'STATE_SERVICE', 'OTHER']
      AND NOT EXISTS { (e)<-[:EMPLOYED_BY]-(:Coordinator) }
    WITH DISTINCT e ORDER BY e.siret LIMIT 1
    OPTIONAL MATCH (e)-[:IN_COMMUNE]->(:Commune)-[:IN_EPCI]->(epci:Epci)
    RETURN e, epci
  }
  WITH d, e, epci ORDER BY d.code LIMIT 8
  WITH collect({employer: e, epci: epci}) AS picks
  UNWIND range(0, size(picks) - 1) AS i
  WITH picks[i] AS pick, i,
       ['SUBMITTED', 'REVIEWED', 'ACCEPTED', 'NOTIFIED', 'NOTIFIED', 'DRAFT', 'WITHDRAWN', 'SUBMITTED'][i] AS status
  WITH pick.employer AS e, pick.epci AS epci, i, status,
       CASE WHEN i = 4 THEN 'REFUSED' WHEN status IN ['ACCEPTED', 'NOTIFIED'] THEN 'ACCEPTED' END AS decision,
       CASE WHEN status = 'DRAFT' THEN null WHEN i = 7 THEN date('2023-12-09') ELSE date('2023-11-20') END AS submittedOn
  RETURN collect({employer: e, adviser: null,
    kind: CASE WHEN epci IS NULL THEN 'DEPARTMENT' ELSE 'INTERCOMMUNAL' END,
    refs: CASE WHEN epci IS NULL THEN ['DEPARTMENT:' + e.departmentCode] ELSE ['EPCI:' + epci.code] END,
    case: 'ADDITIONAL_POST',
    contract: CASE WHEN e.legalKind IN ['TERRITORIAL_COLLECTIVITY', 'COLLECTIVITY_GROUPING'] THEN 'CDI_PUBLIC'
      WHEN e.sector = 'PUBLIC' THEN 'CDD_PUBLIC' ELSE 'CDI_PRIVATE' END,
    status: status, decision: decision, fundingStart: null, submittedOn: submittedOn,
    opinionOn: CASE WHEN status IN ['REVIEWED', 'ACCEPTED', 'NOTIFIED'] THEN date('2023-12-04') END,
    decidedOn: CASE WHEN decision IS NOT NULL THEN date('2023-12-18') END,
    notifiedOn: CASE WHEN status = 'NOTIFIED' THEN date('2024-01-10') END,
    recruitedOn: null, signedOn: null, paidOn: null}) AS national
}
UNWIND corsica + national AS app
WITH campaign, app, app.employer AS e,
     CASE WHEN app.employer.legalKind IN ['TERRITORIAL_COLLECTIVITY', 'COLLECTIVITY_GROUPING'] THEN 'COLLECTIVITY'
       WHEN app.employer.sector = 'PUBLIC' THEN 'OTHER_PUBLIC' ELSE 'PRIVATE' END AS category
CALL (campaign, app, e, category) {
  MATCH (campaign)-[:FUNDS]->(r:FundingRule)
  WHERE r.applicant = category AND app.contract IN r.contractTypes
    AND (r.departmentCodes = [] OR e.departmentCode IN r.departmentCodes)
  RETURN r ORDER BY size(r.departmentCodes) DESC, r.rank LIMIT 1
}
CALL (app) {
  UNWIND app.refs AS ref
  WITH split(ref, ':') AS t
  CALL (t) {
    MATCH (m:Commune {departmentCode: t[1]}) WHERE t[0] = 'DEPARTMENT' RETURN m
    UNION
    MATCH (m:Commune {epciCode: t[1]}) WHERE t[0] = 'EPCI' RETURN m
  }
  WITH DISTINCT m
  RETURN count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
         collect(DISTINCT m.departmentCode) AS departments, collect(DISTINCT m.regionCode) AS regions
}
WITH campaign, app, e, r, communes, population, departments, regions,
     'demo-application-' + e.siret + '-' + app.refs[0] AS id
ORDER BY id
WITH campaign, collect({app: app, e: e, r: r, communes: communes, population: population, departments: departments,
  regions: regions, id: id}) AS apps
UNWIND range(0, size(apps) - 1) AS n
WITH campaign, apps[n] AS x, n
WITH campaign, x.app AS app, x.e AS e, x.r AS r, x, 'AAC-COORD-2023-D' + right('000' + toString(n + 1), 4) AS reference
MERGE (a:CoordinatorApplication {id: x.id})
SET a.demo = true, a.reference = reference, a.sort = reference, a.campaignCode = campaign.code,
    a.employerId = e.id, a.employerSiret = e.siret, a.case = app.case, a.contractType = app.contract,
    a.fullTime = true, a.branchAgreement = false, a.perimeterKind = app.kind, a.perimeterRefs = app.refs,
    a.zoneCommunes = x.communes, a.zonePopulation = x.population, a.departmentCodes = x.departments,
    a.regionCodes = x.regions, a.existingPostAdviserId = app.adviser.id, a.status = app.status,
    a.amountEur = r.amountEur, a.periodMonths = r.periodMonths, a.fundingStart = coalesce(app.fundingStart, app.recruitedOn),
    a.fundingRuleKey = r.key,
    a.fundingNotes = CASE WHEN app.case = 'CONVERT_ADVISER_POST'
      THEN ['Poste existant : le financement court à compter du terme de la période de financement initiale ; un avenant à la convention existante est signé']
      ELSE ['La période couverte commence au recrutement du coordinateur'] END,
    a.createdOn = coalesce(app.submittedOn, date('2023-11-06')) - duration('P14D'), a.submittedOn = app.submittedOn,
    a.requiredConsultations = CASE WHEN app.submittedOn IS NULL THEN null ELSE [] END,
    a.decision = app.decision, a.decidedOn = app.decidedOn,
    a.decisionComment = CASE WHEN app.decision = 'REFUSED' THEN 'Zone déjà animée par la gouvernance départementale' END,
    a.notifiedOn = app.notifiedOn, a.recruitedOn = app.recruitedOn, a.coordinatorId = CASE WHEN app.recruitedOn IS NOT NULL THEN app.adviser.id END,
    a.conventionSignedOn = app.signedOn, a.paidOn = app.paidOn, a.notificationDelayMonths = campaign.notificationDelayMonths,
    a.recruitmentDelayMonths = campaign.recruitmentDelayMonths, a.createdAt = datetime(), a.updatedAt = datetime()
MERGE (a)-[:FOR_CAMPAIGN]->(campaign)
MERGE (a)-[:SUBMITTED_BY]->(e)
FOREACH (adviser IN CASE WHEN app.adviser IS NULL THEN [] ELSE [app.adviser] END |
  MERGE (a)-[:EXISTING_POST]->(adviser)
  FOREACH (_ IN CASE WHEN app.recruitedOn IS NULL THEN [] ELSE [1] END | MERGE (a)-[:RECRUITED]->(adviser)))
WITH a, app
CALL (a, app) {
  UNWIND CASE WHEN app.opinionOn IS NULL THEN [] ELSE a.departmentCodes END AS code
  MATCH (p:Prefecture {code: code})
  MERGE (p)-[o:GAVE_OPINION]->(a)
  SET o.favourable = true, o.comment = null, o.on = app.opinionOn, o.by = 'demo'
}
WITH a, app, [step IN [
    {action: 'DRAFT', label: 'Création du brouillon', to: 'DRAFT', on: a.createdOn},
    {action: 'SUBMIT', label: 'Dépôt de la candidature', from: 'DRAFT', to: 'SUBMITTED', on: app.submittedOn},
    {action: 'OPINION', label: 'Avis favorable de la préfecture', from: 'SUBMITTED', to: 'REVIEWED', on: app.opinionOn},
    {action: 'DECIDE', label: 'Décision de l’ANCT', from: 'REVIEWED', to: app.decision, on: app.decidedOn},
    {action: 'NOTIFY', label: 'Notification de la décision à la structure', from: app.decision, to: 'NOTIFIED',
     on: app.notifiedOn},
    {action: 'RECRUIT', label: 'Recrutement : rôle de coordinateur attribué sur la zone de la candidature',
     from: 'NOTIFIED', to: 'RECRUITED', on: app.recruitedOn},
    {action: 'SIGN', label: 'Signature de l’avenant à la convention existante', from: 'RECRUITED',
     to: 'CONVENTION_SIGNED', on: app.signedOn},
    {action: 'PAY', label: 'Versement de la subvention', from: 'CONVENTION_SIGNED', to: 'SUBSIDY_PAID', on: app.paidOn},
    {action: 'WITHDRAW', label: 'Retrait de la candidature', from: 'SUBMITTED', to: 'WITHDRAWN',
     on: CASE WHEN app.status = 'WITHDRAWN' THEN date('2023-12-01') END}
  ] WHERE step.on IS NOT NULL] AS steps
WHERE NOT EXISTS { (a)-[:HAS_EVENT]->() }
UNWIND range(0, size(steps) - 1) AS i
CREATE (a)-[:HAS_EVENT]->(:ApplicationEvent {id: a.id + '-' + (i + 1), demo: true, seq: i + 1, on: steps[i].on,
  recordedAt: datetime(), action: steps[i].action, label: steps[i].label, fromStatus: steps[i].from,
  toStatus: steps[i].to, role: 'DEMO', subject: 'demo', comment: null})
RETURN count(*) AS events
