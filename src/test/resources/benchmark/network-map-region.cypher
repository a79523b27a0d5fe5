// The actors of region $region and their links: who each one is, the département it sits in (its commune's; an
// adviser's is its main place's, any place's, or its current employer's) and its outgoing links. Grouping into the
// summary past maxNodes is a walk over these rows, done by the client.
CALL () {
  MATCH (n:Employer {regionCode: $region}) RETURN n
  UNION MATCH (n:Place {regionCode: $region}) RETURN n
  UNION MATCH (n:Partner {regionCode: $region}) RETURN n
  UNION MATCH (n:Hub)-[:COVERS]->(:Region {code: $region}) RETURN n
  UNION MATCH (:Place {regionCode: $region})<-[:WORKS_AT]-(n:Adviser) RETURN n
  UNION MATCH (:Employer {regionCode: $region})<-[:EMPLOYED_BY]-(n:Adviser) WHERE NOT (n)-[:WORKS_AT]->() RETURN n
  UNION MATCH (n:Coordinator)-[:COVERS]->(t)
    WHERE (t:Region AND t.code = $region) OR t.regionCode = $region OR (t:Epci AND $region IN t.regionCodes)
    RETURN n
}
WITH n WHERE NOT n:Adviser OR (n.status = 'ACTIVE'
  AND EXISTS { (n)-[k:EMPLOYED_BY]->(:Employer) WHERE k.start <= $today AND (k.end IS NULL OR k.end >= $today) })
WITH n, CASE WHEN n:Adviser THEN coalesce(
    head([(n)-[w:WORKS_AT]->(p:Place) WHERE w.main | p.communeCode]),
    head([(n)-[:WORKS_AT]->(p:Place) | p.communeCode]),
    head([(n)-[r:EMPLOYED_BY]->(e:Employer) WHERE r.end IS NULL OR r.end >= $today | e.communeCode]))
  ELSE n.communeCode END AS communeCode
RETURN n.id AS id,
  CASE WHEN n:Coordinator THEN 'COORDINATOR' WHEN n:Adviser THEN 'ADVISER' WHEN n:Employer THEN 'EMPLOYER'
       WHEN n:Hub THEN 'HUB' WHEN n:Place THEN 'PLACE' ELSE 'PARTNER' END AS kind,
  coalesce(head([(:Commune {code: communeCode})-[:IN_DEPARTMENT]->(d:Department) | d.code]), 'HORS') AS area,
  COLLECT { MATCH (n)-[r:EMPLOYED_BY|WORKS_AT|COORDINATES|SUPPORTS|PARTNERS_WITH]->(y)
    WHERE type(r) <> 'EMPLOYED_BY' OR (r.start <= $today AND (r.end IS NULL OR r.end >= $today))
    RETURN [type(r), y.id] } AS links
