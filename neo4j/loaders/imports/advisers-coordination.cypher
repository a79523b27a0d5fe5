// The coordinator role of the advisers a file created or changed: label, perimeter (COVERS, replaced as a whole) and
// the advisers coordinated (the row's list is the whole list; a link that stays keeps its `since`).
UNWIND $rows AS row
MATCH (a:Adviser {externalId: row.key})
CALL (a, row) {
  WITH a, row WHERE NOT row.coordinator
  REMOVE a:Coordinator, a.coordinatorSince, a.perimeterKind
  WITH a
  OPTIONAL MATCH (a)-[r:COVERS|COORDINATES]->()
  DELETE r
}
CALL (a, row) {
  WITH a, row WHERE row.coordinator
  SET a:Coordinator, a.coordinatorSince = row.coordinatorSince, a.perimeterKind = row.perimeterKind
  WITH a, row
  OPTIONAL MATCH (a)-[covers:COVERS]->()
  DELETE covers
  WITH DISTINCT a, row
  UNWIND row.covers AS ref
  MATCH (t:Epci|Commune|Department|Region {code: ref.code})
  WHERE (ref.level = 'EPCI' AND t:Epci) OR (ref.level = 'COMMUNE' AND t:Commune)
     OR (ref.level = 'DEPARTMENT' AND t:Department) OR (ref.level = 'REGION' AND t:Region)
  MERGE (a)-[:COVERS]->(t)
}
CALL (a, row) {
  WITH a, row WHERE row.coordinator
  OPTIONAL MATCH (a)-[gone:COORDINATES]->(x:Adviser)
  WHERE NOT x.externalId IN row.coordinated
  DELETE gone
  WITH DISTINCT a, row
  UNWIND row.coordinated AS coordinatedId
  MATCH (x:Adviser {externalId: coordinatedId})
  MERGE (a)-[link:COORDINATES]->(x)
  ON CREATE SET link.since = row.coordinatorSince
}
