package fr.maillage.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.maillage.applications.ApplicationModel.Perimeter;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryRef;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workflow reads of the zone of an application: its communes, whether it lies within reach of the applicant,
 * the structures to consult there. The statements put the zone's walk before their own part: their final texts are
 * under docs/cypher/applications (ApplicationCypherTests).
 */
@Repository
@Transactional(readOnly = true)
class ZoneReader {

    /** The communes, population, départements and regions of zone {@code $zone}. */
    static final String ZONE = "UNWIND $zone AS t\n" + ApplicationQueries.ZONE_COMMUNES + """
            WITH DISTINCT m
            RETURN count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
                   collect(DISTINCT m.departmentCode) AS departments, collect(DISTINCT m.regionCode) AS regions""";

    /** Whether every commune of zone {@code $zone} lies within reach of employer {@code $employerId}. */
    static final String WITHIN_REACH = "MATCH (e:Employer {id: $employerId})\nUNWIND $zone AS t\n"
            + ApplicationQueries.ZONE_COMMUNES + """
            WITH e, m WHERE NOT %s
            RETURN count(m) = 0 AS within""".formatted(NetworkQueries.withinReach("m", "e"));

    /** The structures to consult for zone {@code $zone} of applicant {@code $applicantId} on {@code $day}. */
    static final String REQUIRED_CONSULTATIONS = "UNWIND $zone AS t\n" + ApplicationQueries.ZONE_COMMUNES + """
            WITH collect(DISTINCT m) AS communes, $day AS day, $applicantId AS applicantId
            """ + ApplicationQueries.EMPLOYERS_SERVING + "RETURN required";

    private final Neo4jClient neo4j;

    ZoneReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The communes, population, départements and regions of a zone. */
    Perimeter zone(PerimeterKind kind, List<TerritoryRef> refs) {
        return neo4j.query(ZONE).bind(territories(refs)).to("zone").fetchAs(Perimeter.class)
                .mappedBy((types, row) -> new Perimeter(kind, refs, row.get("communes").asInt(),
                        row.get("population").asLong(), ApplicationMapping.sorted(row.get("departments")),
                        ApplicationMapping.sorted(row.get("regions"))))
                .one().orElseThrow();
    }

    /**
     * Whether every commune of the zone lies within reach of employer {@code employerId}
     * ({@link NetworkQueries#withinReach}): in its region, or in an EPCI having a commune in its département.
     */
    boolean withinReach(List<TerritoryRef> refs, String employerId) {
        return neo4j.query(WITHIN_REACH).bindAll(Map.of("zone", territories(refs), "employerId", employerId))
                .fetchAs(Boolean.class).one().orElse(true);
    }

    /** The structures to consult: those employing active advisers who serve the zone on {@code day}, sorted. */
    List<String> requiredConsultations(List<TerritoryRef> refs, String applicantId, LocalDate day) {
        return neo4j.query(REQUIRED_CONSULTATIONS)
                .bindAll(Map.of("zone", territories(refs), "day", day, "applicantId", applicantId))
                .fetchAs(Required.class).mappedBy((types, row) -> new Required(ApplicationMapping.sorted(row.get("required"))))
                .one().map(Required::employerIds).orElse(List.of());
    }

    private record Required(List<String> employerIds) {
    }

    private static List<Map<String, String>> territories(List<TerritoryRef> refs) {
        return refs.stream().map(r -> Map.of("level", r.level().name(), "code", r.code())).toList();
    }
}
