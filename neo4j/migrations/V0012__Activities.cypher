// Activities of advisers and coordinators: counts only, nobody helped is named (docs/activities.md).
// One id per activity; the key makes a re-import find the same activity (the source's id, else what it is).
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (n:Activity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT activity_key IF NOT EXISTS FOR (n:Activity) REQUIRE n.key IS UNIQUE;
// The figures of a territory over a period read the territory's code copied onto each activity, then its date.
CREATE INDEX activity_commune_date IF NOT EXISTS FOR (n:Activity) ON (n.communeCode, n.date);
CREATE INDEX activity_epci_date IF NOT EXISTS FOR (n:Activity) ON (n.epciCode, n.date);
CREATE INDEX activity_department_date IF NOT EXISTS FOR (n:Activity) ON (n.departmentCode, n.date);
CREATE INDEX activity_region_date IF NOT EXISTS FOR (n:Activity) ON (n.regionCode, n.date);
// France's figures over a period.
CREATE INDEX activity_date IF NOT EXISTS FOR (n:Activity) ON (n.date);
