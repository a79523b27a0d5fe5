/**
 * The Neo4j database: in-process or a server, migrations, the statement counter, the small Cypher helper shared by
 * the writers.
 */
@ApplicationModule(allowedDependencies = {})
package fr.maillage.database;

import org.springframework.modulith.ApplicationModule;
