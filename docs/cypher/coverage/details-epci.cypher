CALL () {
  MATCH (n:Place) WHERE n.epciCode = $withinCode
  UNWIND coalesce(n.services, []) AS code
  WITH code, count(*) AS count ORDER BY count DESC, code
  RETURN collect({code: code, count: count}) AS placesByService
}
CALL () {
  MATCH (n:Place) WHERE n.epciCode = $withinCode
  UNWIND coalesce(n.publics, []) AS code
  WITH code, count(*) AS count ORDER BY count DESC, code
  RETURN collect({code: code, count: count}) AS placesByPublic
}
CALL () {
  MATCH (n:Partner) WHERE n.epciCode = $withinCode
  UNWIND [n.kind] AS code
  WITH code, count(*) AS count ORDER BY count DESC, code
  RETURN collect({code: code, count: count}) AS partnersByKind
}
CALL () {
  MATCH (n:Employer) WHERE n.epciCode = $withinCode
  UNWIND [n.sector] AS code
  WITH code, count(*) AS count ORDER BY count DESC, code
  RETURN collect({code: code, count: count}) AS employersBySector
}
CALL () {
  MATCH (n:Employer) WHERE n.epciCode = $withinCode
  UNWIND [n.legalKind] AS code
  WITH code, count(*) AS count ORDER BY count DESC, code
  RETURN collect({code: code, count: count}) AS employersByLegalKind
}
CALL () {
  MATCH (m:Commune) WHERE m.epciCode = $withinCode
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
  MATCH (a)-[r:EMPLOYED_BY]->(e:Employer)
  WHERE r.start <= $today AND r.end >= $today AND r.end <= $horizon
  WITH a, r, e ORDER BY r.end, a.id
  RETURN count(*) AS endingCount,
    collect({adviserId: a.id, end: r.end, employerName: e.name})[0..$limit] AS ending
}
CALL () {
  MATCH (m:Commune) WHERE m.epciCode = $withinCode
  WITH m, m.code AS code, coalesce(m.population, 0) AS population
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
    RETURN count(a) AS serving, sum(CASE WHEN EXISTS { MATCH (a)-[later:EMPLOYED_BY]->(:Employer)
      WHERE later.end IS NULL OR later.end > $horizon } THEN 0 ELSE 1 END) AS leaving
  }
  WITH code, population WHERE serving > 0 AND leaving = serving
  ORDER BY population DESC, code
  RETURN collect(code)[0..$limit] AS losing
}
RETURN placesByService, placesByPublic, partnersByKind, employersBySector, employersByLegalKind,
  endingCount, ending, losing
