MATCH (p:Epci {code: $code})
RETURN {node: p, children: null} AS territory
