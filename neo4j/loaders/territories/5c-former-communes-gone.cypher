// Former communes the new referential no longer lists (or lists in another commune): nothing but their link points at
// them, they go.
MATCH (f:FormerCommune)
WHERE f.dataVersion <> $version
DETACH DELETE f
