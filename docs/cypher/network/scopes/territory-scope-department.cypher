MATCH (t:Department {code: $code}) RETURN [t.code] AS departments, [t.regionCode] AS regions, [] AS sirets, [] AS advisers
