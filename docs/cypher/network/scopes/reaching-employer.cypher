OPTIONAL MATCH (x:Employer {id: $id})
OPTIONAL MATCH (a:Adviser {id: $id})
RETURN coalesce(x.id, CASE WHEN a IS NULL THEN null ELSE head(COLLECT { MATCH (a)-[c:EMPLOYED_BY]->(e:Employer)
  RETURN {r: c, employerId: e.id} AS latest ORDER BY c.start DESC }).employerId END) AS employerId
