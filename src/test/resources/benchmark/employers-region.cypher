// A page of the employers of a region in name order, with the total, each one's commune name and the number of its
// advisers counted today (active, under a contract with it running today).
CALL () { MATCH (n:Employer {regionCode: $region}) RETURN count(n) AS total }
MATCH (n:Employer {regionCode: $region})
WITH total, n ORDER BY n.name, n.id LIMIT $first
RETURN total, collect({siret: n.siret, name: n.name,
  commune: head(COLLECT { MATCH (m:Commune {code: n.communeCode}) RETURN m.name }),
  advisers: COUNT { MATCH (a:Adviser)-[r:EMPLOYED_BY]->(n)
    WHERE a.status = 'ACTIVE' AND r.start <= $today AND (r.end IS NULL OR r.end >= $today) RETURN DISTINCT a }
}) AS page
