UNWIND $rows AS row
MERGE (n:Commune {code: row.code})
SET n += row, n.level = 'COMMUNE', n.dataVersion = $version
WITH n, row
MATCH (d:Department {code: row.departmentCode})
MERGE (n)-[:IN_DEPARTMENT]->(d)
WITH n, row
OPTIONAL MATCH (e:Epci {code: row.epciCode})
FOREACH (epci IN CASE WHEN e IS NULL THEN [] ELSE [e] END | MERGE (n)-[:IN_EPCI]->(epci))
