UNWIND $ids AS id
MATCH (a:CoordinatorApplication {id: id})
CALL (a) {
  WITH a WHERE a.requiredConsultations IS NOT NULL
  RETURN a.requiredConsultations AS required
  UNION
  WITH a WHERE a.requiredConsultations IS NULL
  UNWIND a.perimeterRefs AS ref
  WITH a, {level: split(ref, ':')[0], code: split(ref, ':')[1]} AS t
  CALL (t) {
    MATCH (m:Commune {code: t.code}) WHERE t.level = 'COMMUNE' RETURN m
    UNION
    MATCH (m:Commune {epciCode: t.code}) WHERE t.level = 'EPCI' RETURN m
    UNION
    MATCH (m:Commune {departmentCode: t.code}) WHERE t.level = 'DEPARTMENT' RETURN m
    UNION
    MATCH (m:Commune {regionCode: t.code}) WHERE t.level = 'REGION' RETURN m
  }
  WITH a, collect(DISTINCT m) AS communes, $today AS day, a.employerId AS applicantId
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
}
OPTIONAL MATCH (a)-[c:CONSULTED]->(e:Employer)
WITH a, required, collect({employerId: e.id, on: c.on, answer: c.answer, comment: c.comment}) AS done
RETURN a.id AS id, required, [d IN done WHERE d.employerId IS NOT NULL] AS done
