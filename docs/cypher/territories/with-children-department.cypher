MATCH (p:Department {code: $code})
RETURN {node: p, children: null} AS territory
