MATCH (p:Region {code: $code})
RETURN {node: p, children: null} AS territory
