package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import fr.maillage.graphql.PageRequest;
import fr.maillage.network.AdviserReader.AdviserPage;
import fr.maillage.network.ListStatements.RowReads;
import fr.maillage.support.GoldenCypher;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the network assembled in code (a label or level chosen at run time, a rule of
 * {@link NetworkQueries} put in), as it runs: one golden file per variant under docs/cypher/network/.
 */
class NetworkStatementsTests {

    /** The labels the network's code passes to the statements taking one. */
    private static final List<String> ACTORS = List.of("Adviser", "Employer", "Hub", "Place", "Partner");

    @Test
    void existence_checks() {
        List.of("Adviser id", "Adviser externalId", "Coordinator id", "Employer id", "Hub id", "Place id", "Place key",
                "Partner id", "Partner key", "Prefecture code", "Region code", "Department code", "Epci code",
                "Commune code").forEach(pair -> {
                    var parts = pair.split(" ");
                    GoldenCypher.assertStatement("network/checks/exists-" + kebab(parts[0]) + "-" + kebab(parts[1]),
                            NetworkStatements.exists(parts[0], parts[1]));
                });
        List.of("Adviser", "Coordinator", "Place").forEach(label -> GoldenCypher.assertStatement(
                "network/checks/ids-" + kebab(label), NetworkStatements.ids(label)));
    }

    @Test
    void writes() {
        GoldenCypher.assertStatement("network/writes/register-employer", NetworkStatements.REGISTER_EMPLOYER);
        List.of("Employer", "Hub", "Place", "Partner").forEach(label -> GoldenCypher.assertStatement(
                "network/writes/relocate-" + kebab(label), NetworkStatements.relocate(label)));
        for (var level : TerritoryLevel.values()) {
            GoldenCypher.assertStatement("network/writes/cover-" + kebab(level.name()), NetworkStatements.cover(level));
        }
        List.of("Adviser", "Place").forEach(label -> GoldenCypher.assertStatement(
                "network/writes/lock-" + kebab(label), NetworkStatements.lock(label)));
    }

    @Test
    void reads_by_id_and_scopes() {
        ACTORS.forEach(label -> GoldenCypher.assertStatement("network/reads/by-ids-" + kebab(label),
                NetworkStatements.byIds(label)));
        Stream.concat(Stream.of("Employer|Hub|Partner"), ACTORS.stream().filter(l -> !l.equals("Adviser")))
                .forEach(label -> GoldenCypher.assertStatement("network/scopes/actor-scopes-" + kebab(label),
                        ScopeReader.actorScopesOf(label)));
        List.of("Place", "Partner").forEach(label -> GoldenCypher.assertStatement(
                "network/scopes/out-of-reach-" + kebab(label), ScopeReader.outOfReachOf(label)));
        for (var level : TerritoryLevel.values()) {
            GoldenCypher.assertStatement("network/scopes/territory-scope-" + kebab(level.name()),
                    ScopeReader.territoryScopeOf(level));
        }
        GoldenCypher.assertStatement("network/scopes/adviser-scopes", ScopeReader.ADVISER_SCOPES);
        GoldenCypher.assertStatement("network/scopes/reaching-employer", ScopeReader.REACHING_EMPLOYER);
        GoldenCypher.assertStatement("network/scopes/serving-perimeter", ScopeReader.SERVING_PERIMETER);
    }

    @Test
    void adviser_reads() {
        GoldenCypher.assertStatement("network/advisers/latest-contracts", AdviserReader.LATEST_CONTRACTS);
        GoldenCypher.assertStatement("network/advisers/places", AdviserReader.PLACES);
        for (boolean contracts : new boolean[] {false, true}) {
            for (boolean places : new boolean[] {false, true}) {
                GoldenCypher.assertStatement("network/advisers/pages" + (contracts ? "-with-contracts" : "")
                        + (places ? "-with-places" : ""), AdviserReader.adviserPages(contracts, places));
                GoldenCypher.assertStatement("network/advisers/coordinator-with-advisers"
                        + (contracts ? "-with-contracts" : "") + (places ? "-with-places" : ""),
                        AdviserReader.coordinator(true, contracts, places));
            }
        }
        GoldenCypher.assertStatement("network/advisers/coordinator", AdviserReader.coordinator(false, false, false));
    }

