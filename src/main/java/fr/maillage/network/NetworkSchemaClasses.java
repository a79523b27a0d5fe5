package fr.maillage.network;

import java.util.Map;

import fr.maillage.graphql.SchemaClasses;
import org.springframework.stereotype.Component;

@Component
class NetworkSchemaClasses implements SchemaClasses {

    @Override
    public Map<String, Class<?>> byTypeName() {
        return Map.of("Employer", NetworkModel.Employer.class, "Adviser", NetworkModel.Adviser.class,
                "Hub", NetworkModel.Hub.class, "Partner", NetworkModel.Partner.class);
    }
}
