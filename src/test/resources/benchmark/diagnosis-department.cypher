// The diagnosis of département $code (in region $region) compared with its region and France, in one statement:
// each covered territory expanded once to its communes, advisers read from the places and employers of the region.
CALL () {
  MATCH (c:Coordinator)-[:COVERS]->(t)
  WHERE c.status = 'ACTIVE'
    AND EXISTS { (c)-[k:EMPLOYED_BY]->(:Employer) WHERE k.start <= $today AND (k.end IS NULL OR k.end >= $today) }
  WITH t, collect(c) AS coordinators
  CALL (t) {
    WITH t WHERE t:Commune RETURN t AS m
    UNION
    WITH t WHERE t:Epci MATCH (m:Commune)-[:IN_EPCI]->(t) RETURN m
    UNION
    WITH t WHERE t:Department MATCH (m:Commune {departmentCode: t.code}) RETURN m
    UNION
    WITH t WHERE t:Region MATCH (m:Commune {regionCode: t.code}) RETURN m
  }
  WITH t, coordinators, collect(m) AS communes
  WITH collect(communes) AS communeLists,
    collect(CASE WHEN any(m IN communes WHERE m.departmentCode = $code) THEN coordinators END) AS coordinatorLists
  CALL (coordinatorLists) {
    UNWIND coordinatorLists AS coordinators UNWIND coordinators AS c RETURN count(DISTINCT c) AS coordinators
  }
  CALL (communeLists) {
    UNWIND communeLists AS communes UNWIND communes AS m
    WITH DISTINCT m
    RETURN collect(m) AS covered, collect(DISTINCT m.epciCode) AS coveredEpcis
  }
  RETURN coordinators, covered, coveredEpcis
}
CALL () {
  MATCH (m:Commune)
  RETURN sum(coalesce(m.population, 0)) AS francePopulation,
    sum(CASE WHEN m.regionCode = $region THEN coalesce(m.population, 0) ELSE 0 END) AS regionPopulation,
    sum(CASE WHEN m.departmentCode = $code THEN coalesce(m.population, 0) ELSE 0 END) AS population
}
CALL () {
  CALL () {
    MATCH (p:Place {regionCode: $region})<-[:WORKS_AT]-(a:Adviser) RETURN a, p.departmentCode AS department
    UNION
    MATCH (e:Employer {regionCode: $region})<-[r:EMPLOYED_BY]-(a:Adviser)
    WHERE r.start <= $today AND (r.end IS NULL OR r.end >= $today) AND NOT (a)-[:WORKS_AT]->()
    RETURN a, e.departmentCode AS department
  }
  WITH a, department WHERE a.status = 'ACTIVE'
    AND EXISTS { (a)-[k:EMPLOYED_BY]->(:Employer) WHERE k.start <= $today AND (k.end IS NULL OR k.end >= $today) }
  RETURN count(DISTINCT a) AS regionAdvisers, collect(DISTINCT CASE WHEN department = $code THEN a END) AS served
}
CALL () {
  MATCH (a:Adviser {status: 'ACTIVE'})
  WHERE EXISTS { (a)-[k:EMPLOYED_BY]->(:Employer) WHERE k.start <= $today AND (k.end IS NULL OR k.end >= $today) }
  RETURN count(a) AS franceAdvisers
}
CALL (served) {
  UNWIND served AS a
  MATCH (a)-[r:EMPLOYED_BY]->(:Employer) WHERE r.start <= $today AND r.end >= $today AND r.end <= $horizon
  RETURN count(*) AS ending
}
CALL () {
  MATCH (n:Place {departmentCode: $code}) UNWIND coalesce(n.services, []) AS service
  WITH service, count(*) AS count ORDER BY count DESC, service
  RETURN collect({label: service, count: count}) AS placesByService
}
CALL () {
  MATCH (n:Partner {departmentCode: $code})
  WITH n.kind AS kind, count(*) AS count ORDER BY count DESC, kind
  RETURN collect({kind: kind, count: count}) AS partnersByKind
}
CALL (coveredEpcis) {
  MATCH (d:Commune {departmentCode: $code})
  WITH DISTINCT d.epciCode AS epci
  WHERE epci IS NOT NULL AND NOT epci IN coveredEpcis
  MATCH (m:Commune {epciCode: epci})
  WITH epci, sum(coalesce(m.population, 0)) AS population ORDER BY population DESC, epci
  WITH collect({code: epci, population: population}) AS lacking
  RETURN size(lacking) AS lackingCount,
    [r IN lacking[0..20] | {name: head(COLLECT { MATCH (e:Epci {code: r.code}) RETURN e.name }), population: r.population}] AS lackingTop
}
WITH *, reduce(s = 0, m IN covered | s + coalesce(m.population, 0)) AS franceCovered,
  reduce(s = 0, m IN [x IN covered WHERE x.regionCode = $region] | s + coalesce(m.population, 0)) AS regionCovered,
  reduce(s = 0, m IN [x IN covered WHERE x.departmentCode = $code] | s + coalesce(m.population, 0)) AS departmentCovered
RETURN population, size(served) AS advisers, coordinators,
  size(served) * 10000.0 / population AS advisersPer10000, regionAdvisers * 10000.0 / regionPopulation AS regionPer10000,
  franceAdvisers * 10000.0 / francePopulation AS francePer10000,
  toFloat(departmentCovered) / population AS coverage, toFloat(regionCovered) / regionPopulation AS regionCoverage,
  toFloat(franceCovered) / francePopulation AS franceCoverage,
  placesByService, partnersByKind, lackingCount, lackingTop, ending
