// Advisers, MERGEd on the programme's id, with their current contract (a contract is one employer and one start:
// a new start is a new contract, earlier ones stay as history) and their main place. The row gives the current
// contract: a contract of the adviser still open on its start (with the same employer or another) ends the day
// before. On a change of employer, the places the adviser worked at for the former one are left: the row's main place
// is its only place. Otherwise a previous main place stays a place it works at, no longer the main one. The row
// never starts before the adviser's latest contract (AdviserImporter rejects it). Coordination is written by
// advisers-coordination.cypher afterwards, once every adviser of the file exists.
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
  WITH a, e, row
  CALL (a, row) {
    OPTIONAL MATCH (a)-[before:EMPLOYED_BY]->(former:Employer) WHERE before.start < row.contractStart
    WITH former, before ORDER BY before.start DESC
    RETURN head(collect(former)) AS former
  }
  MERGE (a)-[contract:EMPLOYED_BY {start: row.contractStart}]->(e)
  SET contract.contractType = row.contractType, contract.end = row.contractEnd
  WITH a, e, row, former IS NOT NULL AND former <> e AS moved
  CALL (a, row) {
    MATCH (a)-[open:EMPLOYED_BY]->(:Employer)
    WHERE open.start < row.contractStart AND (open.end IS NULL OR open.end >= row.contractStart)
    SET open.end = row.contractStart - duration({days: 1})
  }
  CALL (a, row, moved) {
    MATCH (a)-[works:WORKS_AT]->(p:Place)
    WHERE moved AND (row.mainPlace IS NULL OR p.key <> row.mainPlace)
    DELETE works
  }
  CALL (a, row, moved) {
    MATCH (a)-[previous:WORKS_AT {main: true}]->(p:Place)
    WHERE NOT moved AND (row.mainPlace IS NULL OR p.key <> row.mainPlace)
    SET previous.main = false
  }
  OPTIONAL MATCH (main:Place {key: row.mainPlace})
  FOREACH (place IN CASE WHEN main IS NULL THEN [] ELSE [main] END |
    MERGE (a)-[works:WORKS_AT]->(place)
    SET works.main = true)
}
MATCH (a:Adviser {externalId: row.key})
RETURN row.line AS line, status, a.id AS id
