MATCH (n:Employer) WHERE n.epciCode = $withinCode AND ($sector IS NULL OR n.sector = $sector)
  AND ($legalKind IS NULL OR n.legalKind = $legalKind)
WITH n ORDER BY n.name, n.id
RETURN n, head([(n)-[:IN_COMMUNE]->(m:Commune) | m.name]) AS communeName,
  n.departmentCode AS departmentCode
ORDER BY n.name, n.id
