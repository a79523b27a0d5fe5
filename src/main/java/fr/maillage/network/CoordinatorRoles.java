package fr.maillage.network;

import java.time.LocalDate;

import fr.maillage.network.NetworkInputs.PerimeterInput;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Component;

/**
 * The network's door for the coordinator application workflow: a recruitment it has decided becomes the coordinator
 * role of an adviser, over the perimeter of the application. The workflow authorizes its own step (a prefecture or
 * ANCT records a recruitment, not a coordination writer); the network checks what is its own: the perimeter, the
 * adviser.
 */
@Component
public class CoordinatorRoles {

    private final NetworkChecks checks;
    private final CoordinatorWriter coordinators;

    CoordinatorRoles(NetworkChecks checks, CoordinatorWriter coordinators) {
        this.checks = checks;
        this.coordinators = coordinators;
    }

    /** The checks of a coordinator perimeter, for inputs that carry one under {@code field}. */
    /** The most territories a perimeter names (a coordinator's, an application's zone). */
    public static final int MAX_PERIMETER_TERRITORIES = NetworkChecks.MAX_PERIMETER_TERRITORIES;

    public void checkPerimeter(Validation v, String field, PerimeterInput perimeter) {
        checks.perimeter(v, field, perimeter);
    }

    /**
     * Gives adviser {@code adviserId} the coordinator role over {@code perimeter} from {@code since}, or moves its
     * perimeter if it has the role already; a post that joins the programme puts the adviser under the programme's
     * scheme. Checks the perimeter and the adviser first: nothing is written when they fail.
     */
    public void grantRecruited(String adviserId, PerimeterInput perimeter, LocalDate since, boolean joinsProgramme) {
        coordinators.grantRecruited(adviserId, perimeter, since, joinsProgramme);
    }
}
