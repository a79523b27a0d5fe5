UNWIND $rows AS row
MATCH (c:Adviser {id: row.coordinatorId})
MATCH (a:Adviser {id: row.adviserId})
MERGE (c)-[r:COORDINATES]->(a)
SET r.since = row.since
