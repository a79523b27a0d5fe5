package fr.maillage.network;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.security.Scope;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The personal data of advisers: only for callers whose scope covers the adviser; each read is audited. */
@Controller
class AdviserPersonalFields {

    @SchemaMapping(typeName = "Adviser", field = "firstName")
    CompletableFuture<String> firstName(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::firstName, env);
    }

    @SchemaMapping(typeName = "Adviser", field = "lastName")
    CompletableFuture<String> lastName(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::lastName, env);
    }

    /** The programme's id of a person: with a public list of ids and names elsewhere, as telling as a name. */
    @SchemaMapping(typeName = "Adviser", field = "externalId")
    CompletableFuture<String> externalId(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::externalId, env);
    }

    @SchemaMapping(typeName = "Adviser", field = "email")
    CompletableFuture<String> email(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::email, env);
    }

    @SchemaMapping(typeName = "Adviser", field = "phone")
    CompletableFuture<String> phone(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::phone, env);
    }

    private static CompletableFuture<String> personal(Adviser adviser, Function<Adviser, String> field,
            DataFetchingEnvironment env) {
        var caller = Caller.current();
        if (caller.anonymous()) {
            return CompletableFuture.failedFuture(new ForbiddenException());
        }
        DataLoader<String, Scope> scopes = env.getDataLoader(NetworkLoaders.SCOPES);
        return scopes.load(adviser.id()).thenApply(scope -> {
            if (scope == null || !Access.seesPersonalData(caller, scope)) {
                throw new ForbiddenException();
            }
            PersonalDataAudit.read(env.getGraphQlContext(), adviser.id());
            return field.apply(adviser);
        });
    }
}
