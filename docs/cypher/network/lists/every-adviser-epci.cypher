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
WITH a ORDER BY a.id
WITH a, head(COLLECT { MATCH (a)-[c:EMPLOYED_BY]->(e:Employer)
  RETURN {r: c, employerId: e.id} AS latest ORDER BY c.start DESC }) AS latest, COLLECT { MATCH (a)-[w:WORKS_AT]->(p:Place)
  RETURN {p: p, main: coalesce(w.main, false)} AS place ORDER BY place.main DESC, p.name } AS places
OPTIONAL MATCH (e:Employer {id: latest.employerId})
OPTIONAL MATCH (m:Commune {code: head(places).p.communeCode})
CALL (a) {
  WITH a, [(a)-[r:EMPLOYED_BY]->(e:Employer) WHERE r.end IS NULL OR r.end >= coalesce($day, date()) | e]
    AS employers
  RETURN [(a)-[:WORKS_AT]->(p:Place) | p.departmentCode] + [e IN employers | e.departmentCode] AS departments,
    [(a)-[:WORKS_AT]->(p:Place) | p.regionCode] + [e IN employers | e.regionCode] AS regions,
    [e IN employers | e.siret] AS sirets,
    [a.id] + [(c:Coordinator)-[:COORDINATES]->(a) | c.id] AS advisers
}

RETURN a, latest, places, e.name AS employerName, e.siret AS employerSiret, m.name AS placeCommuneName,
  departments, regions, sirets, advisers
ORDER BY a.id
