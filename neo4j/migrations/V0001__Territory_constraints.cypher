// Natural keys of the INSEE territories: region and department codes overlap, so each level has its own label.
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT department_code IF NOT EXISTS FOR (n:Department) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT epci_code IF NOT EXISTS FOR (n:Epci) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT commune_code IF NOT EXISTS FOR (n:Commune) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT prefecture_code IF NOT EXISTS FOR (n:Prefecture) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT sgar_code IF NOT EXISTS FOR (n:Sgar) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT data_version_name IF NOT EXISTS FOR (n:DataVersion) REQUIRE n.name IS UNIQUE;
