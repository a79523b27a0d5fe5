package fr.maillage.graphql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request is bounded before it runs (depth of the selection; root fields; complexity, with each field's weight
 * and page sizes), in time while it runs, and each caller in what it may spend per minute and at once. Introspection
 * is measured apart, within its own bound ({@link QueryDepthInstrumentation}), and costs nothing.
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

    /** The depth of the data; introspection (GraphiQL's docs and completion) within a bound of its own. */
    @Bean
    QueryDepthInstrumentation queryDepthInstrumentation(ApiProperties limits) {
        return new QueryDepthInstrumentation(limits.maxDepth(), limits.maxIntrospectionDepth());
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
