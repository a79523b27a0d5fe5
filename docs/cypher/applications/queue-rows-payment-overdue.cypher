MATCH (a:CoordinatorApplication) WHERE ($campaignCode IS NULL OR a.campaignCode = $campaignCode) AND a.status = 'CONVENTION_SIGNED' AND date.truncate('month', a.conventionSignedOn) + duration({months: 2}) <= $today
  AND ($national OR a.employerSiret IN $sirets OR a.status <> 'DRAFT' AND (any(d IN a.departmentCodes WHERE d IN $departments) OR any(g IN a.regionCodes WHERE g IN $regions)))
WITH a ORDER BY a.sort, a.id
OPTIONAL MATCH (rule:FundingRule {key: a.fundingRuleKey})
OPTIONAL MATCH (e:Employer {id: a.employerId})
RETURN a, rule, e.name AS employerName
ORDER BY a.sort, a.id
