MATCH (t:Region {code: $code}) RETURN t.departmentCodes AS departments, [t.code] AS regions, [] AS sirets, [] AS advisers
