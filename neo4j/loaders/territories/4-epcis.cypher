UNWIND $rows AS row
MERGE (n:Epci {code: row.code})
SET n += row, n.level = 'EPCI', n.dataVersion = $version
WITH n, row
UNWIND row.departmentCodes AS departmentCode
MATCH (d:Department {code: departmentCode})
MERGE (n)-[:IN_DEPARTMENT]->(d)
