// Former communes (delegated, associated, merged away) and municipal arrondissements, looked up by the imports by
// their code; by name, they are read through the current commune they are PART_OF.
CREATE INDEX former_commune_code IF NOT EXISTS FOR (n:FormerCommune) ON (n.code);
