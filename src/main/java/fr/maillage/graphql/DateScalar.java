package fr.maillage.graphql;

import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
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
public class DateScalar {

    @Bean
    RuntimeWiringConfigurer dateScalarWiring() {
        return wiring -> wiring.scalar(GraphQLScalarType.newScalar().name("Date")
                .description("Date calendaire ISO-8601 (AAAA-MM-JJ)").coercing(new DateCoercing()).build());
    }

    /**
     * AAAA-MM-JJ with a year of four digits, as people write dates. ISO's expanded years ("+999999999-12-31") are
     * refused: nothing here is dated beyond 9999, and such a date overflows the first month added to it.
     */
    private static final DateTimeFormatter ISO_DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2).toFormatter()
            .withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

    /** The date of {@code text} written AAAA-MM-JJ (a real day of a year 0000-9999), for the API and the exports. */
    public static LocalDate isoDate(String text) {
        return LocalDate.parse(text, ISO_DATE);
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
                return isoDate(text);
            } catch (DateTimeParseException e) {
                throw error.apply("Date invalide « " + text + " » : une date s'écrit AAAA-MM-JJ");
            }
        }
    }
}
