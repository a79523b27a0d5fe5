// The demo's activities are written by the activities module's one statement (ActivityStatements.UPSERT); in the same
// transaction this marks them demo = true, like every demo node, so that 1-clear.cypher removes them with the rest.
UNWIND $keys AS key
MATCH (x:Activity {key: key})
SET x.demo = true
