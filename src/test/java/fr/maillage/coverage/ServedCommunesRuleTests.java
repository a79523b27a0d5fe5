package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.maillage.network.NetworkQueries;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

/**
 * "Which communes an adviser serves" is one rule read from both ends: from the adviser
 * ({@link NetworkQueries#SERVED_COMMUNES}, with {@link NetworkQueries#ACTIVE_ADVISER}) and from the commune
 * ({@link NetworkQueries#SERVING_ADVISERS}, what coverage counts with). Both give the same pairs on the fixture.
 */
class ServedCommunesRuleTests extends CoverageFixture {

    /**
     * Worked out from the fixture at its reference date: C1 works at P1 (Ajaccio), A1 at P2 (Bastia), A2 has no place
     * and serves its employer's commune (Ajaccio), C2 likewise Villefort, A4 works at P4 (Malons-et-Elze), C3 at P5
     * (L'Île-d'Yeu); A3's contract has ended, C4 is inactive.
     */
    static final Map<String, Long> ADVISERS_BY_COMMUNE = Map.of("2A004", 2L, "2B033", 1L, "48198", 1L,
            "30153", 1L, "85113", 1L);

    @Test
    void fromTheAdviser() {
        var statement = "MATCH (a:Adviser) WHERE " + NetworkQueries.ACTIVE_ADVISER + "\n"
                + NetworkQueries.SERVED_COMMUNES + "RETURN m.code AS code, count(a) AS advisers";
        assertThat(advisersByCommune(statement)).isEqualTo(ADVISERS_BY_COMMUNE);
    }

    @Test
    void fromTheCommune() {
        var statement = "MATCH (m:Commune) WHERE m.departmentCode IN ['2A', '2B', '30', '48', '85', '22']\n"
                + NetworkQueries.SERVING_ADVISERS + "\nRETURN m.code AS code, count(a) AS advisers";
        assertThat(advisersByCommune(statement)).isEqualTo(ADVISERS_BY_COMMUNE);
    }

    private Map<String, Long> advisersByCommune(String statement) {
        try (var session = driver.session()) {
            List<Record> rows = session.run(statement,
                    Map.of("today", LocalDate.parse(REFERENCE_DATE))).list();
            return rows.stream().collect(Collectors.toMap(row -> row.get("code").asString(),
                    row -> row.get("advisers").asLong()));
        }
    }
}
