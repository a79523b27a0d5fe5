UNWIND $ids AS id
MATCH (x:Activity {id: id})
RETURN x {.*,
  leaderIds: COLLECT { MATCH (a:Adviser)-[:LED]->(x) RETURN a.id ORDER BY a.id },
  metAdviserIds: COLLECT { MATCH (x)-[:MET]->(m:Adviser) RETURN m.id ORDER BY m.id },
  partnerIds: COLLECT { MATCH (x)-[:WITH_PARTNER]->(p:Partner) RETURN p.id ORDER BY p.id },
  placeId: COLLECT { MATCH (x)-[:AT_PLACE]->(p:Place) RETURN p.id }[0]
} AS activity
