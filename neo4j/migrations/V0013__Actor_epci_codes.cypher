// Lists and diagnoses inside an EPCI filter on the actor's own copy of its commune's EPCI code, like the other
// territory codes (V0004), instead of walking from every actor of France to its commune's EPCI.
CREATE INDEX employer_epci IF NOT EXISTS FOR (n:Employer) ON (n.epciCode);
CREATE INDEX place_epci IF NOT EXISTS FOR (n:Place) ON (n.epciCode);
CREATE INDEX partner_epci IF NOT EXISTS FOR (n:Partner) ON (n.epciCode);
CREATE INDEX hub_epci IF NOT EXISTS FOR (n:Hub) ON (n.epciCode);
// The actors already placed copy their commune's codes again, now with its EPCI's (none outside any EPCI).
MATCH (n:Employer|Place|Partner|Hub)-[:IN_COMMUNE]->(c:Commune)
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
;
