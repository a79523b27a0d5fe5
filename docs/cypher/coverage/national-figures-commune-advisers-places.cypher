CALL () {
  MATCH (m:Commune) WHERE m.code IS NOT NULL
  WITH m.code AS key, count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
    count(DISTINCT m.epciCode) AS epcis
  RETURN collect({key: key, communes: communes, population: population, epcis: epcis}) AS base
}
CALL () {
  MATCH (c:Coordinator)-[:COVERS]->(t) WHERE c.status = 'ACTIVE' AND EXISTS { (c)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
  WITH t, collect(c) AS coordinators
  CALL (t) {
    WITH t WHERE t:Commune RETURN t AS m
    UNION
    WITH t WHERE t:Epci MATCH (m:Commune)-[:IN_EPCI]->(t) RETURN m
    UNION
    WITH t WHERE t:Department MATCH (m:Commune)-[:IN_DEPARTMENT]->(t) RETURN m
    UNION
    WITH t WHERE t:Region MATCH (m:Commune {regionCode: t.code}) RETURN m
  }
  WITH t, coordinators, m.code AS key, collect(m) AS communes
  WHERE key IS NOT NULL
  WITH key, collect(communes) AS communeLists, collect(coordinators) AS coordinatorLists
  CALL (communeLists) {
    UNWIND communeLists AS communes UNWIND communes AS m
    WITH DISTINCT m
    RETURN count(m) AS coveredCommunes, sum(coalesce(m.population, 0)) AS coveredPopulation
  }
  CALL (coordinatorLists) {
    UNWIND coordinatorLists AS coordinators UNWIND coordinators AS c
    RETURN count(DISTINCT c) AS coordinators
  }
  RETURN collect({key: key, coordinators: coordinators, coveredCommunes: coveredCommunes,
    coveredPopulation: coveredPopulation}) AS coverage
}
CALL () {
  CALL () {
    MATCH (a:Adviser) WHERE a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
CALL (a) {
  MATCH (a)-[:WORKS_AT]->(:Place)-[:IN_COMMUNE]->(m:Commune) RETURN m
  UNION
  MATCH (a)-[r:EMPLOYED_BY]->(:Employer)-[:IN_COMMUNE]->(m:Commune)
  WHERE NOT (a)-[:WORKS_AT]->() AND (r.start <= $today AND (r.end IS NULL OR r.end >= $today))
  RETURN m
}
    WITH DISTINCT a, m.code AS key
    WHERE key IS NOT NULL
    RETURN a, key, 0 AS coordinated
    UNION ALL
    MATCH (x:Coordinator) WHERE x.status = 'ACTIVE' AND EXISTS { (x)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) }
    MATCH (x)-[:COORDINATES]->(a:Adviser)
    RETURN DISTINCT a, null AS key, 1 AS coordinated
  }
  WITH a, collect(key) AS keys, max(coordinated) AS coordinated
  UNWIND keys AS key
  WITH key, count(a) AS advisers, sum(coordinated) AS coordinated
  RETURN collect({key: key, advisers: advisers, coordinated: coordinated}) AS served
}
CALL () {
  MATCH (:Place)-[:IN_COMMUNE]->(m:Commune)
  WITH m.code AS key, count(*) AS places
  WHERE key IS NOT NULL
  RETURN collect({key: key, places: places}) AS placed
}
RETURN base, coverage, served, placed
