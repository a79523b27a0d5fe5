MATCH (c:Commune {code: $communeCode})
CREATE (n:Employer {id: $id, siret: $siret, siren: substring($siret, 0, 9), name: $name,
  sector: $sector, legalKind: $legalKind, createdAt: datetime(), updatedAt: datetime()})
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
CREATE (n)-[:IN_COMMUNE]->(c)
