CALL () {
  MATCH (n:Employer) WHERE n.regionCode = $withinCode AND ($sector IS NULL OR n.sector = $sector)
  AND ($legalKind IS NULL OR n.legalKind = $legalKind)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Employer) WHERE n.regionCode = $withinCode AND ($sector IS NULL OR n.sector = $sector)
  AND ($legalKind IS NULL OR n.legalKind = $legalKind)
    AND ($afterSort IS NULL OR n.name > $afterSort OR (n.name = $afterSort AND n.id > $afterId))
  WITH n, n.name AS sort ORDER BY sort, n.id LIMIT $fetch
  OPTIONAL CALL (n) {
    WITH {parentId: n.id, coordinator: false, activeOnly: $advisers.activeOnly, afterSort: $advisers.afterSort, afterId: $advisers.afterId, fetch: $advisers.fetch} AS k
    CALL (k) {
      OPTIONAL MATCH (a:Adviser)-[:EMPLOYED_BY]->(e:Employer {id: k.parentId})
      WHERE NOT k.coordinator AND (NOT k.activeOnly OR a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(e) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) })
      RETURN a
      UNION
      OPTIONAL MATCH (:Coordinator {id: k.parentId})-[:COORDINATES]->(a:Adviser)
      WHERE k.coordinator AND (NOT k.activeOnly OR a.status = 'ACTIVE' AND EXISTS { (a)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE (activeContract.start <= $today AND (activeContract.end IS NULL OR activeContract.end >= $today)) })
      RETURN a
    }
    WITH k, a WHERE a IS NOT NULL
    WITH k, a, a.id AS sort ORDER BY sort
    WITH k, collect({node: a, sort: sort}) AS found
    WITH k, size(found) AS total, [r IN found WHERE k.afterSort IS NULL OR r.sort > k.afterSort
         OR (r.sort = k.afterSort AND r.node.id > k.afterId)][0..k.fetch] AS page
    CALL (page) {
      UNWIND page AS r
      WITH r, r.node AS a
      RETURN collect({node: a, sort: r.sort, contract: head(COLLECT { MATCH (a)-[c:EMPLOYED_BY]->(e:Employer)
      RETURN {r: c, employerId: e.id} AS latest ORDER BY c.start DESC }), places: COLLECT { MATCH (a)-[w:WORKS_AT]->(p:Place)
      RETURN {p: p, main: coalesce(w.main, false)} AS place ORDER BY place.main DESC, p.name }}) AS rows
    }
    RETURN {total: total, page: rows} AS advisers
  }
  RETURN collect({node: n, sort: sort, commune: head([(n)-[:IN_COMMUNE]->(m:Commune) | m]), advisers: advisers}) AS page
}
RETURN total, page
