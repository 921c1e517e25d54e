package dev.hpo.common.study;

/** How a study picks its configurations. */
public enum StrategyType {
    BAYESIAN, RANDOM, GRID
}
