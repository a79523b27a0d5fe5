CALL () {
  MATCH (n:Partner) WHERE true AND ($kinds IS NULL OR n.kind IN $kinds)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Partner) WHERE n.name >= coalesce($afterSort, '') AND ($kinds IS NULL OR n.kind IN $kinds)
    AND ($afterSort IS NULL OR n.name > $afterSort OR (n.name = $afterSort AND n.id > $afterId))
  WITH n, n.name AS sort ORDER BY sort, n.id LIMIT $fetch
  RETURN collect({node: n, sort: sort}) AS page
}
RETURN total, page
