package dev.hpo.optimizer.strategy;

import dev.hpo.common.space.SearchSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Exhaustive search: proposes the points of the search space's grid in a fixed order, skipping seen ones. */
public final class GridStrategy implements Strategy {

    private final SearchSpace space;
    private final GridEnumeration grid;
    private final long size;

    /**
     * @throws IllegalArgumentException when a float parameter has no step, or the grid has more than
     *                                  {@link Long#MAX_VALUE} points
     */
    public GridStrategy(SearchSpace space) {
        this.space = space;
        this.grid = new GridEnumeration(space);
        try {
            this.size = grid.size();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the grid of this search space has more than " + Long.MAX_VALUE
                    + " points", e);
        }
    }

    @Override
    public List<Map<String, Object>> suggest(StudyHistory history, int count) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (count <= 0) {
            return out;
        }
        SeenConfigurations seen = new SeenConfigurations(space, history);
        grid.forEach(config -> {
            if (seen.add(config)) {
                out.add(config);
            }
            return out.size() < count;
        });
        return out;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }
}
