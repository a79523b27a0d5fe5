package fr.maillage.graphql;

import graphql.scalars.ExtendedScalars;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The {@code Long} scalar: a 64-bit integer, for the sums and counts of the activity figures, which valid data pushes
 * past the 2^31 of {@code Int} (France's people helped). The maintained one of graphql-java's extended scalars.
 */
@Configuration(proxyBeanMethods = false)
public class LongScalar {

    /** graphql-java shows a wired scalar's own description rather than the schema's: the schema's text, in French. */
    static final String DESCRIPTION = "Entier sur 64 bits, écrit comme un nombre JSON : les sommes et les comptes"
            + " des chiffres d'activité, que des données valides portent au-delà des 2^31 d'`Int` (les personnes"
            + " touchées en France).";

    @Bean
    RuntimeWiringConfigurer longScalarWiring() {
        return wiring -> wiring.scalar(ExtendedScalars.GraphQLLong.transform(
                scalar -> scalar.description(DESCRIPTION)));
    }
}
