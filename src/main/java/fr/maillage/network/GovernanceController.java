package fr.maillage.network;

import static fr.maillage.network.NetworkLoaders.byKey;
import static fr.maillage.network.NetworkLoaders.ids;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.maillage.network.NetworkModel.Governance;
import fr.maillage.network.NetworkModel.GovernanceMember;
import fr.maillage.territories.Department;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The governance of a département over GraphQL, and its members. */
@Controller
class GovernanceController {

    private final LinkReader links;

    GovernanceController(LinkReader links) {
        this.links = links;
    }

    @QueryMapping
    Governance governance(@Argument String departmentCode) {
        return links.governanceOf(departmentCode.trim().toUpperCase());
    }

    @SchemaMapping(typeName = "Governance", field = "department")
    CompletableFuture<Department> governanceDepartment(Governance governance,
            DataLoader<TerritoryRef, Territory> territories) {
        return territories.load(new TerritoryRef(TerritoryLevel.DEPARTMENT, governance.departmentCode()))
                .thenApply(Department.class::cast);
    }

    @BatchMapping(typeName = "Governance", field = "members")
    Map<Governance, List<GovernanceMember>> governanceMembers(List<Governance> governances) {
        return byKey(governances, Governance::id, links.governanceMembers(ids(governances, Governance::id)));
    }
}
