// The latest contract (the one that started last) of each adviser an advisers file names, with its end and its
// employer's SIRET: a row gives the adviser's current contract, which cannot start before it, and ends it when open.
UNWIND $ids AS id
MATCH (:Adviser {externalId: id})-[c:EMPLOYED_BY]->(e:Employer)
WITH id, c, e ORDER BY c.start DESC
WITH id, head(collect({start: c.start, end: c.end, siret: e.siret})) AS latest
RETURN id, latest.start AS start, latest.end AS end, latest.siret AS siret
