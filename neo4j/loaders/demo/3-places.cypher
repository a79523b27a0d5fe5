// Fields of the national standard "lieux de médiation numérique"; multi-valued fields as string lists.
UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
MERGE (n:Place {id: row.id})
SET n.key = row.key, n.name = row.name, n.pivot = row.pivot, n.postalCode = row.postalCode, n.address = row.address,
    n.services = row.services, n.publics = row.publics, n.accessModes = row.accessModes,
    n.supportModes = row.supportModes, n.fees = row.fees, n.hours = row.hours, n.typologies = row.typologies,
    n.source = row.source, n.updatedOn = row.updatedOn, n.demo = true
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
MERGE (n)-[:IN_COMMUNE]->(c)
