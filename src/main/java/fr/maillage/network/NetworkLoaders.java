package fr.maillage.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.AdviserReader.AdviserPage;
import fr.maillage.network.AdviserReader.AdviserPageResult;
import fr.maillage.network.ListReader.ListPage;
import fr.maillage.network.ListStatements.RowReads;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.security.Scope;
import fr.maillage.territories.Commune;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import org.dataloader.DataLoader;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The data loaders of the network's nested fields (one statement per field for a whole page of parents), and what
 * its controllers share: pages, communes, parents grouped by id.
 */
@Component
class NetworkLoaders {

    /** Perimeters of coordinators by id; primed by the coordinator query, which reads it with the coordinator. */
    static final String PERIMETERS = "coordinatorPerimeters";
    /** Latest contract and places of advisers by id; primed by the pages of advisers that read them with the page. */
    static final String CONTRACTS = "adviserContracts";
    static final String PLACES = "adviserPlaces";
    static final String SCOPES = "adviserScopes";
    private static final String PAGES = "adviserPages";

    private final ApiProperties limits;
    private final Clock clock;

    NetworkLoaders(AdviserReader advisers, LinkReader links, ScopeReader scopes, NetworkRepository network,
            ApiProperties limits, Clock clock, BatchLoaderRegistry loaders) {
        this.limits = limits;
        this.clock = clock;
        loaders.forTypePair(AdviserPage.class, AdviserPageResult.class).withName(PAGES).registerMappedBatchLoader(
                (keys, env) -> Mono.fromCallable(() -> Map.copyOf(advisers.adviserPages(keys, LocalDate.now(clock)))));
        loaders.<String, Contract>forName(CONTRACTS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> advisers.latestContracts(ids)));
        loaders.<String, List<PlaceAssignment>>forName(PLACES).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> Map.copyOf(advisers.placesOfAdvisers(ids))));
        loaders.forTypePair(String.class, Scope.class).withName(SCOPES).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> scopes.adviserScopes(ids, null)));
        loaders.forTypePair(String.class, Employer.class).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> network.byIds("Employer", ids, NetworkMapper::employer)));
        loaders.<String, List<Territory>>forName(PERIMETERS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> Map.copyOf(links.perimeters(ids))));
    }

    /** Today, by the one clock: the day the pages of advisers count active advisers on. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    PageRequest page(Integer first, String after) {
        return PageRequest.of(first, after, limits.maxPageSize());
    }

    /**
     * A page of advisers below a parent. The contracts and places of its advisers, when the request reads them, come
     * with the page and prime their loaders: no further statement for them.
     */
    static CompletableFuture<Connection<Adviser>> advisers(String parentId, boolean ofCoordinator, boolean activeOnly,
            PageRequest page, DataFetchingEnvironment env) {
        var key = key(parentId, ofCoordinator, activeOnly, page, env.getSelectionSet());
        DataLoader<AdviserPage, AdviserPageResult> pages = env.getDataLoader(PAGES);
        return pages.load(key)
                .thenApply(result -> {
                    if (key.withContracts()) {
                        DataLoader<String, Contract> loader = env.getDataLoader(CONTRACTS);
                        result.connection().nodes().forEach(a -> loader.prime(a.id(), result.contracts().get(a.id())));
                    }
                    if (key.withPlaces()) {
                        DataLoader<String, List<PlaceAssignment>> loader = env.getDataLoader(PLACES);
                        result.connection().nodes().forEach(a -> loader.prime(a.id(),
                                result.places().getOrDefault(a.id(), List.of())));
                    }
                    return result.connection();
                });
    }

    /**
     * The page of advisers a parent's root read should read with the parent: that of the parent's one {@code advisers}
     * field, as {@link #advisers} will ask it. Null when the request does not read it, reads it twice (aliases), or
     * gives arguments the field itself will refuse (its error then belongs to the field).
     */
    AdviserPage selectedAdviserPage(String parentId, boolean ofCoordinator, DataFetchingEnvironment env) {
        return adviserPageOf(parentId, ofCoordinator, env.getSelectionSet().getImmediateFields().stream()
                .filter(field -> field.getName().equals("advisers")).toList());
    }

    /**
     * What a page of a list reads with each of its actors: their commune and (employers) their page of advisers,
     * when each node of the page reads it once.
     */
    RowReads selectedRowReads(DataFetchingEnvironment env, boolean advisers) {
        var selection = env.getSelectionSet();
        var page = advisers ? adviserPageOf(null, false, selection.getFields("nodes/advisers", "edges/node/advisers"))
                : null;
        return new RowReads(Connection.readsNodeField(selection, "commune"), page);
    }

    private AdviserPage adviserPageOf(String parentId, boolean ofCoordinator, List<SelectedField> fields) {
        if (fields.size() != 1) {
            return null;
        }
        var field = fields.get(0);
        var arguments = field.getArguments();
        PageRequest page;
        try {
            page = page((Integer) arguments.get("first"), (String) arguments.get("after"));
            Keyset.parameters(page);
        } catch (RuntimeException refused) {
            return null;
        }
        return key(parentId, ofCoordinator, !ofCoordinator && !Boolean.FALSE.equals(arguments.get("activeOnly")), page,
                field.getSelectionSet());
    }

    /** The key of a page of advisers, from what the request reads of it ({@code selection}, below the field). */
    private static AdviserPage key(String parentId, boolean ofCoordinator, boolean activeOnly, PageRequest page,
            DataFetchingFieldSelectionSet selection) {
        return new AdviserPage(parentId, ofCoordinator, activeOnly, page,
                Connection.readsNodeField(selection, "contract"), Connection.readsNodeField(selection, "places"),
                !selection.contains("nodes") && !selection.contains("edges") && !selection.contains("pageInfo"));
    }

    /** Page {@code key}, read by a root statement: {@link #advisers} finds it there instead of reading it again. */
    static void prime(DataFetchingEnvironment env, AdviserPage key, AdviserPageResult result) {
        env.<AdviserPage, AdviserPageResult>getDataLoader(PAGES).prime(key, result);
    }

    /** What a page of a list read with its actors, found there by their fields instead of read again. */
    static <T> Connection<T> primed(DataFetchingEnvironment env, ListPage<T> page) {
        DataLoader<TerritoryRef, Territory> territories = env.getDataLoader(Territory.class.getName());
        page.communes().values().forEach(commune -> territories.prime(commune.ref(), commune));
        page.advisers().forEach((key, result) -> prime(env, key, result));
        return page.connection();
    }

    static CompletableFuture<Commune> commune(String code, DataLoader<TerritoryRef, Territory> territories) {
        return code == null ? CompletableFuture.completedFuture(null)
                : territories.load(new TerritoryRef(TerritoryLevel.COMMUNE, code)).thenApply(Commune.class::cast);
    }

    static <P> List<String> ids(List<P> parents, Function<P, String> id) {
        return parents.stream().map(id).distinct().toList();
    }

    /** The value of each parent, by its id; parents without one are absent. */
    static <P, V> Map<P, V> byKey(List<P> parents, Function<P, String> id, Map<String, V> values) {
        var result = new java.util.HashMap<P, V>();
        for (var parent : parents) {
            var value = values.get(id.apply(parent));
            if (value != null) {
                result.put(parent, value);
            }
        }
        return result;
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
