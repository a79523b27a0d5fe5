MATCH (n:Partner {id: $value}) RETURN count(n) > 0 AS found
