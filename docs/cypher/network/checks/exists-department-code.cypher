MATCH (n:Department {code: $value}) RETURN count(n) > 0 AS found
