UNWIND $ids AS id
MATCH (a:CoordinatorApplication {id: id})
UNWIND a.perimeterRefs AS ref
WITH a, {level: split(ref, ':')[0], code: split(ref, ':')[1]} AS t
CALL (t) {
  MATCH (m:Commune {code: t.code}) WHERE t.level = 'COMMUNE' RETURN m
  UNION
  MATCH (m:Commune {epciCode: t.code}) WHERE t.level = 'EPCI' RETURN m
  UNION
  MATCH (m:Commune {departmentCode: t.code}) WHERE t.level = 'DEPARTMENT' RETURN m
  UNION
  MATCH (m:Commune {regionCode: t.code}) WHERE t.level = 'REGION' RETURN m
}
WITH a, collect(DISTINCT m) AS communes, coalesce(a.submittedOn, $today) AS day
CALL (a, communes, day) {
  UNWIND communes AS m
  CALL (m) {
    MATCH (c:Coordinator)-[:COVERS]->(m) RETURN c
    UNION
    MATCH (c:Coordinator)-[:COVERS]->(:Epci {code: m.epciCode}) RETURN c
    UNION
    MATCH (c:Coordinator)-[:COVERS]->(:Department {code: m.departmentCode}) RETURN c
    UNION
    MATCH (c:Coordinator)-[:COVERS]->(:Region {code: m.regionCode}) RETURN c
  }
  WITH c, m, day, a WHERE c.id <> coalesce(a.coordinatorId, '') AND c.id <> coalesce(a.existingPostAdviserId, '')
    AND c.status = 'ACTIVE' AND EXISTS { (c)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= day AND (activeContract.end IS NULL OR activeContract.end >= day)) }
  WITH c, count(DISTINCT m) AS shared, sum(coalesce(m.population, 0)) AS population
  ORDER BY population DESC, c.id
  RETURN collect({id: c.id, shared: shared, population: population}) AS overlaps
}
RETURN a.id AS id, a.zonePopulation AS zonePopulation, overlaps
