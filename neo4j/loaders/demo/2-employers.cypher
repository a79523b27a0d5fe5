UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
MERGE (n:Employer {id: row.id})
SET n.siret = row.siret, n.siren = row.siren, n.name = row.name, n.sector = row.sector, n.legalKind = row.legalKind,
    n.demo = true
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
MERGE (n)-[:IN_COMMUNE]->(c)
