// What an activities file refers to and must already exist: advisers by programme id or Maillage id, places by key or
// id (with their commune), partners by id or key (a SIRET is looked up as the key "siret:<SIRET>").
MATCH (a:Adviser) WHERE a.externalId IN $advisers
RETURN 'ADVISER' AS kind, a.externalId AS ref, a.id AS id, null AS communeCode, null AS communeName
UNION ALL
MATCH (a:Adviser) WHERE a.id IN $advisers
RETURN 'ADVISER_ID' AS kind, a.id AS ref, a.id AS id, null AS communeCode, null AS communeName
UNION ALL
MATCH (p:Place) WHERE p.key IN $places
OPTIONAL MATCH (p)-[:IN_COMMUNE]->(c:Commune)
RETURN 'PLACE' AS kind, p.key AS ref, p.id AS id, c.code AS communeCode, c.name AS communeName
UNION ALL
MATCH (p:Place) WHERE p.id IN $places
OPTIONAL MATCH (p)-[:IN_COMMUNE]->(c:Commune)
RETURN 'PLACE_ID' AS kind, p.id AS ref, p.id AS id, c.code AS communeCode, c.name AS communeName
UNION ALL
MATCH (p:Partner) WHERE p.key IN $partners
RETURN 'PARTNER' AS kind, p.key AS ref, p.id AS id, null AS communeCode, null AS communeName
UNION ALL
MATCH (p:Partner) WHERE p.id IN $partners
RETURN 'PARTNER_ID' AS kind, p.id AS ref, p.id AS id, null AS communeCode, null AS communeName
