package fr.maillage.graphql;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Charges work done outside GraphQL (exports) to the caller the rate limiter admitted, in the same budget as GraphQL
 * requests ({@link CallerBudgets}): the caller may run into debt and then waits, whatever it asks next.
 */
@Component
public class CallerCosts {

    private final CallerBudgets budgets;

    CallerCosts(CallerBudgets budgets) {
        this.budgets = budgets;
    }

    /** Spends {@code cost} from the budget of the caller of {@code request}; nothing if the limiter did not see it. */
    public void charge(HttpServletRequest request, long cost) {
        if (request.getAttribute(RateLimitFilter.CALLER_ATTRIBUTE) instanceof String caller) {
            budgets.charge(caller, cost);
        }
    }
}
