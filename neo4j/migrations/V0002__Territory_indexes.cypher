// Listing communes of a region and finding communes by postal code (place imports) without scanning.
CREATE INDEX commune_region_code IF NOT EXISTS FOR (n:Commune) ON (n.regionCode);
CREATE INDEX commune_postal_codes IF NOT EXISTS FOR (n:Commune) ON (n.postalCodes);
// Accent- and case-insensitive search across levels: names are folded by the loader (searchName), codes and
// postal codes indexed beside them (searchCodes).
CREATE FULLTEXT INDEX territory_search IF NOT EXISTS
FOR (n:Region|Department|Epci|Commune) ON EACH [n.searchName, n.searchCodes]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
