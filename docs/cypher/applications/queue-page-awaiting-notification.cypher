MATCH (a:CoordinatorApplication) WHERE ($campaignCode IS NULL OR a.campaignCode = $campaignCode) AND a.status IN ['ACCEPTED', 'REFUSED']
  AND ($national OR a.employerSiret IN $sirets OR a.status <> 'DRAFT' AND (any(d IN a.departmentCodes WHERE d IN $departments) OR any(g IN a.regionCodes WHERE g IN $regions)))
WITH a ORDER BY a.sort, a.id
WITH collect({node: a, sort: a.sort}) AS rows
CALL (rows) {
  UNWIND [r IN rows WHERE $afterSort IS NULL OR r.sort > $afterSort OR (r.sort = $afterSort AND r.node.id > $afterId)][0..$fetch] AS r
  WITH r.node AS a
  OPTIONAL MATCH (rule:FundingRule {key: a.fundingRuleKey})
  RETURN collect({node: a, rule: rule}) AS page
}
RETURN size(rows) AS total, page
