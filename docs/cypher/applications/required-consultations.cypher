UNWIND $zone AS t
CALL (t) {
  MATCH (m:Commune {code: t.code}) WHERE t.level = 'COMMUNE' RETURN m
  UNION
  MATCH (m:Commune {epciCode: t.code}) WHERE t.level = 'EPCI' RETURN m
  UNION
  MATCH (m:Commune {departmentCode: t.code}) WHERE t.level = 'DEPARTMENT' RETURN m
  UNION
  MATCH (m:Commune {regionCode: t.code}) WHERE t.level = 'REGION' RETURN m
}
WITH collect(DISTINCT m) AS communes, $day AS day, $applicantId AS applicantId
CALL (communes, day, applicantId) {
  UNWIND communes AS m
  CALL (m, day) {
    MATCH (m)<-[:IN_COMMUNE]-(:Place)<-[:WORKS_AT]-(x:Adviser) RETURN x
    UNION
    MATCH (m)<-[:IN_COMMUNE]-(:Employer)<-[r:EMPLOYED_BY]-(x:Adviser) WHERE NOT (x)-[:WORKS_AT]->()
      AND (r.start <= day AND (r.end IS NULL OR r.end >= day))
    RETURN x
  }
  WITH DISTINCT x, day, applicantId
  MATCH (x)-[:EMPLOYED_BY]->(e:Employer)
  WHERE x.status = 'ACTIVE' AND EXISTS { (x)-[activeContract:EMPLOYED_BY]->(e) WHERE (activeContract.start <= day AND (activeContract.end IS NULL OR activeContract.end >= day)) } AND e.id <> applicantId
  RETURN collect(DISTINCT e.id) AS required
}
RETURN required
