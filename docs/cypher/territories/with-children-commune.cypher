MATCH (p:Commune {code: $code})
RETURN {node: p, children: null} AS territory
