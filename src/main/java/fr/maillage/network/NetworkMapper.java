package fr.maillage.network;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.network.NetworkEnums.AdviserStatus;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.Governance;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.network.NetworkModel.Place;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.Entity;
import org.neo4j.driver.types.Node;

/** Graph nodes and relationships to records. */
public final class NetworkMapper {

    private NetworkMapper() {
    }

    /** Maps any actor node by its label; a Prefecture is left to the territories feature. */
    static Object actor(Object value) {
        var node = node(value);
        if (node.hasLabel("Adviser")) {
            return adviser(node);
        }
        if (node.hasLabel("Employer")) {
            return employer(node);
        }
        if (node.hasLabel("Hub")) {
            return hub(node);
        }
        if (node.hasLabel("Partner")) {
            return partner(node);
        }
        if (node.hasLabel("Place")) {
            return place(node);
        }
        throw new IllegalArgumentException("Not a network actor: " + node.labels());
    }

    public static Employer employer(Object value) {
        var n = node(value);
        return new Employer(n.get("id").asString(), n.get("siret").asString(), n.get("name").asString(),
                Sector.valueOf(n.get("sector").asString()), LegalKind.valueOf(n.get("legalKind").asString()),
                n.get("communeCode").asString(null));
    }

    public static Adviser adviser(Object value) {
        var n = node(value);
        return new Adviser(n.get("id").asString(), n.get("externalId").asString(null),
                Scheme.valueOf(n.get("scheme").asString("CONSEILLER_NUMERIQUE")),
                AdviserStatus.valueOf(n.get("status").asString("ACTIVE")), n.get("firstName").asString(null),
                n.get("lastName").asString(null), n.get("email").asString(null), n.get("phone").asString(null),
                n.hasLabel("Coordinator"), date(n.get("coordinatorSince")),
                n.get("perimeterKind").isNull() ? null : PerimeterKind.valueOf(n.get("perimeterKind").asString()));
    }

    static Contract contract(Entity relationship, String employerId) {
        return new Contract(ContractType.valueOf(relationship.get("contractType").asString()),
                date(relationship.get("start")), date(relationship.get("end")), employerId);
    }

    static Hub hub(Object value) {
        var n = node(value);
        return new Hub(n.get("id").asString(), n.get("name").asString(), n.get("siret").asString(null),
                LegalKind.valueOf(n.get("legalKind").asString("ASSOCIATION")), date(n.get("foundedOn")),
                n.get("communeCode").asString(null));
    }

    static Place place(Object value) {
        var n = node(value);
        return new Place(n.get("id").asString(), n.get("key").asString(), n.get("name").asString(),
                n.get("pivot").asString(null), n.get("address").asString(null), n.get("postalCode").asString(null),
                n.get("communeCode").asString(null), decimal(n.get("latitude")), decimal(n.get("longitude")),
                strings(n.get("services")), strings(n.get("publics")), strings(n.get("accessModes")),
                strings(n.get("supportModes")), strings(n.get("fees")), n.get("hours").asString(null),
                strings(n.get("typologies")), n.get("phone").asString(null), strings(n.get("emails")),
                strings(n.get("websites")), n.get("source").asString(null), date(n.get("updatedOn")));
    }

    public static Partner partner(Object value) {
        var n = node(value);
        return new Partner(n.get("id").asString(), PartnerKind.valueOf(n.get("kind").asString()),
                n.get("name").asString(), n.get("siret").asString(null), n.get("address").asString(null),
                n.get("communeCode").asString(null));
    }

    static Governance governance(Object value) {
        var n = node(value);
        return new Governance(n.get("id").asString(), n.get("name").asString(), date(n.get("since")),
                n.get("departmentCode").asString());
    }

    static LocalDate date(Object value) {
        var v = value instanceof Value x ? x : Values.value(value);
        return v == null || v.isNull() ? null : v.asLocalDate();
    }

    private static Double decimal(Value value) {
        return value.isNull() ? null : value.asDouble();
    }

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }

    private static Node node(Object value) {
        return value instanceof Value v ? v.asNode() : (Node) value;
    }
}
