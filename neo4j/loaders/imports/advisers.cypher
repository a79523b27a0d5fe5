// Advisers, MERGEd on the programme's id, with their current contract (a contract is one employer and one start:
// a new start is a new contract, earlier ones stay as history) and their main place (a previous main place stays a
// place they work at, no longer the main one). Coordination is written by advisers-coordination.cypher afterwards,
// once every adviser of the file exists.
UNWIND $rows AS row
OPTIONAL MATCH (old:Adviser {externalId: row.key})
WITH row, CASE
    WHEN old IS NULL THEN 'CREATED'
    WHEN old.importFingerprint = row.fingerprint THEN 'UNCHANGED'
    ELSE 'UPDATED' END AS status
CALL (row, status) {
  WITH row, status WHERE status <> 'UNCHANGED'
  MATCH (e:Employer {siret: row.employerSiret})
  MERGE (a:Adviser {externalId: row.key})
  ON CREATE SET a.id = row.id, a.createdAt = datetime()
  SET a += row.properties, a.importFingerprint = row.fingerprint, a.updatedAt = datetime()
  MERGE (a)-[contract:EMPLOYED_BY {start: row.contractStart}]->(e)
  SET contract.contractType = row.contractType, contract.end = row.contractEnd
  WITH a, row
  OPTIONAL MATCH (a)-[previous:WORKS_AT {main: true}]->(p:Place)
  WHERE row.mainPlace IS NULL OR p.key <> row.mainPlace
  SET previous.main = false
  WITH DISTINCT a, row
  OPTIONAL MATCH (main:Place {key: row.mainPlace})
  FOREACH (place IN CASE WHEN main IS NULL THEN [] ELSE [main] END |
    MERGE (a)-[works:WORKS_AT]->(place)
    SET works.main = true)
}
MATCH (a:Adviser {externalId: row.key})
RETURN row.line AS line, status, a.id AS id
