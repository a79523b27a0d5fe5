// The governance of a département and its members: employers, hubs, partners (by id), prefectures (by code).
UNWIND $rows AS row
MATCH (d:Department {code: row.departmentCode})
MERGE (g:Governance {id: row.id})
SET g.departmentCode = row.departmentCode, g.name = row.name, g.since = row.since, g.demo = true
MERGE (g)-[:GOVERNS]->(d)
WITH g, row
CALL (g, row) {
  UNWIND [m IN row.members WHERE m.label = 'Employer'] AS m
  MATCH (x:Employer {id: m.key})
  MERGE (x)-[r:MEMBER_OF]->(g)
  SET r.coCarrier = m.coCarrier, r.since = m.since
}
CALL (g, row) {
  UNWIND [m IN row.members WHERE m.label = 'Hub'] AS m
  MATCH (x:Hub {id: m.key})
  MERGE (x)-[r:MEMBER_OF]->(g)
  SET r.coCarrier = m.coCarrier, r.since = m.since
}
CALL (g, row) {
  UNWIND [m IN row.members WHERE m.label = 'Partner'] AS m
  MATCH (x:Partner {id: m.key})
  MERGE (x)-[r:MEMBER_OF]->(g)
  SET r.coCarrier = m.coCarrier, r.since = m.since
}
CALL (g, row) {
  UNWIND [m IN row.members WHERE m.label = 'Prefecture'] AS m
  MATCH (x:Prefecture {code: m.key})
  MERGE (x)-[r:MEMBER_OF]->(g)
  SET r.coCarrier = m.coCarrier, r.since = m.since
}
