// The coordinator role on an adviser, and the perimeter it covers (territory codes per level).
UNWIND $rows AS row
MATCH (n:Adviser {id: row.id})
SET n:Coordinator, n.coordinatorSince = row.coordinatorSince, n.perimeterKind = row.perimeterKind
WITH n, row
CALL (n, row) {
  UNWIND row.communes AS code
  MATCH (t:Commune {code: code})
  MERGE (n)-[:COVERS]->(t)
}
CALL (n, row) {
  UNWIND row.epcis AS code
  MATCH (t:Epci {code: code})
  MERGE (n)-[:COVERS]->(t)
}
CALL (n, row) {
  UNWIND row.departments AS code
  MATCH (t:Department {code: code})
  MERGE (n)-[:COVERS]->(t)
}
CALL (n, row) {
  UNWIND row.regions AS code
  MATCH (t:Region {code: code})
  MERGE (n)-[:COVERS]->(t)
}
