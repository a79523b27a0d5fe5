MATCH (coordinator:Coordinator {id: $id})
RETURN {node: coordinator,
  perimeter: COLLECT { MATCH (coordinator)-[:COVERS]->(t) RETURN t ORDER BY t.level, t.code },
  advisers: null} AS coordinator
