MATCH (p:Department {code: $code})
OPTIONAL CALL (p) {
  MATCH (c:Commune)-[:IN_DEPARTMENT]->(p)
  WITH DISTINCT c ORDER BY c.code
  WITH collect(c) AS found
  WITH size(found) AS total, [x IN found WHERE $children.after IS NULL OR x.code > $children.after]
    [0..$children.fetch] AS rows
  RETURN {total: total, rows: [c IN rows | {node: c, children: null}]} AS children
}
RETURN {node: p, children: children} AS territory
