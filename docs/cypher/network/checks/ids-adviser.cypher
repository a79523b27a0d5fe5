MATCH (n:Adviser) WHERE n.id IN $ids RETURN n.id AS id
