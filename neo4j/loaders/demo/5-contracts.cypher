UNWIND $rows AS row
MATCH (a:Adviser {id: row.adviserId})
MATCH (e:Employer {id: row.employerId})
MERGE (a)-[r:EMPLOYED_BY]->(e)
SET r.contractType = row.contractType, r.start = row.start, r.end = row.end
