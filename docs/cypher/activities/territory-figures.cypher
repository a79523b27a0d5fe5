CALL () {
  MATCH (r:Region) RETURN sum(r.population) AS francePopulation
}
CALL (francePopulation) {
  UNWIND $targets AS t
  RETURN t.level AS level, t.code AS code, t.name AS name,
    coalesce(t.population, francePopulation) AS population, t.role AS role
  UNION
  MATCH (s:Department)-[:IN_REGION]->(:Region {code: $code}) WHERE $level = 'REGION'
  RETURN 'DEPARTMENT' AS level, s.code AS code, s.name AS name, s.population AS population, 'sub' AS role
  UNION
  MATCH (s:Epci)-[:IN_DEPARTMENT]->(:Department {code: $code}) WHERE $level = 'DEPARTMENT'
  RETURN 'EPCI' AS level, s.code AS code, s.name AS name, s.population AS population, 'sub' AS role
  UNION
  MATCH (s:Commune)-[:IN_EPCI]->(:Epci {code: $code}) WHERE $level = 'EPCI'
  RETURN 'COMMUNE' AS level, s.code AS code, s.name AS name, s.population AS population, 'sub' AS role
}
CALL (level, code) {
  CALL (level, code) {
    WITH level, code WHERE level = 'COMMUNE'
    MATCH (x:Activity) WHERE x.communeCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'EPCI'
    MATCH (x:Activity) WHERE x.epciCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'DEPARTMENT'
    MATCH (x:Activity) WHERE x.departmentCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'REGION'
    MATCH (x:Activity) WHERE x.regionCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'FRANCE'
    MATCH (x:Activity) WHERE x.date >= $from AND x.date <= $to
    RETURN x
  }
  WITH x WHERE x.status = 'HELD'
  RETURN sum(CASE WHEN x.kind IN $reachingPeople THEN x.participants ELSE 0 END) AS peopleHelped,
    count(CASE WHEN x.kind = 'INDIVIDUAL_ACCOMPANIMENT' THEN 1 END) AS accompaniments,
    count(CASE WHEN x.kind = 'COLLECTIVE_WORKSHOP' THEN 1 END) AS workshops,
    count(CASE WHEN x.kind = 'EVENT_DAY' THEN 1 END) AS eventDays,
    count(x) AS activities, sum(coalesce(x.durationMinutes, 0)) AS minutes
}
CALL (level, code, role) {
  WITH level, code, role WHERE role = 'own'
  CALL (level, code) {
    WITH level, code WHERE level = 'COMMUNE'
    MATCH (x:Activity) WHERE x.communeCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'EPCI'
    MATCH (x:Activity) WHERE x.epciCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'DEPARTMENT'
    MATCH (x:Activity) WHERE x.departmentCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'REGION'
    MATCH (x:Activity) WHERE x.regionCode = code AND x.date >= $from AND x.date <= $to
    RETURN x
    UNION
    WITH level, code WHERE level = 'FRANCE'
    MATCH (x:Activity) WHERE x.date >= $from AND x.date <= $to
    RETURN x
  }
  WITH x WHERE x.status = 'HELD'
  UNWIND x.themes AS theme
  WITH theme, count(*) AS activities
  ORDER BY activities DESC, theme
  LIMIT 10
  RETURN collect({theme: theme, activities: activities}) AS themes
}
RETURN level, code, name, population, role, peopleHelped, accompaniments, workshops, eventDays, activities,
  minutes, themes
ORDER BY role, peopleHelped DESC, code
