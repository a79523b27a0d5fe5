package fr.maillage.network;

import static fr.maillage.network.NetworkChecks.NAME;
import static fr.maillage.network.NetworkChecks.PREFECTURE_MEMBER;
import static fr.maillage.network.NetworkChecks.code;

import java.util.HashMap;
import java.util.List;

import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.NetworkInputs.GovernanceInput;
import fr.maillage.network.NetworkInputs.GovernanceMemberInput;
import fr.maillage.network.NetworkModel.Governance;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets the governance of a département, its members replaced; one transaction, checked before it writes. */
@Service
@Transactional
@RetriedOnConflict
class GovernanceWriter {

    private static final String SET = """
            MATCH (d:Department {code: $department})
            MERGE (g:Governance {departmentCode: $department})
            ON CREATE SET g.id = $id
            SET g.name = $name, g.since = $since
            MERGE (g)-[:GOVERNS]->(d)
            WITH g
            OPTIONAL MATCH ()-[old:MEMBER_OF]->(g)
            DELETE old
            WITH DISTINCT g
            UNWIND $members AS m
            MATCH (x) WHERE (m.actorId IS NOT NULL AND x.id = m.actorId AND (x:Employer OR x:Hub OR x:Partner))
              OR (m.prefecture IS NOT NULL AND x:Prefecture AND x.code = m.prefecture)
            MERGE (x)-[r:MEMBER_OF]->(g)
            SET r.coCarrier = m.coCarrier, r.since = m.since""";

    private final Cypher cypher;
    private final NetworkChecks checks;
    private final LinkReader links;

    GovernanceWriter(Cypher cypher, NetworkChecks checks, LinkReader links) {
        this.cypher = cypher;
        this.checks = checks;
        this.links = links;
    }

    Governance setGovernance(GovernanceInput input) {
        checks.authorizeGovernance(input);
        var v = new Validation();
        var department = code(input.departmentCode());
        v.check(department != null && checks.territoryExists(new TerritoryRef(TerritoryLevel.DEPARTMENT, department)),
                "input.departmentCode", "aucun département de code " + input.departmentCode());
        v.text("input.name", input.name(), NAME);
        var members = input.members() == null ? List.<GovernanceMemberInput>of() : input.members();
        for (int i = 0; i < members.size(); i++) {
            var actorId = members.get(i).actorId();
            if (actorId != null && actorId.startsWith(PREFECTURE_MEMBER)) {
                v.check(checks.exists("Prefecture", "code", actorId.substring(PREFECTURE_MEMBER.length())),
                        "input.members[" + i + "].actorId", "aucune préfecture " + actorId);
            } else {
                v.check(actorId != null && (checks.exists("Employer", "id", actorId)
                        || checks.exists("Hub", "id", actorId) || checks.exists("Partner", "id", actorId)),
                        "input.members[" + i + "].actorId", "aucun employeur, hub ou partenaire " + actorId);
            }
        }
        v.orThrow();
        var rows = members.stream().map(m -> {
            var prefecture = m.actorId().startsWith(PREFECTURE_MEMBER);
            var row = new HashMap<String, Object>();
            row.put("actorId", prefecture ? null : m.actorId());
            row.put("prefecture", prefecture ? m.actorId().substring(PREFECTURE_MEMBER.length()) : null);
            row.put("coCarrier", Boolean.TRUE.equals(m.coCarrier()));
            row.put("since", m.since());
            return row;
        }).toList();
        cypher.run(SET, Cypher.parameters("department", department, "id", NetworkKeys.governanceId(department),
                "name", input.name().strip(), "since", input.since(), "members", rows));
        return links.governanceOf(department);
    }
}
