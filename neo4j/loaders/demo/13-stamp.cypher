MERGE (v:DataVersion {name: 'demo'})
SET v.version = $version, v.loadedAt = datetime(), v.employers = $counts.employers, v.advisers = $counts.advisers,
    v.coordinators = $counts.coordinators, v.places = $counts.places, v.partners = $counts.partners,
    v.activities = $counts.activities
