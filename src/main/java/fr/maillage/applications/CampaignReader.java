package fr.maillage.applications;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.SubsidySummary;
import fr.maillage.applications.ApplicationModel.SubsidyTotal;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads of campaigns, with their funding tables, and of the subsidies they engage. */
@Repository
@Transactional(readOnly = true)
class CampaignReader {

    private static final String ALL_CAMPAIGNS = """
            MATCH (c:Campaign)
            OPTIONAL MATCH (c)-[:FUNDS]->(r:FundingRule)
            WITH c, r ORDER BY r.rank
            RETURN c, collect(r) AS rules ORDER BY c.opensOn DESC, c.code""";

    private static final String CAMPAIGNS_BY_CODE = """
            MATCH (c:Campaign) WHERE c.code IN $codes
            OPTIONAL MATCH (c)-[:FUNDS]->(r:FundingRule)
            WITH c, r ORDER BY r.rank
            RETURN c, collect(r) AS rules""";

    private static final String KNOWN_DEPARTMENTS = "MATCH (d:Department) WHERE d.code IN $codes RETURN d.code";

    /**
     * The subsidies of a campaign by territory of the employer, {@code %s} its departmentCode or regionCode (the
     * level asked): the two variants are under docs/cypher/applications/subsidies-by-*.
     */
    private static final String SUBSIDIES_BY = """
            MATCH (a:CoordinatorApplication {campaignCode: $campaign})
            WHERE a.status IN $engaged AND a.decision = 'ACCEPTED'
            MATCH (e:Employer {id: a.employerId})
            WITH e.%s AS code, count(a) AS applications, sum(a.amountEur) AS engaged,
                 sum(CASE WHEN a.status = 'SUBSIDY_PAID' THEN a.amountEur ELSE 0 END) AS paid
            RETURN code, applications, engaged, paid ORDER BY engaged DESC, code""";

    private final Neo4jClient neo4j;

    CampaignReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    List<Campaign> campaigns() {
        return List.copyOf(neo4j.query(ALL_CAMPAIGNS).fetchAs(Campaign.class)
                .mappedBy((types, record) -> ApplicationMapping.campaign(record.get("c").asNode(),
                        record.get("rules").asList(Value::asNode))).all());
    }

    Campaign campaign(String code) {
        return campaigns(List.of(code)).get(code);
    }

    Map<String, Campaign> campaigns(Collection<String> codes) {
        var found = new HashMap<String, Campaign>();
        neo4j.query(CAMPAIGNS_BY_CODE).bind(List.copyOf(codes)).to("codes").fetchAs(Campaign.class)
                .mappedBy((types, record) -> ApplicationMapping.campaign(record.get("c").asNode(),
                        record.get("rules").asList(Value::asNode)))
                .all().forEach(c -> found.put(c.code(), c));
        return found;
    }

    /** Those of {@code codes} that are départements. */
    Set<String> knownDepartments(Collection<String> codes) {
        return new TreeSet<>(neo4j.query(KNOWN_DEPARTMENTS).bind(List.copyOf(codes)).to("codes")
                .fetchAs(String.class).all());
    }

    /** The statement of {@link #subsidies} for {@code level} (REGION or DEPARTMENT). */
    static String subsidiesStatement(TerritoryLevel level) {
        return SUBSIDIES_BY.formatted(level == TerritoryLevel.DEPARTMENT ? "departmentCode" : "regionCode");
    }

    SubsidySummary subsidies(String campaignCode, TerritoryLevel level) {
        var byTerritory = List.copyOf(neo4j.query(subsidiesStatement(level))
                .bindAll(Map.of("campaign", campaignCode, "engaged",
                        ApplicationRules.ENGAGED.stream().map(Enum::name).toList()))
                .fetchAs(SubsidyTotal.class)
                .mappedBy((types, row) -> new SubsidyTotal(new TerritoryRef(level, row.get("code").asString(null)),
                        row.get("applications").asInt(), row.get("engaged").asLong(), row.get("paid").asLong()))
                .all());
        var total = new SubsidyTotal(null, byTerritory.stream().mapToInt(SubsidyTotal::applications).sum(),
                byTerritory.stream().mapToLong(SubsidyTotal::engagedEur).sum(),
                byTerritory.stream().mapToLong(SubsidyTotal::paidEur).sum());
        return new SubsidySummary(campaignCode, total, byTerritory);
    }
}
