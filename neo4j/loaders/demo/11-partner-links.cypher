// A partner works with an adviser (coordinators included) or with an employer.
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
CALL (p, row) {
  WITH row WHERE row.targetLabel = 'Adviser'
  MATCH (t:Adviser {id: row.targetId})
  MERGE (p)-[r:PARTNERS_WITH]->(t)
  SET r.since = row.since, r.nature = row.nature
}
CALL (p, row) {
  WITH row WHERE row.targetLabel = 'Employer'
  MATCH (t:Employer {id: row.targetId})
  MERGE (p)-[r:PARTNERS_WITH]->(t)
  SET r.since = row.since, r.nature = row.nature
}
