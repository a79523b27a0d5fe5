// National EPCI lacking any active coordinator, largest population first: the EPCI touched by a perimeter are
// collected from the coordinators' side (each covered territory expanded once, however many cover it), then every
// EPCI is summed from its communes once.
CALL () {
  MATCH (c:Coordinator)-[:COVERS]->(t)
  WHERE c.status = 'ACTIVE'
    AND EXISTS { (c)-[k:EMPLOYED_BY]->(:Employer) WHERE k.start <= $today AND (k.end IS NULL OR k.end >= $today) }
  WITH DISTINCT t
  CALL (t) {
    WITH t WHERE t:Commune RETURN t.epciCode AS code
    UNION
    WITH t WHERE t:Epci RETURN t.code AS code
    UNION
    WITH t WHERE t:Department MATCH (x:Commune {departmentCode: t.code}) RETURN DISTINCT x.epciCode AS code
    UNION
    WITH t WHERE t:Region MATCH (y:Commune {regionCode: t.code}) RETURN DISTINCT y.epciCode AS code
  }
  RETURN collect(DISTINCT code) AS covered
}
MATCH (m:Commune)
WITH covered, m.epciCode AS code, coalesce(m.population, 0) AS population
WHERE code IS NOT NULL AND NOT code IN covered
WITH code, sum(population) AS population
WITH code, population ORDER BY population DESC, code
WITH collect({code: code, population: population}) AS rows
RETURN size(rows) AS total, reduce(p = 0, r IN rows | p + r.population) AS population,
  [r IN rows[0..$first] | {code: r.code, population: r.population, coverage: 0.0,
     name: head(COLLECT { MATCH (e:Epci {code: r.code}) RETURN e.name })}] AS page
