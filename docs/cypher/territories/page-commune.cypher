CALL () { MATCH (x:Commune) RETURN count(x) AS total }
CALL () {
  MATCH (c:Commune) WHERE $after IS NULL OR c.code > $after
  WITH c ORDER BY c.code LIMIT $fetch
  RETURN collect(c) AS rows
}
RETURN total, rows
