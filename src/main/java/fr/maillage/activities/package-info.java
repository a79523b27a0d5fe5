/**
 * What the network does: the activities of advisers and coordinators (accompaniments, workshops, event days,
 * coordination meetings, working groups, partner meetings, mappings of structures, digital commons), recorded and
 * imported without personal data about the people helped, and their figures per territory, coordinator and hub over
 * a period, with a coordinator's annual activity report (docs/activities.md).
 */
@ApplicationModule(allowedDependencies = {"database", "exports", "graphql", "network", "security", "territories",
        "validation"})
package fr.maillage.activities;

import org.springframework.modulith.ApplicationModule;
