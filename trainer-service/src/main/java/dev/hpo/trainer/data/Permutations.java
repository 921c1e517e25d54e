package dev.hpo.trainer.data;

import java.util.Random;

/** Seeded random permutations (Fisher-Yates, Knuth TAOCP vol. 2, algorithm P), shared by the generator and the split. */
public final class Permutations {

    private Permutations() {
    }

    /** A uniformly random permutation of 0..n-1. */
    public static int[] random(Random random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(random, order);
        return order;
    }

    /** Shuffles the array in place. */
    public static void shuffle(Random random, int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
