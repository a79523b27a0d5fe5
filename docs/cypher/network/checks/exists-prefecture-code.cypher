MATCH (n:Prefecture {code: $value}) RETURN count(n) > 0 AS found
