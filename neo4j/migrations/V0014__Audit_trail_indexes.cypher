// The audit trail is read newest first, for one adviser or for all: without these, each reading walked every record
// ever written, a label that only grows. `at` orders ANCT's whole trail from the index. One adviser's records are found
// through `indexedAdviserIds`, the record's ids of at most 200 characters (every id the service gives is far shorter),
// each one term of a keyword full-text index. Not `adviserIds` itself: any string can be recorded there (ANCT asking
// for an id that does not exist), and an id kept whole over Lucene's limit on a term (32,766 bytes) stopped the whole
// database at the commit of its record.
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
MATCH (e:AuditEvent) WHERE e.indexedAdviserIds IS NULL
CALL (e) {
  SET e.indexedAdviserIds = [id IN coalesce(e.adviserIds, []) WHERE size(id) <= 200]
} IN TRANSACTIONS OF 10000 ROWS;
CREATE FULLTEXT INDEX audit_event_advisers IF NOT EXISTS FOR (e:AuditEvent) ON EACH [e.indexedAdviserIds]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
// An existing trail is indexed again: the first reading waits for it rather than fail while it fills.
CALL db.awaitIndex('audit_event_advisers', 600);
