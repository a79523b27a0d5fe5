// The autumn 2023 call for applications for coordinator posts (ANCT), as reference data: its dates, delays and
// funding table (section II.b of the call). The call was launched in autumn 2023 without an opening date in the
// source: 2 October 2023 stands for it. Overseas uplifts: 67,500 EUR in La Réunion (974) and Mayotte (976),
// 70,000 EUR in Guadeloupe (971), Martinique (972) and Guyane (973), for collectivities only.
MERGE (c:Campaign {code: 'AAC-COORD-2023'})
SET c.name = 'Recrutements de conseillers numériques coordinateurs dans le cadre de « France Numérique Ensemble »',
    c.opensOn = date('2023-10-02'), c.closesOn = date('2023-12-10'),
    c.notificationDelayMonths = 2, c.recruitmentDelayMonths = 6, c.weeklyHours = 35,
    c.initialAdviserFundingMonths = 24;
MATCH (c:Campaign {code: 'AAC-COORD-2023'})
UNWIND [
  {n: 1, applicant: 'COLLECTIVITY', contracts: ['CDI_PUBLIC', 'CDD_PUBLIC', 'PROJECT_CONTRACT', 'CIVIL_SERVANT'],
   departments: [], amount: 50000, months: 24, branch: false, note: null},
  {n: 2, applicant: 'COLLECTIVITY', contracts: ['CDI_PUBLIC', 'CDD_PUBLIC', 'PROJECT_CONTRACT', 'CIVIL_SERVANT'],
   departments: ['974', '976'], amount: 67500, months: 24, branch: false, note: 'Majoration outre-mer (La Réunion, Mayotte)'},
  {n: 3, applicant: 'COLLECTIVITY', contracts: ['CDI_PUBLIC', 'CDD_PUBLIC', 'PROJECT_CONTRACT', 'CIVIL_SERVANT'],
   departments: ['971', '972', '973'], amount: 70000, months: 24, branch: false,
   note: 'Majoration outre-mer (Guadeloupe, Martinique, Guyane)'},
  {n: 4, applicant: 'OTHER_PUBLIC', contracts: ['CDD_PUBLIC', 'CDD_PRIVATE'], departments: [], amount: 37500,
   months: 18, branch: false,
   note: 'Hors majoration outre-mer, possible pour un contrat de droit public mais dont l’appel ne donne pas le montant'},
  {n: 5, applicant: 'PRIVATE', contracts: ['CDI_PRIVATE'], departments: [], amount: 40000, months: 24, branch: false, note: null},
  {n: 6, applicant: 'PRIVATE', contracts: ['CDD_PRIVATE'], departments: [], amount: 32000, months: 18, branch: false,
   note: 'Durée maximale d’un CDD : 18 mois'},
  {n: 7, applicant: 'PRIVATE', contracts: ['PROJECT_CONTRACT'], departments: [], amount: 40000, months: 24, branch: true,
   note: 'Seulement si un accord de branche ou une convention collective le permet'}
] AS rule
MERGE (r:FundingRule {key: c.code + '-' + rule.n})
SET r.rank = rule.n, r.campaignCode = c.code, r.applicant = rule.applicant, r.contractTypes = rule.contracts,
    r.departmentCodes = rule.departments, r.amountEur = rule.amount, r.periodMonths = rule.months,
    r.requiresBranchAgreement = rule.branch, r.note = rule.note
MERGE (c)-[:FUNDS]->(r);
