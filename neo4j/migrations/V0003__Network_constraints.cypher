// Actors of the network. Each has a generated id; natural keys (SIRET, the programme's adviser id, the national
// standard's place id, a partner's key) are unique too so that imports can MERGE on them.
CREATE CONSTRAINT employer_id IF NOT EXISTS FOR (n:Employer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT employer_siret IF NOT EXISTS FOR (n:Employer) REQUIRE n.siret IS UNIQUE;
CREATE CONSTRAINT adviser_id IF NOT EXISTS FOR (n:Adviser) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT adviser_external_id IF NOT EXISTS FOR (n:Adviser) REQUIRE n.externalId IS UNIQUE;
CREATE CONSTRAINT hub_id IF NOT EXISTS FOR (n:Hub) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT partner_id IF NOT EXISTS FOR (n:Partner) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT partner_key IF NOT EXISTS FOR (n:Partner) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT governance_id IF NOT EXISTS FOR (n:Governance) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT governance_department IF NOT EXISTS FOR (n:Governance) REQUIRE n.departmentCode IS UNIQUE;
