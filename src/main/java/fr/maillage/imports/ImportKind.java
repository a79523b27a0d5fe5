package fr.maillage.imports;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.maillage.activities.ActivityRules;
import fr.maillage.security.Role;

/**
 * What a file holds: the kinds of rows the network can be fed with, named as in the URL and on the command line. The
 * network's actors are imported by ANCT; activities by whoever records them (ANCT, employers, coordinators), each
 * row then checked against the caller's scope.
 */
enum ImportKind {
    PLACES, EMPLOYERS, ADVISERS, PARTNERS, ACTIVITIES;

    String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImportKind> fromPath(String value) {
        for (var kind : values()) {
            if (kind.pathName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kinds' names, for messages: "places, employers, advisers, partners ou activities". */
    static String names() {
        var names = java.util.Arrays.stream(values()).map(ImportKind::pathName).toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " ou " + names.get(names.size() - 1);
    }

    /** The roles that may import this kind at all; the rows of an activities file are then checked one by one. */
    Set<Role> importers() {
        return this == ACTIVITIES ? ActivityRules.RECORDERS : Set.of(Role.ANCT);
    }

    /** A fresh importer for one run: it holds what it looked up in the database for this file. */
    RowImporter importer(ImportContext context) {
        return switch (this) {
            case PLACES -> new PlaceImporter();
            case EMPLOYERS -> new EmployerImporter();
            case ADVISERS -> new AdviserImporter();
            case PARTNERS -> new PartnerImporter();
            case ACTIVITIES -> new ActivityImporter(context);
        };
    }
}
