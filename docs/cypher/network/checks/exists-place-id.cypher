MATCH (n:Place {id: $value}) RETURN count(n) > 0 AS found
