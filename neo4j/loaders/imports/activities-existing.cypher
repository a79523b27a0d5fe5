// The activities of an import's keys as they stand, with their links: an accepted row equal to its activity is
// UNCHANGED and not written; the leaders of an activity a row would change must be the caller's to record.
UNWIND $keys AS key
MATCH (x:Activity {key: key})
RETURN key, x.id AS id, x.source AS source, x.sourceId AS sourceId, x.kind AS kind, x.status AS status, x.date AS date,
  x.durationMinutes AS durationMinutes, x.title AS title, x.participants AS participants, x.structures AS structures,
  x.themes AS themes, x.publics AS publics, x.communeCode AS communeCode,
  [(x)-[:AT_PLACE]->(p:Place) | p.id] AS places, [(a:Adviser)-[:LED]->(x) | a.id] AS leaders,
  [(x)-[:MET]->(a:Adviser) | a.id] AS met, [(x)-[:WITH_PARTNER]->(p:Partner) | p.id] AS partners
