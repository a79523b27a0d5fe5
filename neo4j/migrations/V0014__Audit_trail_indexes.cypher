// The audit trail is read newest first, for one adviser or for all: without these, each reading walked every record
// ever written, a label that only grows. `at` orders ANCT's whole trail from the index; the full-text index finds the
// records that may name one adviser, which the reading then checks against `adviserIds` exactly. Its analyzer cuts
// words at 255 characters: one kept whole (the keyword analyzer) can exceed Lucene's limit on a term, and a record
// naming such an id then stopped the whole database at its commit.
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE FULLTEXT INDEX audit_event_advisers IF NOT EXISTS FOR (e:AuditEvent) ON EACH [e.adviserIds]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
// An existing trail is indexed again: the first reading waits for it rather than fail while it fills.
CALL db.awaitIndex('audit_event_advisers', 600);
