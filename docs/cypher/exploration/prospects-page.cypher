MATCH (c:Coordinator {id: $id})
CALL (c) {
  MATCH (c)-[:COVERS]->(t:Commune) RETURN t.code AS code
  UNION MATCH (c)-[:COVERS]->(:Epci)<-[:IN_EPCI]-(m:Commune) RETURN m.code AS code
  UNION MATCH (c)-[:COVERS]->(:Department)<-[:IN_DEPARTMENT]-(m:Commune) RETURN m.code AS code
  UNION MATCH (c)-[:COVERS]->(r:Region) MATCH (m:Commune {regionCode: r.code}) RETURN m.code AS code
}
WITH c, collect(code) AS communes
MATCH (p:Partner) WHERE p.communeCode IN communes AND ($kinds IS NULL OR p.kind IN $kinds)
WITH p, [(p)-[:PARTNERS_WITH]->(x:Adviser) WHERE x = c OR (c)-[:COORDINATES]->(x) | x.id] AS linkedWith
WITH p, linkedWith, size(linkedWith) > 0 AS linked
WITH collect({p: p, linkedWith: linkedWith, linked: linked}) AS candidates
WITH candidates, size([x IN candidates WHERE NOT x.linked]) AS unlinked
UNWIND candidates AS candidate
WITH unlinked, candidate WHERE NOT ($onlyUnlinked AND candidate.linked)
WITH unlinked, candidate, candidate.p AS p
WITH unlinked, candidate, p,
  (CASE WHEN candidate.linked THEN '2' WHEN p.kind IN $prescribers THEN '0' ELSE '1' END) + p.name AS sort
ORDER BY sort, p.id
WITH unlinked, collect({node: p, sort: sort, linkedWith: candidate.linkedWith}) AS rows
RETURN {unlinked: unlinked, total: size(rows), page: [r IN rows WHERE $afterSort IS NULL OR r.sort > $afterSort OR (r.sort = $afterSort AND r.node.id > $afterId)][0..$fetch]} AS prospects
