// A département, the first page of its EPCI in code order (those with at least one commune in it) and, for each, the
// first page of its communes in code order (all of the EPCI's, inside the département or not), with the totals.
MATCH (d:Department {code: $code})
CALL (d) {
  MATCH (e:Epci)-[:IN_DEPARTMENT]->(d)
  WITH DISTINCT e ORDER BY e.code
  WITH collect(e) AS found
  UNWIND found[0..$epcis] AS e
  CALL (e) {
    MATCH (m:Commune)-[:IN_EPCI]->(e)
    WITH DISTINCT m ORDER BY m.code
    WITH collect(m) AS communes
    RETURN size(communes) AS communeCount, [m IN communes[0..$communes] | {code: m.code, name: m.name}] AS communes
  }
  RETURN size(found) AS epciCount,
    collect({code: e.code, name: e.name, communeCount: communeCount, communes: communes}) AS epcis
}
RETURN d.name AS name, epciCount, epcis
