package fr.maillage.demo;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import fr.maillage.demo.DemoTerritories.Commune;

/** Communes drawn in proportion to their population. */
final class CommuneSampler {

    private final List<Commune> communes;
    private final long[] cumulative;

    CommuneSampler(List<Commune> communes) {
        this.communes = communes;
        this.cumulative = new long[communes.size()];
        long sum = 0;
        for (int i = 0; i < communes.size(); i++) {
            sum += communes.get(i).population();
            cumulative[i] = sum;
        }
    }

    Commune next(SplittableRandom random) {
        long point = random.nextLong(cumulative[cumulative.length - 1]);
        int i = Arrays.binarySearch(cumulative, point + 1);
        return communes.get(i >= 0 ? i : -i - 1);
    }
}
