package fr.maillage.web;

import java.time.Duration;

import graphql.schema.idl.SchemaPrinter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** Static assets of the web pages, and the schema printed as UTF-8 text. */
@Configuration(proxyBeanMethods = false)
class WebPagesConfiguration implements WebMvcConfigurer {

    /** The bundle's scripts, styles, fonts and workers carry a hash of their content in their name. */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    }

    /**
     * {@code GET /graphql/schema}, where {@code spring.graphql.schema.printer.enabled} is on: Spring's own printer
     * answers {@code text/plain} without a charset, which garbles the French descriptions; this one, ahead of it,
     * says UTF-8.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @ConditionalOnProperty(name = "spring.graphql.schema.printer.enabled", havingValue = "true")
    RouterFunction<ServerResponse> schemaPrinter(GraphQlSource source) {
        var printer = new SchemaPrinter();
        return RouterFunctions.route()
                .GET("/graphql/schema", request -> ServerResponse.ok().contentType(WebPagesController.TEXT)
                        .body(printer.print(source.schema())))
                .build();
    }
}
