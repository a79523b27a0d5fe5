// A new demo version replaces the previous one: its nodes (marked demo = true) go, a slice at a time; real data stays.
MATCH (n:Employer|Adviser|Hub|Place|Partner|Governance|CoordinatorApplication|ApplicationEvent|Activity)
WHERE n.demo = true
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS deleted
