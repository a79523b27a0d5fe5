package fr.maillage.graphql;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code Date} scalar: an ISO-8601 calendar date, read into {@link LocalDate}. */
@Configuration(proxyBeanMethods = false)
class DateScalar {

    @Bean
    RuntimeWiringConfigurer dateScalarWiring() {
        return wiring -> wiring.scalar(GraphQLScalarType.newScalar().name("Date")
                .description("Date calendaire ISO-8601 (AAAA-MM-JJ)").coercing(new DateCoercing()).build());
    }

    static final class DateCoercing implements Coercing<LocalDate, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof LocalDate date) {
                return date.toString();
            }
            throw new CoercingSerializeException("Pas une date : " + value);
        }

        @Override
        public LocalDate parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return parse(text, CoercingParseValueException::new);
            }
            throw new CoercingParseValueException("Une date s'écrit AAAA-MM-JJ (reçu " + input + ")");
        }

        @Override
        public LocalDate parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                Locale locale) {
            if (input instanceof StringValue text) {
                return parse(text.getValue(), CoercingParseLiteralException::new);
            }
            throw new CoercingParseLiteralException("Une date s'écrit AAAA-MM-JJ entre guillemets");
        }

        private static <E extends RuntimeException> LocalDate parse(String text,
                java.util.function.Function<String, E> error) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw error.apply("Date invalide « " + text + " » : une date s'écrit AAAA-MM-JJ");
            }
        }
    }
}
