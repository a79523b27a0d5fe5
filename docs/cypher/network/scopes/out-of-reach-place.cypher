OPTIONAL MATCH (e:Employer {id: $employerId})
WITH e
UNWIND $ids AS id
OPTIONAL MATCH (n:Place {id: id})-[:IN_COMMUNE]->(m:Commune)
WITH id, e, m
WHERE e IS NULL OR m IS NULL OR NOT (m.regionCode = e.regionCode OR EXISTS { MATCH (reach:Epci {code: m.epciCode}) WHERE e.departmentCode IN reach.departmentCodes })
RETURN collect(DISTINCT id) AS ids
