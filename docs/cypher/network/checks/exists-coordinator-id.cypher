MATCH (n:Coordinator {id: $value}) RETURN count(n) > 0 AS found
