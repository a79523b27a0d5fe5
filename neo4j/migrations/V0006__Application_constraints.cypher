// Coordinator applications: campaigns and their funding rules are reference data keyed by code; applications and
// their history have generated ids. The lists ANCT and the prefectures read filter on status and campaign.
CREATE CONSTRAINT campaign_code IF NOT EXISTS FOR (n:Campaign) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT funding_rule_key IF NOT EXISTS FOR (n:FundingRule) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT application_id IF NOT EXISTS FOR (n:CoordinatorApplication) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT application_reference IF NOT EXISTS FOR (n:CoordinatorApplication) REQUIRE n.reference IS UNIQUE;
CREATE INDEX application_status IF NOT EXISTS FOR (n:CoordinatorApplication) ON (n.status);
CREATE INDEX application_campaign IF NOT EXISTS FOR (n:CoordinatorApplication) ON (n.campaignCode);
CREATE INDEX application_employer IF NOT EXISTS FOR (n:CoordinatorApplication) ON (n.employerId);
