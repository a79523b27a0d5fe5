package fr.maillage.territories;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.PageRequest;
import fr.maillage.territories.TerritoryRepository.ChildPage;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The navigation fields of territories: up and across (parents, chefs-lieux, authorities) and down (paginated
 * children), all through the data loaders {@link TerritoryController} registers.
 */
@Controller
class TerritoryNavigation {

    private final ApiProperties limits;

    TerritoryNavigation(ApiProperties limits) {
        this.limits = limits;
    }

    // Navigation up and across: batched by data loaders.

    @SchemaMapping(typeName = "Department", field = "region")
    CompletableFuture<Region> departmentRegion(Department department, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.REGION, department.regionCode(), Region.class);
    }

    @SchemaMapping(typeName = "Commune", field = "region")
    CompletableFuture<Region> communeRegion(Commune commune, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.REGION, commune.regionCode(), Region.class);
    }

    @SchemaMapping(typeName = "Commune", field = "department")
    CompletableFuture<Department> communeDepartment(Commune commune, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.DEPARTMENT, commune.departmentCode(), Department.class);
    }

    @SchemaMapping(typeName = "Commune", field = "epci")
    CompletableFuture<Epci> communeEpci(Commune commune, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.EPCI, commune.epciCode(), Epci.class);
    }

    @SchemaMapping(typeName = "Region", field = "chefLieu")
    CompletableFuture<Commune> regionChefLieu(Region region, DataLoader<TerritoryRef, Territory> loader) {
        return commune(region.chefLieuCode(), loader);
    }

    @SchemaMapping(typeName = "Department", field = "chefLieu")
    CompletableFuture<Commune> departmentChefLieu(Department department, DataLoader<TerritoryRef, Territory> loader) {
        return commune(department.chefLieuCode(), loader);
    }

    @SchemaMapping(typeName = "Prefecture", field = "seat")
    CompletableFuture<Commune> prefectureSeat(Prefecture prefecture, DataLoader<TerritoryRef, Territory> loader) {
        return commune(prefecture.seatCode(), loader);
    }

    @SchemaMapping(typeName = "Sgar", field = "seat")
    CompletableFuture<Commune> sgarSeat(Sgar sgar, DataLoader<TerritoryRef, Territory> loader) {
        return commune(sgar.seatCode(), loader);
    }

    @SchemaMapping(typeName = "Prefecture", field = "department")
    CompletableFuture<Department> prefectureDepartment(Prefecture prefecture, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.DEPARTMENT, prefecture.code(), Department.class);
    }

    @SchemaMapping(typeName = "Prefecture", field = "region")
    CompletableFuture<Region> prefectureRegion(Prefecture prefecture, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.REGION, prefecture.regionCode(), Region.class);
    }

    @SchemaMapping(typeName = "Sgar", field = "region")
    CompletableFuture<Region> sgarRegion(Sgar sgar, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.REGION, sgar.code(), Region.class);
    }

    @SchemaMapping(typeName = "Epci", field = "departments")
    CompletableFuture<List<Department>> epciDepartments(Epci epci, DataLoader<TerritoryRef, Territory> loader) {
        return loadAll(loader, TerritoryLevel.DEPARTMENT, epci.departmentCodes(), Department.class);
    }

    @SchemaMapping(typeName = "Epci", field = "regions")
    CompletableFuture<List<Region>> epciRegions(Epci epci, DataLoader<TerritoryRef, Territory> loader) {
        return loadAll(loader, TerritoryLevel.REGION, epci.regionCodes(), Region.class);
    }

    /** Global identifier; a default method of the interface, which property fetching does not see. */
    @SchemaMapping(typeName = "Territory", field = "id")
    String id(Territory territory) {
        return territory.id();
    }

    // The authorities of a territory.

    @SchemaMapping(typeName = "Territory", field = "prefectures")
    CompletableFuture<List<Prefecture>> prefectures(Territory territory, DataLoader<String, Prefecture> loader) {
        return loader.loadMany(territory.departmentCodes()).thenApply(TerritoryNavigation::present);
    }

    @SchemaMapping(typeName = "Territory", field = "sgars")
    CompletableFuture<List<Sgar>> sgars(Territory territory, DataLoader<String, Sgar> loader) {
        return loader.loadMany(territory.regionCodes()).thenApply(TerritoryNavigation::present);
    }

    @SchemaMapping(typeName = "Region", field = "sgar")
    CompletableFuture<Sgar> regionSgar(Region region, DataLoader<String, Sgar> loader) {
        return loader.load(region.code());
    }

    @SchemaMapping(typeName = "Department", field = "sgar")
    CompletableFuture<Sgar> departmentSgar(Department department, DataLoader<String, Sgar> loader) {
        return loader.load(department.regionCode());
    }

    @SchemaMapping(typeName = "Commune", field = "sgar")
    CompletableFuture<Sgar> communeSgar(Commune commune, DataLoader<String, Sgar> loader) {
        return loader.load(commune.regionCode());
    }

    @SchemaMapping(typeName = "Region", field = "prefecture")
    CompletableFuture<Prefecture> regionalPrefecture(Region region, DataLoader<String, Prefecture> loader) {
        return loader.loadMany(region.departmentCodes()).thenApply(all -> all.stream()
                .filter(p -> p != null && p.regional()).findFirst().orElse(null));
    }

    @SchemaMapping(typeName = "Department", field = "prefecture")
    CompletableFuture<Prefecture> departmentPrefecture(Department department, DataLoader<String, Prefecture> loader) {
        return loader.load(department.code());
    }

    @SchemaMapping(typeName = "Commune", field = "prefecture")
    CompletableFuture<Prefecture> communePrefecture(Commune commune, DataLoader<String, Prefecture> loader) {
        return loader.load(commune.departmentCode());
    }

    // Navigation down: paginated, batched across parents.

    @SchemaMapping(typeName = "Region", field = "departments")
    CompletableFuture<Connection<?>> regionDepartments(Region region, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return children(region, TerritoryLevel.DEPARTMENT, first, after, env);
    }

    @SchemaMapping(typeName = "Region", field = "epcis")
    CompletableFuture<Connection<?>> regionEpcis(Region region, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return children(region, TerritoryLevel.EPCI, first, after, env);
    }

    @SchemaMapping(typeName = "Region", field = "communes")
    CompletableFuture<Connection<?>> regionCommunes(Region region, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return children(region, TerritoryLevel.COMMUNE, first, after, env);
    }

    @SchemaMapping(typeName = "Department", field = "epcis")
    CompletableFuture<Connection<?>> departmentEpcis(Department department, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return children(department, TerritoryLevel.EPCI, first, after, env);
    }

    @SchemaMapping(typeName = "Department", field = "communes")
    CompletableFuture<Connection<?>> departmentCommunes(Department department, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return children(department, TerritoryLevel.COMMUNE, first, after, env);
    }

    @SchemaMapping(typeName = "Epci", field = "communes")
    CompletableFuture<Connection<?>> epciCommunes(Epci epci, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return children(epci, TerritoryLevel.COMMUNE, first, after, env);
    }

    private CompletableFuture<Connection<?>> children(Territory parent, TerritoryLevel level, Integer first,
            String after, DataFetchingEnvironment env) {
        DataLoader<ChildPage, Connection<?>> loader = env.getDataLoader(TerritoryController.CHILDREN);
        return loader.load(new ChildPage(parent.ref(), level, PageRequest.of(first, after, limits.maxPageSize())));
    }

    private static CompletableFuture<Commune> commune(String code, DataLoader<TerritoryRef, Territory> loader) {
        return load(loader, TerritoryLevel.COMMUNE, code, Commune.class);
    }

    private static <T extends Territory> CompletableFuture<T> load(DataLoader<TerritoryRef, Territory> loader,
            TerritoryLevel level, String code, Class<T> type) {
        return code == null ? CompletableFuture.completedFuture(null)
                : loader.load(new TerritoryRef(level, code)).thenApply(type::cast);
    }

    private static <T extends Territory> CompletableFuture<List<T>> loadAll(DataLoader<TerritoryRef, Territory> loader,
            TerritoryLevel level, List<String> codes, Class<T> type) {
        return loader.loadMany(codes.stream().map(code -> new TerritoryRef(level, code)).toList())
                .thenApply(found -> found.stream().filter(Objects::nonNull).map(type::cast).toList());
    }

    private static <T> List<T> present(List<T> values) {
        return values.stream().filter(Objects::nonNull).toList();
    }
}
