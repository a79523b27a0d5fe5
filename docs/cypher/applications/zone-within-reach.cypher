MATCH (e:Employer {id: $employerId})
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
WITH e, m WHERE NOT (m.regionCode = e.regionCode OR EXISTS { MATCH (reach:Epci {code: m.epciCode}) WHERE e.departmentCode IN reach.departmentCodes })
RETURN count(m) = 0 AS within
