UNWIND $rows AS row
MERGE (n:Adviser {id: row.id})
SET n.externalId = row.externalId, n.scheme = row.scheme, n.firstName = row.firstName, n.lastName = row.lastName,
    n.email = row.email, n.phone = row.phone, n.status = row.status, n.demo = true
