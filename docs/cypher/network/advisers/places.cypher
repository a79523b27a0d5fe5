MATCH (a:Adviser) WHERE a.id IN $ids RETURN a.id AS id, COLLECT { MATCH (a)-[w:WORKS_AT]->(p:Place)
  RETURN {p: p, main: coalesce(w.main, false)} AS place ORDER BY place.main DESC, p.name } AS places
