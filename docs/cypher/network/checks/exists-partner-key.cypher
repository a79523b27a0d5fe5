MATCH (n:Partner {key: $value}) RETURN count(n) > 0 AS found
