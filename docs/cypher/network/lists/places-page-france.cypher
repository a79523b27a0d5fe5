CALL () {
  MATCH (n:Place) RETURN count(n) AS total
}
CALL () {
  MATCH (n:Place) WHERE n.name >= coalesce($afterSort, '') AND ($service IS NULL OR any(s IN n.services WHERE toLower(s) CONTAINS $service))
    AND ($afterSort IS NULL OR n.name > $afterSort OR (n.name = $afterSort AND n.id > $afterId))
  WITH n, n.name AS sort ORDER BY sort, n.id LIMIT $fetch
  RETURN collect({node: n, sort: sort}) AS page
}
RETURN total, page
