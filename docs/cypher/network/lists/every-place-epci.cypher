MATCH (n:Place) WHERE n.epciCode = $withinCode AND ($service IS NULL OR any(s IN n.services WHERE toLower(s) CONTAINS $service))
WITH n ORDER BY n.name, n.id
RETURN n, head([(n)-[:IN_COMMUNE]->(m:Commune) | m.name]) AS communeName,
  n.departmentCode AS departmentCode
ORDER BY n.name, n.id
