// The territories whose names match every word (a whole word weighs more than a prefix), exact name first
// (the text's lucene query and exact names as fr.maillage.territories.SearchQuery writes them).
CALL db.index.fulltext.queryNodes('territory_search', $lucene, {limit: 500}) YIELD node, score
RETURN node.code AS code, node.name AS name, score, node.searchName IN $exactNames AS exact
ORDER BY exact DESC, score DESC, node.population DESC, node.code
LIMIT $first
