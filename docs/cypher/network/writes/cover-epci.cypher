MATCH (c:Coordinator {id: $id})
UNWIND $codes AS code
MATCH (t:Epci {code: code})
MERGE (c)-[:COVERS]->(t)
