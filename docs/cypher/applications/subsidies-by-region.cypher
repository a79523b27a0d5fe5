MATCH (a:CoordinatorApplication {campaignCode: $campaign})
WHERE a.status IN $engaged AND a.decision = 'ACCEPTED'
MATCH (e:Employer {id: a.employerId})
WITH e.regionCode AS code, count(a) AS applications, sum(a.amountEur) AS engaged,
     sum(CASE WHEN a.status = 'SUBSIDY_PAID' THEN a.amountEur ELSE 0 END) AS paid
RETURN code, applications, engaged, paid ORDER BY engaged DESC, code
