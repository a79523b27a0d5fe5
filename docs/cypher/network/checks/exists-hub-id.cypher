MATCH (n:Hub {id: $value}) RETURN count(n) > 0 AS found
