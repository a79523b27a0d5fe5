package fr.maillage.exploration;

import java.util.Map;

import fr.maillage.graphql.SchemaClasses;
import org.springframework.stereotype.Component;

@Component
class ExplorationSchemaClasses implements SchemaClasses {

    @Override
    public Map<String, Class<?>> byTypeName() {
        return Map.of("PartnerProspectConnection", ExplorationController.ProspectConnection.class,
                "PartnerProspect", ExplorationModel.PartnerProspect.class);
    }
}
