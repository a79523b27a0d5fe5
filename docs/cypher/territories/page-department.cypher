CALL () { MATCH (x:Department) RETURN count(x) AS total }
CALL () {
  MATCH (c:Department) WHERE $after IS NULL OR c.code > $after
  WITH c ORDER BY c.code LIMIT $fetch
  RETURN collect(c) AS rows
}
RETURN total, rows
