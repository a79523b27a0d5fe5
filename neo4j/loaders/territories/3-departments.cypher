UNWIND $rows AS row
MERGE (n:Department {code: row.code})
SET n += row, n.level = 'DEPARTMENT', n.dataVersion = $version
WITH n, row
MATCH (r:Region {code: row.regionCode})
MERGE (n)-[:IN_REGION]->(r)
