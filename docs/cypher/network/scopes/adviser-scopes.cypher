UNWIND $ids AS id
MATCH (a:Adviser {id: id})
CALL (a) {
  WITH a, [(a)-[r:EMPLOYED_BY]->(e:Employer) WHERE r.end IS NULL OR r.end >= coalesce($day, date()) | e]
    AS employers
  RETURN [(a)-[:WORKS_AT]->(p:Place) | p.departmentCode] + [e IN employers | e.departmentCode] AS departments,
    [(a)-[:WORKS_AT]->(p:Place) | p.regionCode] + [e IN employers | e.regionCode] AS regions,
    [e IN employers | e.siret] AS sirets,
    [a.id] + [(c:Coordinator)-[:COORDINATES]->(a) | c.id] AS advisers
}
RETURN id, departments, regions, sirets, advisers
