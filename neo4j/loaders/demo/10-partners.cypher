UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
MERGE (n:Partner {id: row.id})
SET n.key = row.key, n.kind = row.kind, n.name = row.name, n.siret = row.siret, n.address = row.address,
    n.demo = true
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
MERGE (n)-[:IN_COMMUNE]->(c)
