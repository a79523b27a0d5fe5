MATCH (c:Coordinator {id: $id})
UNWIND $codes AS code
MATCH (t:Commune {code: code})
MERGE (c)-[:COVERS]->(t)
