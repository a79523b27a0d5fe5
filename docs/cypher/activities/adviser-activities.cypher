MATCH (:Adviser {id: $adviserId})-[:LED]->(x:Activity)
WHERE x.date >= $from AND x.date <= $to
WITH x, right('0000000' + toString(30000000 - (x.date.year * 10000 + x.date.month * 100 + x.date.day)), 8)
  AS sort
ORDER BY sort, x.id
WITH collect({sort: sort, node: x}) AS rows
WITH size(rows) AS total, [r IN rows WHERE $afterSort IS NULL OR r.sort > $afterSort OR (r.sort = $afterSort AND r.node.id > $afterId)][0..$fetch] AS page
CALL (page) {
  UNWIND page AS r
  WITH r.sort AS sort, r.node AS x
  RETURN collect({sort: sort, activity: x {.*,
    leaderIds: COLLECT { MATCH (a:Adviser)-[:LED]->(x) RETURN a.id ORDER BY a.id },
    metAdviserIds: COLLECT { MATCH (x)-[:MET]->(m:Adviser) RETURN m.id ORDER BY m.id },
    partnerIds: COLLECT { MATCH (x)-[:WITH_PARTNER]->(p:Partner) RETURN p.id ORDER BY p.id },
    placeId: COLLECT { MATCH (x)-[:AT_PLACE]->(p:Place) RETURN p.id }[0]
  }}) AS activities
}
RETURN total, activities
