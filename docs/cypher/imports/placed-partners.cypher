// Employers, places and partners: MERGEd on their natural key (Partner and `key` are filled in per kind),
// placed in their commune (territory codes copied, IN_COMMUNE link). The status is decided before writing: a node
// whose stored fingerprint equals the row's is left untouched, updatedAt included.
UNWIND $rows AS row
OPTIONAL MATCH (old:Partner {key: row.key})
WITH row, CASE
    WHEN old IS NULL THEN 'CREATED'
    WHEN old.importFingerprint = row.fingerprint THEN 'UNCHANGED'
    ELSE 'UPDATED' END AS status
CALL (row, status) {
  WITH row, status WHERE status <> 'UNCHANGED'
  MATCH (c:Commune {code: row.communeCode})
  MERGE (n:Partner {key: row.key})
  ON CREATE SET n.id = row.id, n.createdAt = datetime()
  SET n += row.properties, n.importFingerprint = row.fingerprint, n.updatedAt = datetime()
  SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
  WITH n, c
  OPTIONAL MATCH (n)-[moved:IN_COMMUNE]->(other:Commune) WHERE other <> c
  DELETE moved
  WITH DISTINCT n, c
  MERGE (n)-[:IN_COMMUNE]->(c)
}
MATCH (n:Partner {key: row.key})
RETURN row.line AS line, status, n.id AS id
