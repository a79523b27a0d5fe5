CALL () {
  MATCH (n:Place) WHERE n.epciCode = $withinCode
  MATCH (a:Adviser)-[:WORKS_AT]->(n)
  RETURN a
  UNION
  MATCH (n:Employer) WHERE n.epciCode = $withinCode
  MATCH (a:Adviser)-[r:EMPLOYED_BY]->(n) WHERE NOT (a)-[:WORKS_AT]->() AND (NOT $activeOnly OR (r.start <= $today AND (r.end IS NULL OR r.end >= $today)))
  RETURN a
}
WITH a WHERE ($scheme IS NULL OR a.scheme = $scheme) AND (NOT $coordinatorsOnly OR a:Coordinator)
  AND (NOT $activeOnly OR a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) })
WITH a AS n, a.id AS sort ORDER BY sort
WITH collect({node: n, sort: sort}) AS rows
RETURN size(rows) AS total, [r IN rows WHERE $afterSort IS NULL OR r.sort > $afterSort OR (r.sort = $afterSort AND r.node.id > $afterId)][0..$fetch] AS page
