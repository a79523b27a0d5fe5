// The audit trail is read newest first, for one adviser or for all: without these, each reading walked every record
// ever written, a label that only grows. `at` orders ANCT's whole trail from the index; the full-text index finds the
// records naming one adviser (each id of `adviserIds` one token: the keyword analyzer keeps it whole, case included).
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE FULLTEXT INDEX audit_event_advisers IF NOT EXISTS FOR (e:AuditEvent) ON EACH [e.adviserIds]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
// An existing trail is indexed again: the first reading waits for it rather than fail while it fills.
CALL db.awaitIndex('audit_event_advisers', 600);
