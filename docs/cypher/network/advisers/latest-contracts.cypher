MATCH (a:Adviser) WHERE a.id IN $ids RETURN a.id AS id, head(COLLECT { MATCH (a)-[c:EMPLOYED_BY]->(e:Employer)
  RETURN {r: c, employerId: e.id} AS latest ORDER BY c.start DESC }) AS latest
