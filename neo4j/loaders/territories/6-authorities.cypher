// One prefecture per département (the one of the region's chief town is also regional), one SGAR per region.
MATCH (d:Department)-[:IN_REGION]->(r:Region)
MERGE (p:Prefecture {code: d.code})
SET p.name = 'Préfecture ' + d.liaison + d.name,
    p.regional = d.chefLieu IS NOT NULL AND d.chefLieu = r.chefLieu,
    p.regionCode = r.code, p.seatCode = d.chefLieu, p.dataVersion = $version
MERGE (p)-[:PREFECTURE_OF]->(d)
WITH p, d
OPTIONAL MATCH (seat:Commune {code: d.chefLieu})
FOREACH (c IN CASE WHEN seat IS NULL THEN [] ELSE [seat] END | MERGE (p)-[:SEATED_IN]->(c))
WITH count(*) AS prefectures
MATCH (r:Region)
MERGE (s:Sgar {code: r.code})
SET s.name = 'SGAR ' + r.liaison + r.name, s.seatCode = r.chefLieu, s.dataVersion = $version
MERGE (s)-[:SGAR_OF]->(r)
WITH s, r
OPTIONAL MATCH (seat:Commune {code: r.chefLieu})
FOREACH (c IN CASE WHEN seat IS NULL THEN [] ELSE [seat] END | MERGE (s)-[:SEATED_IN]->(c))
