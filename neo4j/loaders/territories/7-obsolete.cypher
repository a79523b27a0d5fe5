// Territories gone from the referential: removed when nothing else points at them, otherwise kept and marked so
// that the actors attached to them can be moved by hand.
MATCH (n:Region|Department|Epci|Commune|Prefecture|Sgar)
WHERE n.dataVersion <> $version
WITH n, COUNT { (n)--() } AS links
CALL (n, links) {
  WITH n WHERE links = 0
  DELETE n
}
CALL (n, links) {
  WITH n WHERE links > 0
  SET n:Obsolete
}
RETURN count(n) AS obsolete, sum(CASE WHEN links > 0 THEN 1 ELSE 0 END) AS kept
