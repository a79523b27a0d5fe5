MERGE (v:DataVersion {name: 'territories'})
SET v.version = $version, v.source = $source, v.loadedAt = datetime(),
    v.regions = $counts.regions, v.departments = $counts.departments, v.epcis = $counts.epcis,
    v.communes = $counts.communes, v.population = $counts.population
