package fr.maillage.network;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.maillage.database.Cypher;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Governance;
import fr.maillage.network.NetworkModel.GovernanceMember;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.network.NetworkModel.PartnerLink;
import fr.maillage.territories.Prefecture;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryMapper;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the links between actors: partner links, the perimeters of coordinators, hubs and whom they support,
 * governances and their members. Methods taking a collection of ids answer for all of them in one statement.
 */
@Repository
@Transactional(readOnly = true)
class LinkReader {

    /**
     * Partner links seen from advisers. The label on x lets the planner start from the advisers' id constraint; without
     * it, it walks every partner link of the graph to find the few it wants.
     */
    private static final String PARTNERS_OF_ADVISERS = """
            MATCH (p:Partner)-[l:PARTNERS_WITH]->(x:Adviser) WHERE x.id IN $ids
            RETURN x.id AS key, p, x, l ORDER BY p.name, p.id""";

    /** Partner links seen from employers, started from the employers' id constraint like those of advisers. */
    private static final String PARTNERS_OF_EMPLOYERS = """
            MATCH (p:Partner)-[l:PARTNERS_WITH]->(x:Employer) WHERE x.id IN $ids
            RETURN x.id AS key, p, x, l ORDER BY p.name, p.id""";

    private static final String LINKS_OF_PARTNERS = """
            MATCH (p:Partner)-[l:PARTNERS_WITH]->(x) WHERE p.id IN $ids
            RETURN p.id AS key, p, x, l ORDER BY l.since, x.id""";

    private static final String PERIMETERS = """
            MATCH (c:Coordinator)-[:COVERS]->(t) WHERE c.id IN $ids
            RETURN c.id AS key, t ORDER BY t.level, t.code""";

    private static final String HUBS_OF_COORDINATORS = """
            MATCH (h:Hub)-[:SUPPORTS]->(c:Coordinator) WHERE c.id IN $ids
            RETURN c.id AS key, h ORDER BY h.name""";

    private static final String COORDINATORS_OF_HUBS = """
            MATCH (h:Hub)-[:SUPPORTS]->(c:Coordinator) WHERE h.id IN $ids
            RETURN h.id AS key, c ORDER BY c.id""";

    private static final String REGIONS_OF_HUBS = """
            MATCH (h:Hub)-[:COVERS]->(r:Region) WHERE h.id IN $ids
            RETURN h.id AS key, r ORDER BY r.code""";

    private static final String HUBS = """
            MATCH (h:Hub) WHERE $region IS NULL OR (h)-[:COVERS]->(:Region {code: $region})
            RETURN h ORDER BY h.name""";

    private static final String GOVERNANCE_MEMBERS = """
            MATCH (m)-[r:MEMBER_OF]->(g:Governance) WHERE g.id IN $ids
            RETURN g.id AS key, m, coalesce(r.coCarrier, false) AS coCarrier, r.since AS since
            ORDER BY coCarrier DESC, m.name""";

    private static final String GOVERNANCE = "MATCH (g:Governance {departmentCode: $code}) RETURN g";

    private final Neo4jClient neo4j;

    LinkReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, List<PartnerLink>> partnerLinksOfAdvisers(Collection<String> adviserIds) {
        return grouped(PARTNERS_OF_ADVISERS, adviserIds, LinkReader::partnerLink);
    }

    Map<String, List<PartnerLink>> partnerLinksOfEmployers(Collection<String> employerIds) {
        return grouped(PARTNERS_OF_EMPLOYERS, employerIds, LinkReader::partnerLink);
    }

    Map<String, List<PartnerLink>> partnerLinksOfPartners(Collection<String> partnerIds) {
        return grouped(LINKS_OF_PARTNERS, partnerIds, LinkReader::partnerLink);
    }

    /** The perimeter of each coordinator: territories by level then code. */
    Map<String, List<Territory>> perimeters(Collection<String> coordinatorIds) {
        return grouped(PERIMETERS, coordinatorIds, row -> TerritoryMapper.territory(row.get("t")));
    }

    Map<String, List<Hub>> hubsOfCoordinators(Collection<String> coordinatorIds) {
        return grouped(HUBS_OF_COORDINATORS, coordinatorIds, row -> NetworkMapper.hub(row.get("h")));
    }

    Map<String, List<Coordinator>> coordinatorsOfHubs(Collection<String> hubIds) {
        return grouped(COORDINATORS_OF_HUBS, hubIds, row -> new Coordinator(NetworkMapper.adviser(row.get("c"))));
    }

    Map<String, List<Territory>> regionsOfHubs(Collection<String> hubIds) {
        return grouped(REGIONS_OF_HUBS, hubIds, row -> TerritoryMapper.territory(row.get("r")));
    }

    /** The hubs covering region {@code regionCode} (every hub when null), by name. */
    List<Hub> hubs(String regionCode) {
        return List.copyOf(neo4j.query(HUBS).bindAll(Cypher.parameters("region", regionCode)).fetchAs(Hub.class)
                .mappedBy((types, row) -> NetworkMapper.hub(row.get("h"))).all());
    }

    Map<String, List<GovernanceMember>> governanceMembers(Collection<String> governanceIds) {
        return grouped(GOVERNANCE_MEMBERS, governanceIds, row -> new GovernanceMember(governanceActor(row.get("m")),
                row.get("coCarrier").asBoolean(), NetworkMapper.date(row.get("since"))));
    }

    Governance governanceOf(String departmentCode) {
        return neo4j.query(GOVERNANCE).bind(departmentCode).to("code").fetchAs(Governance.class)
                .mappedBy((types, row) -> NetworkMapper.governance(row.get("g"))).one().orElse(null);
    }

    private <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids,
            java.util.function.Function<Record, T> mapper) {
        return Rows.grouped(Rows.all(neo4j.query(cypher).bind(List.copyOf(ids)).to("ids")), ids, mapper);
    }

    private static PartnerLink partnerLink(Record row) {
        var link = row.get("l").asRelationship();
        return new PartnerLink(NetworkMapper.partner(row.get("p")), NetworkMapper.actor(row.get("x")),
                NetworkMapper.date(link.get("since")), link.get("nature").asString(null));
    }

    private static Object governanceActor(Value value) {
        var n = value.asNode();
        if (n.hasLabel("Prefecture")) {
            return new Prefecture(n.get("code").asString(), n.get("name").asString(),
                    n.get("regional").asBoolean(false), n.get("regionCode").asString(), n.get("seatCode").asString(null));
        }
        return NetworkMapper.actor(n);
    }
}
