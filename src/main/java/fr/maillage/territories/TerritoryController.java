package fr.maillage.territories;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.graphql.RootReads;
import fr.maillage.territories.TerritoryRepository.ChildPage;
import fr.maillage.territories.TerritoryRepository.TerritoryMatch;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The territorial referential over GraphQL: the queries, and the data loaders through which the navigation fields
 * ({@link TerritoryNavigation}) and other modules read territories, so a request costs one Cypher statement per kind
 * of field and level, never one per row.
 */
@Controller
class TerritoryController {

    private static final int MAX_SEARCH_LENGTH = 100;
    static final String CHILDREN = "territoryChildren";

    private final TerritoryRepository territories;
    private final ApiProperties limits;

    TerritoryController(TerritoryRepository territories, ApiProperties limits, BatchLoaderRegistry loaders) {
        this.territories = territories;
        this.limits = limits;
        loaders.forTypePair(TerritoryRef.class, Territory.class)
                .registerMappedBatchLoader((refs, env) -> Mono.fromCallable(() -> territories.findAll(refs)));
        loaders.forTypePair(ChildPage.class, Connection.class).withName(CHILDREN)
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> Map.copyOf(territories.children(keys))));
        loaders.forTypePair(String.class, Prefecture.class)
                .registerMappedBatchLoader((codes, env) -> Mono.fromCallable(() -> territories.prefectures(codes)));
        loaders.forTypePair(String.class, Sgar.class)
                .registerMappedBatchLoader((codes, env) -> Mono.fromCallable(() -> territories.sgars(codes)));
    }

    /**
     * The territory and, when the request reads them, a page of its territories of a level below and a page of theirs
     * (département, its EPCI, their communes): one statement, priming the navigation's loader.
     */
    @QueryMapping
    CompletableFuture<Territory> territory(@Argument TerritoryLevel level, @Argument String code,
            DataFetchingEnvironment env) {
        var ref = new TerritoryRef(level, code);
        var children = selectedChildren(ref, level, env.getSelectionSet().getImmediateFields());
        var grandchildren = children == null ? null : selectedChildren(null, children.page().childLevel(),
                children.field().getSelectionSet().getFields("nodes/*", "edges/node/*"));
        return RootReads.load(env, TerritoryRepository.withChildren(ref, children == null ? null : children.page(),
                grandchildren == null ? null : grandchildren.page())).thenApply(found -> {
                    if (found == null) {
                        return null;
                    }
                    DataLoader<ChildPage, Connection<?>> loader = env.getDataLoader(CHILDREN);
                    if (found.children() != null) {
                        loader.prime(found.children(), found.page());
                    }
                    found.grandchildren().forEach(loader::prime);
                    return found.territory();
                });
    }

    /** The navigation fields down (for the levels below which they list), by the level of the territories listed. */
    private static final Map<String, TerritoryLevel> CHILD_FIELDS = Map.of("departments", TerritoryLevel.DEPARTMENT,
            "epcis", TerritoryLevel.EPCI, "communes", TerritoryLevel.COMMUNE);

    private record SelectedChildren(SelectedField field, ChildPage page) {
    }

    /**
     * The one navigation field down that a territory of {@code level} has among {@code fields}, as its field's loader
     * will ask it; null when there is none, more than one, or arguments the field itself will refuse.
     */
    private SelectedChildren selectedChildren(TerritoryRef parent, TerritoryLevel level, List<SelectedField> fields) {
        // an EPCI's departments are the départements it reaches, above it: not a navigation down
        var down = fields.stream().filter(field -> CHILD_FIELDS.containsKey(field.getName())
                && field.getObjectTypeNames().contains(level.label())
                && TerritoryRepository.lieBelow(level, CHILD_FIELDS.get(field.getName()))).toList();
        if (down.size() != 1) {
            return null;
        }
        var field = down.get(0);
        try {
            var page = PageRequest.of((Integer) field.getArguments().get("first"),
                    (String) field.getArguments().get("after"), limits.maxPageSize());
            return new SelectedChildren(field, new ChildPage(parent, CHILD_FIELDS.get(field.getName()), page));
        } catch (RuntimeException refused) {
            return null;
        }
    }

    @QueryMapping
    Connection<Territory> territories(@Argument TerritoryLevel level, @Argument TerritoryRef within,
            @Argument Integer first, @Argument String after) {
        var page = PageRequest.of(first, after, limits.maxPageSize());
        if (within == null) {
            return territories.page(level, page);
        }
        if (within.level().ordinal() >= level.ordinal()) {
            throw new InvalidInputException("within.level",
                    "un territoire de niveau " + within.level() + " ne contient pas de " + level);
        }
        if (territories.find(within) == null) {
            throw new InvalidInputException("within", "aucun territoire " + within);
        }
        return territories.children(List.of(new ChildPage(within, level, page))).get(
                new ChildPage(within, level, page));
    }

    @QueryMapping
    List<TerritoryMatch> searchTerritories(@Argument String text, @Argument List<TerritoryLevel> levels,
            @Argument Integer first) {
        if (text != null && text.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidInputException("text", "au plus " + MAX_SEARCH_LENGTH + " caractères");
        }
        var folded = SearchText.fold(text);
        if (folded.isEmpty()) {
            throw new InvalidInputException("text", "saisissez au moins une lettre ou un chiffre");
        }
        var size = PageRequest.of(first, null, limits.maxPageSize()).first();
        return territories.search(folded, levels, size);
    }

    @QueryMapping
    Prefecture prefecture(@Argument String departmentCode) {
        return territories.prefectures(List.of(departmentCode.trim().toUpperCase())).get(
                departmentCode.trim().toUpperCase());
    }

    @QueryMapping
    Sgar sgar(@Argument String regionCode) {
        return territories.sgars(List.of(regionCode.trim())).get(regionCode.trim());
    }
}
