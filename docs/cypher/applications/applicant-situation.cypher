MATCH (e:Employer {id: $id})
RETURN EXISTS { (e)<-[:EMPLOYED_BY]-(x:Adviser) WHERE coalesce(x.scheme, 'CONSEILLER_NUMERIQUE') = 'CONSEILLER_NUMERIQUE' } AS inProgramme,
       EXISTS { (e)<-[:EMPLOYED_BY]-(c:Coordinator) WHERE c.status = 'ACTIVE' AND EXISTS { (c)-[activeContract:EMPLOYED_BY]->(e) WHERE (activeContract.start <= $day AND (activeContract.end IS NULL OR activeContract.end >= $day)) } } AS carriesCoordination
