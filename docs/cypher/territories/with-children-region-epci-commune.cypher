MATCH (p:Region {code: $code})
OPTIONAL CALL (p) {
  MATCH (c:Epci)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(p)
  WITH DISTINCT c ORDER BY c.code
  WITH collect(c) AS found
  WITH size(found) AS total, [x IN found WHERE $children.after IS NULL OR x.code > $children.after]
    [0..$children.fetch] AS rows
  RETURN {total: total, rows: [c IN rows | {node: c, children: head([found IN [COLLECT { MATCH (g:Commune)-[:IN_EPCI]->(c) RETURN DISTINCT g ORDER BY g.code }] |
      {total: size(found), rows: [x IN found WHERE $grandchildren.after IS NULL
        OR x.code > $grandchildren.after][0..$grandchildren.fetch]}])}]} AS children
}
RETURN {node: p, children: children} AS territory
