UNWIND $rows AS row
MATCH (a:Adviser {id: row.adviserId})
MATCH (p:Place {id: row.placeId})
MERGE (a)-[r:WORKS_AT]->(p)
SET r.main = row.main
