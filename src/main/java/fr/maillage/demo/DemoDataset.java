package fr.maillage.demo;

import java.util.List;
import java.util.Map;

import fr.maillage.activities.ActivityRecord;

/**
 * A generated network as rows ready for the loader's {@code UNWIND}: one list per statement, dates as
 * {@link java.time.LocalDate} (the driver sends them as Neo4j dates), enums as their names; the activities as the
 * records of the activities module's one write ({@link ActivityRecord#row()}). Two datasets generated from the same
 * settings are equal.
 */
record DemoDataset(List<Map<String, Object>> employers, List<Map<String, Object>> advisers,
        List<Map<String, Object>> contracts, List<Map<String, Object>> coordinators,
        List<Map<String, Object>> coordinations, List<Map<String, Object>> hubs, List<Map<String, Object>> places,
        List<Map<String, Object>> worksAt, List<Map<String, Object>> partners,
        List<Map<String, Object>> partnerLinks, List<Map<String, Object>> governances,
        List<ActivityRecord> activities) {

    /** A one-line summary for logs. */
    String summary() {
        return "%d employers, %d advisers (%d coordinators, %d coordinated), %d hubs, %d places, %d partners (%d links),"
                .formatted(employers.size(), advisers.size(), coordinators.size(), coordinations.size(), hubs.size(),
                        places.size(), partners.size(), partnerLinks.size())
                + " %d governances, %d activities".formatted(governances.size(), activities.size());
    }
}
