// The territory search filters levels inside the full-text query (`+level:(EPCI)`), not after it: filtered after,
// the index's 500 best hits of every level could hold none of the level asked ("saint" among EPCI found nothing,
// though 42 EPCI names have the word). The index gains the `level` property (REGION, DEPARTMENT, EPCI, COMMUNE),
// set on every territory by the loader; the name and code words are asked on their own fields.
DROP INDEX territory_search IF EXISTS;
CREATE FULLTEXT INDEX territory_search IF NOT EXISTS
FOR (n:Region|Department|Epci|Commune) ON EACH [n.searchName, n.searchCodes, n.level]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
// An existing store is indexed again: the search waits for it rather than fail while it fills.
CALL db.awaitIndex('territory_search', 600);
