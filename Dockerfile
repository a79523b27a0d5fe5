# The service as a container image, built from this repository (used by docker-compose.yml).
# The web pages (GraphiQL) are bundled with Node.js, then the jar with Maven, which takes them as they are.
FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY web web
COPY graphql/examples graphql/examples
RUN cd web && npm ci --no-audit --no-fund && npm run build

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY graphql graphql
COPY neo4j neo4j
COPY --from=web /src/target/web target/web
RUN mvn -B -q package -DskipTests -Dweb.skip

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 maillage
WORKDIR /app
COPY --from=build /src/target/maillage-*.jar /app/maillage.jar
USER maillage
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/maillage.jar"]
