UNWIND $zone AS t
CALL (t) {
  MATCH (m:Commune {code: t.code}) WHERE t.level = 'COMMUNE' RETURN m
  UNION
  MATCH (m:Commune {epciCode: t.code}) WHERE t.level = 'EPCI' RETURN m
  UNION
  MATCH (m:Commune {departmentCode: t.code}) WHERE t.level = 'DEPARTMENT' RETURN m
  UNION
  MATCH (m:Commune {regionCode: t.code}) WHERE t.level = 'REGION' RETURN m
}
WITH DISTINCT m
RETURN count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
       collect(DISTINCT m.departmentCode) AS departments, collect(DISTINCT m.regionCode) AS regions
