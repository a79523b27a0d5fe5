MATCH (n:Epci {code: $value}) RETURN count(n) > 0 AS found
