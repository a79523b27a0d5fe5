MATCH (t:Commune {code: $code}) RETURN [t.departmentCode] AS departments, [t.regionCode] AS regions, [] AS sirets, [] AS advisers
