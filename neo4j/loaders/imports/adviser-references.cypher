// What an advisers file refers to and must already exist: employers, main places, coordinated advisers, and the
// territories of coordinators' perimeters (each looked up at its own level: region and department codes overlap).
MATCH (e:Employer) WHERE e.siret IN $sirets RETURN 'EMPLOYER' AS kind, e.siret AS code
UNION ALL
MATCH (p:Place) WHERE p.key IN $places RETURN 'PLACE' AS kind, p.key AS code
UNION ALL
MATCH (a:Adviser) WHERE a.externalId IN $advisers RETURN 'ADVISER' AS kind, a.externalId AS code
UNION ALL
MATCH (t:Epci) WHERE t.code IN $epcis AND NOT t:Obsolete RETURN 'EPCI' AS kind, t.code AS code
UNION ALL
MATCH (t:Commune) WHERE t.code IN $communes AND NOT t:Obsolete RETURN 'COMMUNE' AS kind, t.code AS code
UNION ALL
MATCH (t:Department) WHERE t.code IN $departments AND NOT t:Obsolete RETURN 'DEPARTMENT' AS kind, t.code AS code
UNION ALL
MATCH (t:Region) WHERE t.code IN $regions AND NOT t:Obsolete RETURN 'REGION' AS kind, t.code AS code
