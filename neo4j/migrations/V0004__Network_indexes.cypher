// Lists inside a territory filter on the denormalised territory codes of each actor.
CREATE INDEX employer_department IF NOT EXISTS FOR (n:Employer) ON (n.departmentCode);
CREATE INDEX employer_region IF NOT EXISTS FOR (n:Employer) ON (n.regionCode);
CREATE INDEX employer_commune IF NOT EXISTS FOR (n:Employer) ON (n.communeCode);
CREATE INDEX place_department IF NOT EXISTS FOR (n:Place) ON (n.departmentCode);
CREATE INDEX place_region IF NOT EXISTS FOR (n:Place) ON (n.regionCode);
CREATE INDEX place_commune IF NOT EXISTS FOR (n:Place) ON (n.communeCode);
CREATE INDEX partner_department IF NOT EXISTS FOR (n:Partner) ON (n.departmentCode);
CREATE INDEX partner_region IF NOT EXISTS FOR (n:Partner) ON (n.regionCode);
CREATE INDEX partner_commune IF NOT EXISTS FOR (n:Partner) ON (n.communeCode);
CREATE INDEX partner_kind IF NOT EXISTS FOR (n:Partner) ON (n.kind);
CREATE INDEX adviser_status IF NOT EXISTS FOR (n:Adviser) ON (n.status);
CREATE INDEX adviser_last_name IF NOT EXISTS FOR (n:Adviser) ON (n.lastName);
CREATE INDEX hub_name IF NOT EXISTS FOR (n:Hub) ON (n.name);
