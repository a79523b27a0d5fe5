UNWIND $ids AS id
MATCH (a:Adviser {externalId: id})
WITH id, head(COLLECT { MATCH (a)-[c:EMPLOYED_BY]->(e:Employer)
  RETURN {r: c, employerId: e.id} AS latest ORDER BY c.start DESC }) AS latest
WHERE latest IS NOT NULL
MATCH (e:Employer {id: latest.employerId})
RETURN id, latest.r.start AS start, latest.r.end AS end, e.siret AS siret
