MATCH (n:Partner) WHERE n.epciCode = $withinCode AND ($kinds IS NULL OR n.kind IN $kinds)
WITH n ORDER BY n.name, n.id
RETURN n, head([(n)-[:IN_COMMUNE]->(m:Commune) | m.name]) AS communeName,
  n.departmentCode AS departmentCode
ORDER BY n.name, n.id
