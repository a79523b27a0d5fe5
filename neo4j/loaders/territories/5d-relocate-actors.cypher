// The actors copy their commune's territory codes (NetworkQueries.LOCATE_IN_COMMUNE): a new referential that moves
// a commune to another EPCI (every January some do), département or region moves the copies of its actors with it.
MATCH (n:Employer|Place|Partner|Hub)-[:IN_COMMUNE]->(c:Commune)
WHERE n.communeCode <> c.code OR coalesce(n.epciCode, '') <> coalesce(c.epciCode, '')
  OR n.departmentCode <> c.departmentCode OR n.regionCode <> c.regionCode
SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode
RETURN count(n) AS relocated
