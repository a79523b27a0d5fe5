UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
MERGE (n:Hub {id: row.id})
SET n.name = row.name, n.siret = row.siret, n.legalKind = row.legalKind, n.foundedOn = row.foundedOn,
    n.demo = true
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
MERGE (n)-[:IN_COMMUNE]->(c)
WITH n, row
CALL (n, row) {
  UNWIND row.regions AS code
  MATCH (r:Region {code: code})
  MERGE (n)-[:COVERS]->(r)
}
CALL (n, row) {
  UNWIND row.coordinators AS id
  MATCH (k:Adviser {id: id})
  MERGE (n)-[:SUPPORTS]->(k)
}
