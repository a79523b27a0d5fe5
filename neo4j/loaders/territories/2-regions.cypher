UNWIND $rows AS row
MERGE (n:Region {code: row.code})
SET n += row, n.level = 'REGION', n.dataVersion = $version
