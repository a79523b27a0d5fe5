MATCH (a:CoordinatorApplication)
WHERE ($campaignCode IS NULL OR a.campaignCode = $campaignCode)
  AND ($employerId IS NULL OR a.employerId = $employerId)
  AND ($statuses IS NULL OR a.status IN $statuses)
  AND ($withinCode IS NULL
    OR $withinLevel = 'REGION' AND $withinCode IN a.regionCodes
    OR $withinLevel = 'DEPARTMENT' AND $withinCode IN a.departmentCodes
    OR $withinLevel = 'COMMUNE' AND EXISTS { MATCH (m:Commune {code: $withinCode})
      WHERE any(ref IN a.perimeterRefs WHERE ref IN ['COMMUNE:' + m.code,
        'EPCI:' + coalesce(m.epciCode, ''), 'DEPARTMENT:' + m.departmentCode, 'REGION:' + m.regionCode]) }
    OR $withinLevel = 'EPCI' AND EXISTS { MATCH (x:Epci {code: $withinCode})
      WHERE 'EPCI:' + x.code IN a.perimeterRefs
        OR any(d IN x.departmentCodes WHERE 'DEPARTMENT:' + d IN a.perimeterRefs)
        OR any(g IN x.regionCodes WHERE 'REGION:' + g IN a.perimeterRefs)
        OR EXISTS { MATCH (m:Commune {epciCode: x.code}) WHERE 'COMMUNE:' + m.code IN a.perimeterRefs } })
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
