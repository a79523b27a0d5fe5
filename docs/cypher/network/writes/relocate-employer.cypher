MATCH (n:Employer {id: $id}), (c:Commune {code: $communeCode})
OPTIONAL MATCH (n)-[old:IN_COMMUNE]->()
DELETE old
WITH DISTINCT n, c
CREATE (n)-[:IN_COMMUNE]->(c)
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
