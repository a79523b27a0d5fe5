// A coordinator looked up by id under its Coordinator label (the coordinator query, its perimeter and advisers, the
// partners around it) used a scan of every coordinator: the unique id constraint is on Adviser.
CREATE INDEX coordinator_id IF NOT EXISTS FOR (n:Coordinator) ON (n.id);
