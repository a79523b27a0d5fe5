// Coverage and diagnosis group communes by their EPCI or département: both lookups by index, not by scan.
CREATE INDEX commune_epci_code IF NOT EXISTS FOR (n:Commune) ON (n.epciCode);
CREATE INDEX commune_department_code IF NOT EXISTS FOR (n:Commune) ON (n.departmentCode);
