MATCH (c:Coordinator {id: $coordinatorId})
UNWIND $ids AS id
MATCH (a:Adviser {id: id})
CALL (a) {
  MATCH (a)-[:WORKS_AT]->(:Place)-[:IN_COMMUNE]->(m:Commune) RETURN m
  UNION
  MATCH (a)-[r:EMPLOYED_BY]->(:Employer)-[:IN_COMMUNE]->(m:Commune)
  WHERE NOT (a)-[:WORKS_AT]->() AND (r.start <= $today AND (r.end IS NULL OR r.end >= $today))
  RETURN m
}
WITH c, a, m WHERE (EXISTS { (c)-[:COVERS]->(m) } OR EXISTS { (c)-[:COVERS]->(:Epci {code: m.epciCode}) } OR EXISTS { (c)-[:COVERS]->(:Department {code: m.departmentCode}) } OR EXISTS { (c)-[:COVERS]->(:Region {code: m.regionCode}) })
RETURN collect(DISTINCT a.id) AS ids
