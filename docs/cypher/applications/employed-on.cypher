RETURN EXISTS { (:Adviser {id: $adviserId})-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
  WHERE (k.start <= $day AND (k.end IS NULL OR k.end >= $day)) }
