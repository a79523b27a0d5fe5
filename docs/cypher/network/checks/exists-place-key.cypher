MATCH (n:Place {key: $value}) RETURN count(n) > 0 AS found
