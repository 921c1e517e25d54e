package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.SearchSpace;
import dev.hpo.optimizer.bo.SpaceEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random search (Bergstra and Bengio 2012): each active parameter uniform over its range or grid, log-uniform
 * for log floats, uniform over choices; a seen configuration is redrawn.
 */
public final class RandomStrategy implements Strategy {

    /** Draws before giving up on finding an unseen configuration by sampling. */
    private static final int MAX_DRAWS = 200;

    /** Largest finite space that is enumerated to find the last unseen configurations when draws keep failing. */
    private static final long MAX_ENUMERATED = 200_000;

    private final SearchSpace space;
    private final SpaceEncoder encoder;
    private final long seed;

    public RandomStrategy(SearchSpace space, long seed) {
        this.space = space;
        this.encoder = new SpaceEncoder(space);
        this.seed = seed;
    }

    @Override
    public List<Map<String, Object>> suggest(StudyHistory history, int count) {
        SeenConfigurations seen = new SeenConfigurations(space, history);
        SplittableRandom random = seen.random(seed);
        List<Map<String, Object>> out = new ArrayList<>();
        while (out.size() < count) {
            Optional<Map<String, Object>> next = sampleUnseen(seen, random);
            if (next.isEmpty()) {
                break;
            }
            out.add(next.get());
        }
        return out;
    }

    /**
     * A uniformly drawn configuration not in {@code seen}, which it then joins; empty when none is left (or, in a
     * space too large to enumerate, none was found in {@value #MAX_DRAWS} draws).
     */
    public Optional<Map<String, Object>> sampleUnseen(SeenConfigurations seen, SplittableRandom random) {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            Map<String, Object> config = encoder.decode(uniformPoint(random));
            if (seen.add(config)) {
                return Optional.of(config);
            }
        }
        return drawFromUnseenRemainder(seen, random);
    }

    private double[] uniformPoint(SplittableRandom random) {
        double[] u = new double[encoder.dimensions()];
        for (int j = 0; j < u.length; j++) {
            u[j] = random.nextDouble();
        }
        return u;
    }

    /** A nearly exhausted finite space: list what is left and pick one, instead of drawing blindly. */
    private Optional<Map<String, Object>> drawFromUnseenRemainder(SeenConfigurations seen, SplittableRandom random) {
        if (!GridEnumeration.isDiscrete(space)) {
            return Optional.empty();
        }
        GridEnumeration grid = new GridEnumeration(space);
        List<Map<String, Object>> unseen = new ArrayList<>();
        long[] visited = {0};
        grid.forEach(config -> {
            if (!seen.contains(config)) {
                unseen.add(config);
            }
            return ++visited[0] < MAX_ENUMERATED;
        });
        if (unseen.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> config = unseen.get(random.nextInt(unseen.size()));
        seen.add(config);
        return Optional.of(config);
    }
}
