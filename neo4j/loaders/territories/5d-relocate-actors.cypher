// Actors and activities copy their commune's territory codes (NetworkQueries.LOCATE_IN_COMMUNE for actors, the same
// four codes for activities): a new referential that moves a commune to another EPCI (every January some do),
// département or region moves the copies with it, so that the figures read on a copied code (an EPCI's activities, a
// list inside an EPCI) agree with those read through the hierarchy (the communes IN_EPCI).
MATCH (n:Employer|Place|Partner|Hub|Activity)-[:IN_COMMUNE]->(c:Commune)
WHERE coalesce(n.communeCode, '') <> c.code OR coalesce(n.epciCode, '') <> coalesce(c.epciCode, '')
  OR coalesce(n.departmentCode, '') <> c.departmentCode OR coalesce(n.regionCode, '') <> c.regionCode
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
RETURN count(n) AS relocated
