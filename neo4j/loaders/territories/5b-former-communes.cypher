// Codes and names that are no longer a current commune but lie in one: communes déléguées (COMD) and associées (COMA),
// municipal arrondissements (ARM), codes of communes merged away (ANCIEN, without a name). The imports place rows that
// name them in the current commune. One node per code and current commune: a few codes lie in two.
UNWIND $rows AS row
MATCH (c:Commune {code: row.communeCode})
MERGE (f:FormerCommune {code: row.code, communeCode: row.communeCode})
SET f += row, f.dataVersion = $version
MERGE (f)-[:PART_OF]->(c)