    @Test
    void lists_in_each_kind_of_territory() {
        var within = Stream.concat(Stream.of((TerritoryRef) null),
                Arrays.stream(TerritoryLevel.values()).map(level -> new TerritoryRef(level, "X"))).toList();
        for (var territory : within) {
            var in = territory == null ? "france" : kebab(territory.level().name());
            golden("employers-page", in, territory, t -> ListStatements.employersPage(t, false, RowReads.NONE));
            golden("every-employer", in, territory, ListStatements::everyEmployer);
            golden("advisers-page", in, territory, ListStatements::advisersPage);
            golden("every-adviser", in, territory, ListStatements::everyAdviser);
            golden("places-page", in, territory, t -> ListStatements.placesPage(t, false, RowReads.NONE));
            golden("every-place", in, territory, ListStatements::everyPlace);
            golden("partners-page", in, territory, t -> ListStatements.partnersPage(t, false, RowReads.NONE));
            golden("every-partner", in, territory, ListStatements::everyPartner);
        }
        // all France with a filter: counted by reading each actor (without one, by the database's count of the label)
        golden("employers-page", "france-filtered", null, t -> ListStatements.employersPage(t, true, RowReads.NONE));
        golden("places-page", "france-filtered", null, t -> ListStatements.placesPage(t, true, RowReads.NONE));
        golden("partners-page", "france-filtered", null, t -> ListStatements.partnersPage(t, true, RowReads.NONE));
    }

    /**
     * The loaders under neo4j/loaders are standalone files (read whole by the imports and the demo): each one that
     * places an actor in its commune copies the codes by the very line {@link NetworkQueries#LOCATE_IN_COMMUNE}, and
     * no other line of them writes those codes.
     */
    @Test
    void loaders_copy_the_territory_codes_by_the_one_rule() throws IOException {
        var placing = List.of("imports/placed-actors.cypher", "demo/2-employers.cypher", "demo/3-places.cypher",
                "demo/9-hubs.cypher", "demo/10-partners.cypher");
        for (var name : placing) {
            var lines = Files.readAllLines(Path.of("neo4j/loaders", name), StandardCharsets.UTF_8);
            assertThat(lines).as(name).anyMatch(line -> line.strip().equals(NetworkQueries.LOCATE_IN_COMMUNE));
        }
        try (var files = Files.walk(Path.of("neo4j"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".cypher")).toList()) {
                for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.matches(".*\\bn\\.(communeCode|epciCode|departmentCode|regionCode) = c\\..*")) {
                        assertThat(line.strip()).as(file.toString()).isEqualTo(NetworkQueries.LOCATE_IN_COMMUNE);
                    }
                }
            }
        }
    }

    /** A page that reads with each actor its commune and (employers) its page of advisers, for the request. */
    @Test
    void lists_reading_their_rows_communes_and_advisers() {
        var region = new TerritoryRef(TerritoryLevel.REGION, "X");
        var communes = new RowReads(true, null);
        var advisers = new RowReads(true, new AdviserPage(null, false, true, new PageRequest(20, null), true, true,
                false));
        golden("employers-page", "region-with-communes-and-advisers", region,
                t -> ListStatements.employersPage(t, false, advisers));
        golden("places-page", "region-with-communes", region, t -> ListStatements.placesPage(t, false, communes));
        golden("partners-page", "region-with-communes", region, t -> ListStatements.partnersPage(t, false, communes));
    }

    private static void golden(String list, String in, TerritoryRef territory, Function<TerritoryRef, String> text) {
        GoldenCypher.assertStatement("network/lists/" + list + "-" + in, text.apply(territory));
    }

    private static String kebab(String name) {
        return name.replace("|", "-").replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
