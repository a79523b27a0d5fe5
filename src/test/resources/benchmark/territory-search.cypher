// The territories whose names match every word (a whole word weighs more than a prefix), exact name first.
CALL db.index.fulltext.queryNodes('territory_search', $lucene, {limit: 500}) YIELD node, score
RETURN node.code AS code, node.name AS name, score, node.searchName = $folded AS exact
ORDER BY exact DESC, score DESC, node.population DESC, node.code
LIMIT $first
