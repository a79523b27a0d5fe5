// A page of the places of a region in name order, with the total and each place's commune name.
CALL () { MATCH (n:Place {regionCode: $region}) RETURN count(n) AS total }
MATCH (n:Place {regionCode: $region})
WITH total, n ORDER BY n.name, n.id LIMIT $first
RETURN total, collect({name: n.name, address: n.address, services: n.services,
  commune: head(COLLECT { MATCH (m:Commune {code: n.communeCode}) RETURN m.name })}) AS page
