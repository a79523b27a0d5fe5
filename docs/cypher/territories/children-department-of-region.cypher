UNWIND $keys AS k
MATCH (p:Region {code: k.code})
CALL (p, k) {
  MATCH (c:Department)-[:IN_REGION]->(p)
  WITH DISTINCT c ORDER BY c.code
  WITH collect(c) AS children
  RETURN size(children) AS total, [x IN children WHERE k.after IS NULL OR x.code > k.after][0..k.fetch] AS rows
}
RETURN k.index AS index, total, rows
