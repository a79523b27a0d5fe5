MATCH (t:Epci {code: $code}) RETURN t.departmentCodes AS departments, t.regionCodes AS regions, [] AS sirets, [] AS advisers
