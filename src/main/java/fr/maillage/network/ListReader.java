package fr.maillage.network;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.AdviserReader.AdviserPage;
import fr.maillage.network.AdviserReader.AdviserPageResult;
import fr.maillage.network.ListStatements.RowReads;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.network.NetworkModel.Place;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.security.Scope;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryMapper;
import fr.maillage.territories.TerritoryRef;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of the network inside a territory (employers, advisers, places, partners): pages for the API, and every
 * row streamed for the exports. The statements vary with the level of the territory ({@link NetworkQueries#within}):
 * {@link ListStatements} writes them.
 */
@Repository
@Transactional(readOnly = true)
class ListReader {

    private final Neo4jClient neo4j;

    ListReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A located actor of a list, with the name of its commune and its département. */
    record Located<T>(T actor, String communeName, String departmentCode) {
    }

    /**
     * An adviser of a list with what an export of it shows: its latest contract and that contract's employer, its
     * places (the main one first) and the commune of the first, and its scope (whether the caller may read its
     * personal data).
     */
    record AdviserRow(Adviser adviser, Contract contract, String employerName, String employerSiret,
            List<PlaceAssignment> places, String placeCommuneName, Scope scope) {
    }

    ListPage<Employer> employers(TerritoryRef within, String sector, String legalKind, PageRequest page,
            RowReads reads, LocalDate today) {
        boolean filtered = sector != null || legalKind != null;
        return page(ListStatements.employersPage(within, filtered, reads), ListStatements.employersParameters(within,
                sector, legalKind, Keyset.parameters(page)), page, NetworkMapper::employer,
                e -> Keyset.key(e.name(), e.id()), reads, today);
    }

    /** Every employer of {@link #employers}, in the same order, streamed to {@code sink} as the database reads them. */
    void eachEmployer(TerritoryRef within, String sector, String legalKind, Consumer<Located<Employer>> sink) {
        stream(ListStatements.everyEmployer(within), ListStatements.employersParameters(within, sector, legalKind,
                Map.of()), row -> located(row, NetworkMapper.employer(row.get("n"))), sink);
    }

    Connection<Adviser> advisers(TerritoryRef within, String scheme, boolean coordinatorsOnly, boolean activeOnly,
            LocalDate today, PageRequest page) {
        return page(ListStatements.advisersPage(within), ListStatements.advisersParameters(within, scheme,
                coordinatorsOnly, activeOnly, today, Keyset.parameters(page)), page, NetworkMapper::adviser,
                Rows::adviserKey, RowReads.NONE, null).connection();
    }

    /**
     * Every adviser of {@link #advisers}, in the same order (identifier), streamed to {@code sink} as the database
     * reads them, each with its contract, places and scope.
     */
    void eachAdviser(TerritoryRef within, String scheme, boolean coordinatorsOnly, boolean activeOnly, LocalDate today,
            Consumer<AdviserRow> sink) {
        var params = ListStatements.advisersParameters(within, scheme, coordinatorsOnly, activeOnly, today, Map.of());
        params.put("day", null);
        stream(ListStatements.everyAdviser(within), params, row -> new AdviserRow(NetworkMapper.adviser(row.get("a")),
                AdviserReader.contract(row.get("latest")), row.get("employerName").asString(null),
                row.get("employerSiret").asString(null), AdviserReader.assignments(row.get("places")),
                row.get("placeCommuneName").asString(null), ScopeReader.scope(row)), sink);
    }

    ListPage<Place> places(TerritoryRef within, String service, PageRequest page, RowReads reads) {
        return page(ListStatements.placesPage(within, service != null, reads),
                ListStatements.placesParameters(within, service, Keyset.parameters(page)), page, NetworkMapper::place,
                p -> Keyset.key(p.name(), p.id()), reads, null);
    }

    /** Every place of {@link #places}, in the same order, streamed to {@code sink} as the database reads them. */
    void eachPlace(TerritoryRef within, String service, Consumer<Located<Place>> sink) {
        stream(ListStatements.everyPlace(within), ListStatements.placesParameters(within, service, Map.of()),
                row -> located(row, NetworkMapper.place(row.get("n"))), sink);
    }

    ListPage<Partner> partners(TerritoryRef within, List<String> kinds, PageRequest page, RowReads reads) {
        return page(ListStatements.partnersPage(within, kinds != null, reads),
                ListStatements.partnersParameters(within, kinds, Keyset.parameters(page)), page,
                NetworkMapper::partner, p -> Keyset.key(p.name(), p.id()), reads, null);
    }

    /** Every partner of {@link #partners}, in the same order, streamed to {@code sink} as the database reads them. */
    void eachPartner(TerritoryRef within, List<String> kinds, Consumer<Located<Partner>> sink) {
        stream(ListStatements.everyPartner(within), ListStatements.partnersParameters(within, kinds, Map.of()),
                row -> located(row, NetworkMapper.partner(row.get("n"))), sink);
    }

    private static <T> Located<T> located(Record row, T actor) {
        return new Located<>(actor, row.get("communeName").asString(null), row.get("departmentCode").asString(null));
    }

    /**
     * A page of a list, with what it read of each actor for the request ({@link RowReads}): communes by code, pages
     * of advisers by actor id.
     */
    record ListPage<T>(Connection<T> connection, Map<String, Territory> communes,
            Map<AdviserPage, AdviserPageResult> advisers) {
    }

    private <T> ListPage<T> page(String cypher, Map<String, Object> params, PageRequest page,
            Function<Value, T> mapper, Function<T, String> key, RowReads reads, LocalDate today) {
        var all = new HashMap<String, Object>(params);
        all.putAll(reads.parameters(today));
        var row = neo4j.query(cypher).bindAll(all).fetchAs(Record.class).mappedBy((types, record) -> record).one()
                .orElseThrow();
        var communes = new HashMap<String, Territory>();
        var advisers = new HashMap<AdviserPage, AdviserPageResult>();
        for (var r : row.get("page").values()) {
            if (reads.commune() && !r.get("commune").isNull()) {
                var commune = TerritoryMapper.territory(r.get("commune"));
                communes.put(commune.code(), commune);
            }
            if (reads.advisers() != null) {
                var parent = reads.advisers().of(r.get("node").get("id").asString());
                advisers.put(parent, AdviserReader.pageResult(parent, r.get("advisers")));
            }
        }
        return new ListPage<>(Rows.connection(row, page, mapper, key), communes, advisers);
    }

    /**
     * Runs {@code cypher} and hands each record, mapped, to {@code sink} as the driver receives it (in batches, as the
     * sink consumes them): nothing is collected, whatever the number of rows. Runs in the read transaction of the
     * calling method; the sink must not query the database (another statement in the transaction would make the
     * driver buffer the rest of this one).
     */
    private <T> void stream(String cypher, Map<String, Object> params, Function<Record, T> mapper, Consumer<T> sink) {
        neo4j.delegateTo(runner -> {
            var result = runner.run(cypher, params);
            while (result.hasNext()) {
                sink.accept(mapper.apply(result.next()));
            }
            return Optional.empty();
        }).run();
    }
}
