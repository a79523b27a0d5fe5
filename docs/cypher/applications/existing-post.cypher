MATCH (x:Adviser {id: $id})
OPTIONAL MATCH (x)-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
WITH x, k ORDER BY k.start
RETURN x:Coordinator AS coordinator, coalesce(x.scheme, 'CONSEILLER_NUMERIQUE') AS scheme,
       head(collect(k.start)) AS start
