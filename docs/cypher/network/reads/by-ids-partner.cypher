MATCH (n:Partner) WHERE n.id IN $ids RETURN n.id AS id, n AS n
