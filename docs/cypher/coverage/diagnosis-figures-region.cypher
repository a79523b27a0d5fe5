CALL () {
  CALL () {
    MATCH (m:Commune) WHERE m.regionCode = $withinCode AND m.departmentCode IS NOT NULL
  RETURN collect(DISTINCT {level: 'DEPARTMENT', code: m.departmentCode}) AS subGroups
  }
  UNWIND $groups + subGroups AS g
  CALL (g) {
    MATCH (m:Commune) WHERE g.level = 'REGION' AND m.regionCode = g.code RETURN m
    UNION ALL
    MATCH (m:Commune) WHERE g.level = 'DEPARTMENT' AND m.departmentCode = g.code RETURN m
    UNION ALL
    MATCH (m:Commune) WHERE g.level = 'EPCI' AND m.epciCode = g.code RETURN m
    UNION ALL
    MATCH (m:Commune) WHERE g.level = 'COMMUNE' AND m.code = g.code RETURN m
  }
  WITH m, collect(g.level + ':' + g.code) AS keys
  RETURN collect({m: m, keys: keys}) AS anchored
}
CALL (anchored) {
  UNWIND anchored AS commune
  WITH commune.m AS m, commune.keys AS keys
  WITH m, keys, coalesce(m.population, 0) AS pop, m.epciCode AS epciCode
  CALL (m) {
    CALL (m) {
    MATCH (m)<-[:IN_COMMUNE]-(:Place)<-[:WORKS_AT]-(a) WHERE a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
    RETURN a
    UNION
    MATCH (m)<-[:IN_COMMUNE]-(:Employer)<-[r:EMPLOYED_BY]-(a)
    WHERE a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) } AND (r.start <= $today AND (r.end IS NULL OR r.end >= $today))
      AND NOT (a)-[:WORKS_AT]->()
    RETURN a
  }
    WITH DISTINCT a
    RETURN collect(a.id) AS advisers, collect(CASE WHEN EXISTS {
      MATCH (x:Coordinator)-[:COORDINATES]->(a) WHERE x.status = 'ACTIVE' AND EXISTS { (x)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) } } THEN a.id END) AS coordinated
  }
  CALL (m) {
    OPTIONAL MATCH (m)<-[:IN_COMMUNE]-(p:Place)
    RETURN count(p) AS places
  }
  UNWIND keys AS key
  WITH key, count(m) AS communes, sum(pop) AS population, sum(places) AS places,
    count(DISTINCT epciCode) AS epcis, collect(advisers) AS adviserLists,
    collect(coordinated) AS coordinatedLists
  CALL (adviserLists) { UNWIND adviserLists AS ids UNWIND ids AS id RETURN count(DISTINCT id) AS advisers }
  CALL (coordinatedLists) {
    UNWIND coordinatedLists AS ids UNWIND ids AS id RETURN count(DISTINCT id) AS coordinated
  }
  RETURN collect({key: key, communes: communes, population: population, places: places, epcis: epcis,
    advisers: advisers, coordinated: coordinated}) AS base
}
CALL (anchored) {
  UNWIND anchored AS commune
  WITH commune, commune.m AS m
  CALL (m) {
    MATCH (m)<-[:COVERS]-(c:Coordinator) RETURN c
    UNION
    MATCH (m)-[:IN_EPCI]->(:Epci)<-[:COVERS]-(c:Coordinator) RETURN c
    UNION
    MATCH (m)-[:IN_DEPARTMENT]->(:Department)<-[:COVERS]-(c:Coordinator) RETURN c
    UNION
    MATCH (m)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(:Region)<-[:COVERS]-(c:Coordinator) RETURN c
  }
  WITH c, collect(commune) AS covered
  WHERE c.status = 'ACTIVE' AND EXISTS { (c)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
  UNWIND covered AS commune
  UNWIND commune.keys AS key
  WITH key, collect(DISTINCT c) AS coordinators, collect(DISTINCT commune.m) AS covered
  RETURN collect({key: key, coordinators: size(coordinators), coveredCommunes: size(covered),
    coveredPopulation: reduce(total = 0, m IN covered | total + coalesce(m.population, 0))}) AS coverage
}
CALL () {
CALL () {
  MATCH (m:Commune)
  RETURN count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
    count(DISTINCT m.epciCode) AS epcis
}
CALL () {
  MATCH (c:Coordinator)-[:COVERS]->(t) WHERE c.status = 'ACTIVE' AND EXISTS { (c)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
  WITH DISTINCT t
  WITH collect(t) AS covered
  WITH covered, [t IN covered WHERE t:Region | t.code] AS regions
  UNWIND covered AS t
  // a territory lying wholly in covered regions adds no commune
  WITH t WHERE t:Region OR NOT ((t:Department OR t:Commune) AND t.regionCode IN regions
    OR t:Epci AND all(r IN t.regionCodes WHERE r IN regions))
  CALL (t) {
    WITH t WHERE t:Commune RETURN t AS m
    UNION
    WITH t WHERE t:Epci MATCH (m:Commune)-[:IN_EPCI]->(t) RETURN m
    UNION
    WITH t WHERE t:Department MATCH (m:Commune)-[:IN_DEPARTMENT]->(t) RETURN m
    UNION
    WITH t WHERE t:Region MATCH (m:Commune {regionCode: t.code}) RETURN m
  }
  WITH DISTINCT m
  RETURN sum(coalesce(m.population, 0)) AS coveredPopulation, count(m) AS coveredCommunes
}
CALL () {
  MATCH (c:Coordinator) WHERE c.status = 'ACTIVE' AND EXISTS { (c)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) } AND EXISTS { (c)-[:COVERS]->() }
  RETURN count(c) AS coordinators
}
CALL () {
  MATCH (a:Adviser) WHERE a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
  RETURN count(a) AS advisers
}
CALL () {
  MATCH (x:Coordinator) WHERE x.status = 'ACTIVE' AND EXISTS { (x)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
  MATCH (x)-[:COORDINATES]->(a:Adviser)
  WITH DISTINCT a WHERE a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
  RETURN count(a) AS coordinated
}
CALL () {
  MATCH (p:Place) WHERE EXISTS { (p)-[:IN_COMMUNE]->() }
  RETURN count(p) AS places
}
RETURN {code: 'FRANCE', communes: communes, population: population, places: places, epcis: epcis,
  coveredPopulation: coveredPopulation,
  coverage: CASE WHEN population > 0 THEN toFloat(coveredPopulation) / population
                 WHEN communes > 0 THEN toFloat(coveredCommunes) / communes ELSE 0.0 END,
  advisers: advisers, coordinated: coordinated, coordinators: coordinators} AS row
}
RETURN base, coverage, row AS france
