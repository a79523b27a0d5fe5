package fr.maillage.territories;

import java.util.List;
import java.util.Map;

import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.territories.TerritoryRepository.ChildPage;
import fr.maillage.territories.TerritoryRepository.TerritoryMatch;
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

    private final TerritoryRepository territories;
    private final ApiProperties limits;

    TerritoryController(TerritoryRepository territories, ApiProperties limits, BatchLoaderRegistry loaders) {
        this.territories = territories;
        this.limits = limits;
        loaders.forTypePair(TerritoryRef.class, Territory.class)
                .registerMappedBatchLoader((refs, env) -> Mono.fromCallable(() -> territories.findAll(refs)));
        loaders.forTypePair(ChildPage.class, Connection.class).withName("territoryChildren")
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> Map.copyOf(territories.children(keys))));
        loaders.forTypePair(String.class, Prefecture.class)
                .registerMappedBatchLoader((codes, env) -> Mono.fromCallable(() -> territories.prefectures(codes)));
        loaders.forTypePair(String.class, Sgar.class)
                .registerMappedBatchLoader((codes, env) -> Mono.fromCallable(() -> territories.sgars(codes)));
    }

    @QueryMapping
    Territory territory(@Argument TerritoryLevel level, @Argument String code) {
        return territories.find(new TerritoryRef(level, code));
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
