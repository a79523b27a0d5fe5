MATCH (c:Coordinator {id: $id})
UNWIND $codes AS code
MATCH (t:Region {code: code})
MERGE (c)-[:COVERS]->(t)
