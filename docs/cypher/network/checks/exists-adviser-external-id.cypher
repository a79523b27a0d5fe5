MATCH (n:Adviser {externalId: $value}) RETURN count(n) > 0 AS found
