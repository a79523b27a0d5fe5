MATCH (n:Commune {code: $value}) RETURN count(n) > 0 AS found
