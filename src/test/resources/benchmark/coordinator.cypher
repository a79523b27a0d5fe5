// A coordinator's perimeter, the first page of the advisers it coordinates (by identifier, never by name; latest
// contract, places) and the first page of the partners in the communes it covers (prescribers nobody works with
// first, linked ones last).
MATCH (c:Coordinator {id: $id})
CALL (c) {
  MATCH (c)-[:COVERS]->(t) WITH t ORDER BY t.level, t.code RETURN collect(t.code) AS perimeter
}
CALL (c) {
  MATCH (c)-[:COORDINATES]->(a:Adviser)
  WITH a ORDER BY a.id
  WITH collect(a) AS found
  UNWIND found[0..$first] AS a
  RETURN size(found) AS adviserCount, collect({id: a.id,
    end: head(COLLECT { MATCH (a)-[r:EMPLOYED_BY]->(:Employer) RETURN r.end ORDER BY r.start DESC }),
    places: COLLECT { MATCH (a)-[w:WORKS_AT]->(p:Place) RETURN p.name ORDER BY coalesce(w.main, false) DESC, p.name }
  }) AS advisers
}
CALL (c) {
  CALL (c) {
    MATCH (c)-[:COVERS]->(t:Commune) RETURN t.code AS code
    UNION MATCH (c)-[:COVERS]->(:Epci)<-[:IN_EPCI]-(m:Commune) RETURN m.code AS code
    UNION MATCH (c)-[:COVERS]->(d:Department) MATCH (m:Commune {departmentCode: d.code}) RETURN m.code AS code
    UNION MATCH (c)-[:COVERS]->(r:Region) MATCH (m:Commune {regionCode: r.code}) RETURN m.code AS code
  }
  MATCH (p:Partner {communeCode: code})
  WITH p, EXISTS { MATCH (p)-[:PARTNERS_WITH]->(x:Adviser) WHERE x = c OR (c)-[:COORDINATES]->(x) } AS linked
  WITH p, linked ORDER BY (CASE WHEN linked THEN '2' WHEN p.kind IN $prescribers THEN '0' ELSE '1' END) + p.name, p.id
  WITH collect({name: p.name, kind: p.kind, linked: linked}) AS found
  RETURN size(found) AS partnerCount, size([x IN found WHERE NOT x.linked]) AS unlinked, found[0..$first] AS partners
}
RETURN perimeter, adviserCount, advisers, partnerCount, unlinked, partners
