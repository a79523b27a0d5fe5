CALL () { MATCH (a:Adviser|Employer|Hub|Place|Partner) WHERE a.id = $from RETURN a LIMIT 1 }
CALL () { MATCH (b:Adviser|Employer|Hub|Place|Partner) WHERE b.id = $to RETURN b LIMIT 1 }
MATCH path = shortestPath((a)-[:EMPLOYED_BY|WORKS_AT|COORDINATES|SUPPORTS|PARTNERS_WITH*..8]-(b))
RETURN nodes(path) AS nodes,
  [r IN relationships(path) | [startNode(r).id, endNode(r).id, type(r)]] AS links
