MATCH (n:Adviser) WHERE n.id IN $ids
WITH n ORDER BY n.id
SET n._lock = true
REMOVE n._lock
