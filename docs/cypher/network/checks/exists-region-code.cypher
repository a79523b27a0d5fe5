MATCH (n:Region {code: $value}) RETURN count(n) > 0 AS found
