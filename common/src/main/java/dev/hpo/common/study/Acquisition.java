package dev.hpo.common.study;

/** The acquisition function of Bayesian optimisation: probability of improvement, expected improvement, upper confidence bound. */
public enum Acquisition {
    PI, EI, UCB
}
