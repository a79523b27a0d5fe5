// The current communes an import names, by INSEE code or by postal code (the rows then give the name).
MATCH (c:Commune)
WHERE NOT c:Obsolete AND (c.code IN $codes OR any(p IN coalesce(c.postalCodes, []) WHERE p IN $postalCodes))
RETURN c.code AS code, c.name AS name, c.departmentCode AS departmentCode, c.regionCode AS regionCode,
       coalesce(c.postalCodes, []) AS postalCodes
