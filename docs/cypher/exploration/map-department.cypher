CALL () {
  MATCH (n:Employer) WHERE n.departmentCode = $code RETURN n
  UNION MATCH (n:Place) WHERE n.departmentCode = $code RETURN n
  UNION MATCH (n:Partner) WHERE n.departmentCode = $code RETURN n
  UNION MATCH (n:Hub)-[:COVERS]->(:Region {code: $region}) RETURN n
  UNION MATCH (p:Place)<-[:WORKS_AT]-(n:Adviser) WHERE p.departmentCode = $code RETURN n
  UNION MATCH (e:Employer)<-[r:EMPLOYED_BY]-(n:Adviser) WHERE e.departmentCode = $code AND NOT (n)-[:WORKS_AT]->()
    AND (r.start <= $today AND (r.end IS NULL OR r.end >= $today)) RETURN n
  UNION MATCH (n:Coordinator)-[:COVERS]->(t) WHERE (t:Department AND t.code = $code) OR t.departmentCode = $code OR (t:Epci AND $code IN t.departmentCodes) OR (t:Region AND t.code = $region) RETURN n
}
WITH n AS a WHERE NOT a:Adviser OR (a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) })
WITH a AS n
WITH n,
  CASE WHEN n:Adviser THEN coalesce(
    head([(n)-[w:WORKS_AT]->(p:Place) WHERE w.main | p.communeCode]),
    head([(n)-[:WORKS_AT]->(p:Place) | p.communeCode]),
    head([(n)-[r:EMPLOYED_BY]->(e:Employer) WHERE (r.start <= $today AND (r.end IS NULL OR r.end >= $today)) | e.communeCode]))
  ELSE n.communeCode END AS communeCode
WITH communeCode, collect([n.id, CASE WHEN n:Coordinator THEN 'COORDINATOR' WHEN n:Adviser THEN 'ADVISER' WHEN n:Employer THEN 'EMPLOYER' WHEN n:Hub THEN 'HUB' WHEN n:Place THEN 'PLACE' ELSE 'PARTNER' END, n.name, n.scheme,
  COLLECT { MATCH (n)-[r:EMPLOYED_BY|WORKS_AT|COORDINATES|SUPPORTS|PARTNERS_WITH]->(y)
    WHERE type(r) <> 'EMPLOYED_BY' OR (r.start <= $today AND (r.end IS NULL OR r.end >= $today))
    RETURN [type(r), y.id] }]) AS actors
OPTIONAL MATCH (m:Commune {code: communeCode})
OPTIONAL MATCH (e:Epci {code: m.epciCode})
OPTIONAL MATCH (d:Department {code: m.departmentCode})
RETURN communeCode, e.code AS epciCode, e.name AS epciName, d.code AS departmentCode,
  d.name AS departmentName, actors
