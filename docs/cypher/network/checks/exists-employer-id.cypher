MATCH (n:Employer {id: $value}) RETURN count(n) > 0 AS found
