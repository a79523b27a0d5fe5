package fr.maillage.graphql;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request is bounded before it runs (depth of the selection; root fields; complexity, with each field's weight
 * and page sizes), in time while it runs, and each caller in what it may spend per minute and at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class RequestLimitsConfiguration {

    /** Cursors are sealed with the configured secret (the codec is static: records build connections). */
    @Bean
    CursorCodec cursorCodec(ApiProperties properties) {
        CursorCodec.configure(properties.cursorSecret());
        return CursorCodec.current();
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(ApiProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new AbortExecutionException("Requête trop profonde : profondeur " + depth
                        + ", maximum autorisé " + maxDepth + ". Découpez-la en plusieurs requêtes.");
            }
        };
    }

    @Bean
    CallerBudgets callerBudgets(ApiProperties limits) {
        return new CallerBudgets(limits.perCaller());
    }

    @Bean
    RequestBudgetInstrumentation requestBudgetInstrumentation(ApiProperties limits, CallerBudgets budgets) {
        return new RequestBudgetInstrumentation(limits, budgets);
    }

    @Bean
    RequestBudgetInterceptor requestBudgetInterceptor(ApiProperties limits) {
        return new RequestBudgetInterceptor(limits.requestTimeout());
    }

    /** Right after Spring Security's chain, which tells who the caller is. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(CallerBudgets budgets) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(budgets));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
