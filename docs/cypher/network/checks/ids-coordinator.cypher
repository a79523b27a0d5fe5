MATCH (n:Coordinator) WHERE n.id IN $ids RETURN n.id AS id
