MATCH (n:Adviser {id: $value}) RETURN count(n) > 0 AS found
