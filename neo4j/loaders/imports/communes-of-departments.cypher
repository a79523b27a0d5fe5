// The current communes of the départements where an import looks a name up (its postal code is a CEDEX code, or not
// the one of that name), each with its former communes.
UNWIND $departmentCodes AS departmentCode
MATCH (c:Commune {departmentCode: departmentCode})
WHERE NOT c:Obsolete
RETURN c.code AS code, c.name AS name, c.departmentCode AS departmentCode, c.regionCode AS regionCode,
       coalesce(c.postalCodes, []) AS postalCodes,
       [(c)<-[:PART_OF]-(f:FormerCommune) | f {.code, .name, .kind}] AS former
