CALL () {
  MATCH (n:Employer) WHERE true AND ($sector IS NULL OR n.sector = $sector)
  AND ($legalKind IS NULL OR n.legalKind = $legalKind)
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Employer) WHERE n.name >= coalesce($afterSort, '') AND ($sector IS NULL OR n.sector = $sector)
  AND ($legalKind IS NULL OR n.legalKind = $legalKind)
    AND ($afterSort IS NULL OR n.name > $afterSort OR (n.name = $afterSort AND n.id > $afterId))
  WITH n, n.name AS sort ORDER BY sort, n.id LIMIT $fetch
  RETURN collect({node: n, sort: sort}) AS page
}
RETURN total, page
