package fr.maillage.network;

import static fr.maillage.network.NetworkChecks.EMPLOYER_KEEPERS;
import static fr.maillage.network.NetworkChecks.NAME;
import static fr.maillage.network.NetworkChecks.code;
import static fr.maillage.network.NetworkChecks.name;

import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.NetworkInputs.EmployerInput;
import fr.maillage.network.NetworkInputs.EmployerUpdate;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.security.Access;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and updates employers. Each method is one transaction: it checks its whole input against the graph
 * first and writes only when everything holds.
 */
@Service
@Transactional
@RetriedOnConflict
class EmployerWriter {

    private static final String UPDATE = """
            MATCH (e:Employer {id: $id})
            SET e.name = coalesce($name, e.name), e.sector = coalesce($sector, e.sector),
                e.legalKind = coalesce($legalKind, e.legalKind), e.updatedAt = datetime()""";

    private final Cypher cypher;
    private final NetworkChecks checks;
    private final NetworkRepository network;

    EmployerWriter(Cypher cypher, NetworkChecks checks, NetworkRepository network) {
        this.cypher = cypher;
        this.checks = checks;
        this.network = network;
    }

    Employer registerEmployer(EmployerInput input) {
        Access.write(EMPLOYER_KEEPERS).establishing(Siret.normalise(input.siret()), checks.commune(input.communeCode()))
                .require();
        var v = new Validation();
        Siret.problem(input.siret()).ifPresent(reason -> v.problem("input.siret", reason));
        v.text("input.name", input.name(), NAME);
        v.check(input.legalKind() != null, "input.legalKind", "obligatoire");
        checks.requireCommune(v, "input.communeCode", input.communeCode());
        var siret = Siret.normalise(input.siret());
        if (v.ok() && network.employerBySiret(siret) != null) {
            v.problem("input.siret", "une structure avec le SIRET " + siret + " est déjà enregistrée");
        }
        v.orThrow();
        var id = NetworkKeys.employerId(siret);
        cypher.run(NetworkStatements.REGISTER_EMPLOYER, Cypher.parameters("id", id, "siret", siret,
                "name", input.name().strip(),
                "sector", (input.sector() != null ? input.sector() : input.legalKind().usualSector).name(),
                "legalKind", input.legalKind().name(), "communeCode", code(input.communeCode())));
        return employer(id);
    }

    Employer updateEmployer(String id, EmployerUpdate input) {
        var employer = checks.actorScope("Employer", id);
        var write = Access.write(EMPLOYER_KEEPERS).touching(employer);
        if (input.communeCode() != null) {
            write.moving(employer, checks.commune(input.communeCode()));
        }
        write.require();
        var v = new Validation();
        var found = checks.existing(v, "id", "Employer", id, "aucune structure employeuse");
        v.optionalText("input.name", input.name(), NAME);
        v.check(input.name() == null || !input.name().isBlank(), "input.name", "ne peut pas être vide");
        if (input.communeCode() != null) {
            checks.requireCommune(v, "input.communeCode", input.communeCode());
        }
        v.orThrow();
        cypher.run(UPDATE, Cypher.parameters("id", id, "name", Validation.trimToNull(input.name()),
                "sector", name(input.sector()), "legalKind", name(input.legalKind())));
        if (input.communeCode() != null) {
            cypher.run(NetworkStatements.relocate("Employer"),
                    Cypher.parameters("id", id, "communeCode", code(input.communeCode())));
        }
        return found ? employer(id) : null;
    }

    private Employer employer(String id) {
        return network.employer(id);
    }
}
