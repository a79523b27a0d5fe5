MATCH (n:Employer|Hub|Partner) WHERE n.id IN $ids
RETURN n.id AS id, [x IN [n.departmentCode] WHERE x IS NOT NULL] AS departments,
  [x IN [n.regionCode] WHERE x IS NOT NULL] + [(n)-[:COVERS]->(r:Region) | r.code] AS regions,
  [x IN [n.siret] WHERE x IS NOT NULL] AS sirets, [] AS advisers
