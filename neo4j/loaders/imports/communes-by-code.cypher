// The current communes an import names by INSEE code: the commune of that code, or the one that holds today the former
// commune (déléguée, associée, merged away) or the municipal arrondissement of that code. Each with its former communes.
UNWIND $codes AS code
MATCH (c:Commune {code: code})
WHERE NOT c:Obsolete
RETURN c.code AS code, c.name AS name, c.departmentCode AS departmentCode, c.regionCode AS regionCode,
       coalesce(c.postalCodes, []) AS postalCodes,
       [(c)<-[:PART_OF]-(f:FormerCommune) | f {.code, .name, .kind}] AS former
UNION
UNWIND $codes AS code
MATCH (:FormerCommune {code: code})-[:PART_OF]->(c:Commune)
WHERE NOT c:Obsolete
RETURN c.code AS code, c.name AS name, c.departmentCode AS departmentCode, c.regionCode AS regionCode,
       coalesce(c.postalCodes, []) AS postalCodes,
       [(c)<-[:PART_OF]-(f:FormerCommune) | f {.code, .name, .kind}] AS former
