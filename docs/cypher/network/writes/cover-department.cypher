MATCH (c:Coordinator {id: $id})
UNWIND $codes AS code
MATCH (t:Department {code: code})
MERGE (c)-[:COVERS]->(t)
