// The current communes of the postal codes an import gives (the rows then give the name), each with its former
// communes. A commune has several postal codes and a list property cannot be index-seeked: this one reads the
// communes' label index (35,000 nodes, once per import).
MATCH (c:Commune)
WHERE NOT c:Obsolete AND any(p IN coalesce(c.postalCodes, []) WHERE p IN $postalCodes)
RETURN c.code AS code, c.name AS name, c.departmentCode AS departmentCode, c.regionCode AS regionCode,
       coalesce(c.postalCodes, []) AS postalCodes,
       [(c)<-[:PART_OF]-(f:FormerCommune) | f {.code, .name, .kind}] AS former
