package fr.maillage.territories;

import java.util.Map;

import fr.maillage.graphql.SchemaClasses;
import org.springframework.stereotype.Component;

@Component
class TerritorySchemaClasses implements SchemaClasses {

    @Override
    public Map<String, Class<?>> byTypeName() {
        return Map.of("Region", Region.class, "Department", Department.class, "Epci", Epci.class,
                "Commune", Commune.class, "Prefecture", Prefecture.class, "Sgar", Sgar.class);
    }
}
