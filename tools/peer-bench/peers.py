#!/usr/bin/env python3
"""The peers of `./hpo bench optimizer`, on the same test functions and with the same CSV.

Runs Optuna's TPE, uniform random search and a KerasTuner-style GP-UCB (scikit-learn) on the functions of
dev.hpo.optimizer.bench.BenchmarkFunction, and writes `function,strategy,seed,eval,best_regret`, one row per
evaluation, as OptimizerBench does; prints the median final regret per function and strategy.

The peer figures in issue 3 were measured with Debian bookworm's packages, which this script expects:

    apt-get install python3-optuna python3-sklearn      # Optuna 3.1.0, scikit-learn 1.2.1, SciPy 1.10.1
    /usr/bin/python3 tools/peer-bench/peers.py --function hartmann6 --strategy tpe,random,gp-ucb \
        --budget 50 --seeds 10 --out /tmp/bench/peers.csv

GP-UCB follows KerasTuner 1.x's BayesianOptimizationOracle: inputs in the unit cube, 3 x dims uniform random
initial points, then a GaussianProcessRegressor with an isotropic Matern-5/2 kernel, alpha 1e-4, normalize_y and
20 optimiser restarts, and the minimum of mu - 2.6 sigma found by L-BFGS-B (finite differences) from 50 uniform
starts. The functions below are copies of the Java ones; BenchmarkFunctionTest checks the Java ones against values
this script computes away from the minima.
"""
import argparse
import csv
import math
import statistics
import sys
import time

import numpy as np


def branin(x):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x[1] - b * x[0] ** 2 + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


HARTMANN_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
H6_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                 [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
H6_P = np.array([[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
                 [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]])
H3_A = np.array([[3, 10, 30], [0.1, 10, 35], [3, 10, 30], [0.1, 10, 35]])
H3_P = np.array([[0.3689, 0.1170, 0.2673], [0.4699, 0.4387, 0.7470],
                 [0.1091, 0.8732, 0.5547], [0.0381, 0.5743, 0.8828]])


def hartmann(a, p):
    return lambda x: -float(np.sum(HARTMANN_ALPHA * np.exp(-np.sum(a * (np.asarray(x) - p) ** 2, axis=1))))


def ackley(x):
    x = np.asarray(x)
    d = len(x)
    return float(-20 * math.exp(-0.2 * math.sqrt(np.sum(x ** 2) / d))
                 - math.exp(np.sum(np.cos(2 * math.pi * x)) / d) + 20 + math.e)


def rosenbrock(x):
    return float(sum(100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2 for i in range(len(x) - 1)))


def goldstein_price(x):
    a, b = x[0] + x[1] + 1, 2 * x[0] - 3 * x[1]
    return ((1 + a * a * (19 - 14 * x[0] + 3 * x[0] ** 2 - 14 * x[1] + 6 * x[0] * x[1] + 3 * x[1] ** 2))
            * (30 + b * b * (18 - 32 * x[0] + 12 * x[0] ** 2 + 48 * x[1] - 36 * x[0] * x[1] + 27 * x[1] ** 2)))


def six_hump_camel(x):
    return (4 - 2.1 * x[0] ** 2 + x[0] ** 4 / 3) * x[0] ** 2 + x[0] * x[1] + (-4 + 4 * x[1] ** 2) * x[1] ** 2


SHEKEL_BETA = np.array([0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5])
SHEKEL_C = np.array([[4, 1, 8, 6, 3, 2, 5, 8, 6, 7], [4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6],
                     [4, 1, 8, 6, 3, 2, 5, 8, 6, 7], [4, 1, 8, 6, 7, 9, 3, 1, 2, 3.6]])


def shekel(x):
    return -float(np.sum(1 / (np.sum((np.asarray(x)[:, None] - SHEKEL_C) ** 2, axis=0) + SHEKEL_BETA)))


def levy(x):
    w = 1 + (np.asarray(x) - 1) / 4
    return float(math.sin(math.pi * w[0]) ** 2
                 + np.sum((w[:-1] - 1) ** 2 * (1 + 10 * np.sin(math.pi * w[:-1] + 1) ** 2))
                 + (w[-1] - 1) ** 2 * (1 + math.sin(2 * math.pi * w[-1]) ** 2))


def styblinski_tang(x):
    x = np.asarray(x)
    return float(np.sum(x ** 4 - 16 * x ** 2 + 5 * x) / 2)


# id: (function, bounds, global minimum), as in BenchmarkFunction.java
FUNCTIONS = {
    "branin": (branin, [(-5, 10), (0, 15)], 0.397887357729738),
    "hartmann6": (hartmann(H6_A, H6_P), [(0, 1)] * 6, -3.32236801141551),
    "ackley5": (ackley, [(-32.768, 32.768)] * 5, 0.0),
    "rosenbrock4": (rosenbrock, [(-5, 10)] * 4, 0.0),
    "goldstein-price": (goldstein_price, [(-2, 2)] * 2, 3.0),
    "six-hump-camel": (six_hump_camel, [(-3, 3), (-2, 2)], -1.0316284534898774),
    "hartmann3": (hartmann(H3_A, H3_P), [(0, 1)] * 3, -3.862779787332663),
    "shekel": (shekel, [(0, 10)] * 4, -10.53644315348353),
    "levy10": (levy, [(-10, 10)] * 10, 0.0),
    "styblinski-tang8": (styblinski_tang, [(-5, 5)] * 8, -39.16616570377142 * 8),
}


def run_random(f, bounds, budget, seed):
    rng = np.random.default_rng(seed)
    lo, hi = np.array(bounds, dtype=float).T
    return [f(lo + (hi - lo) * rng.random(len(bounds))) for _ in range(budget)]


def run_tpe(f, bounds, budget, seed):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
    values = []

    def objective(trial):
        value = f(np.array([trial.suggest_float("x%d" % j, lo, hi) for j, (lo, hi) in enumerate(bounds)]))
        values.append(value)
        return value

    study.optimize(objective, n_trials=budget)
    return values


def run_gp_ucb(f, bounds, budget, seed, beta=2.6, gp_restarts=20, acq_starts=50):
    import scipy.optimize
    from sklearn.gaussian_process import GaussianProcessRegressor
    from sklearn.gaussian_process.kernels import Matern
    rng = np.random.RandomState(seed)
    lo, hi = np.array(bounds, dtype=float).T
    d = len(bounds)
    xs, values = [], []
    for e in range(budget):
        if e < 3 * d:
            u = rng.uniform(0, 1, d)
        else:
            gpr = GaussianProcessRegressor(kernel=Matern(nu=2.5), n_restarts_optimizer=gp_restarts,
                                           normalize_y=True, alpha=1e-4, random_state=seed)
            gpr.fit(np.array(xs), np.array(values))

            def ucb(u_):
                mu, sigma = gpr.predict(u_.reshape(1, -1), return_std=True)
                return float(mu[0] - beta * sigma[0])

            best_u, best_a = None, math.inf
            for start in rng.uniform(0, 1, size=(acq_starts, d)):
                result = scipy.optimize.minimize(ucb, x0=start, bounds=[(0, 1)] * d, method="L-BFGS-B")
                if result.fun < best_a:
                    best_u, best_a = result.x, result.fun
            u = np.clip(best_u, 0, 1)
        xs.append(u)
        values.append(f(lo + (hi - lo) * u))
    return values


STRATEGIES = {"random": run_random, "tpe": run_tpe, "gp-ucb": run_gp_ucb}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--function", required=True, help="comma-separated: " + ", ".join(FUNCTIONS))
    parser.add_argument("--strategy", required=True, help="comma-separated: " + ", ".join(STRATEGIES))
    parser.add_argument("--budget", type=int, default=50)
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    functions = args.function.split(",")
    strategies = args.strategy.split(",")
    for name in functions:
        if name not in FUNCTIONS:
            parser.error("unknown function %s; one of %s" % (name, ", ".join(FUNCTIONS)))
    for name in strategies:
        if name not in STRATEGIES:
            parser.error("unknown strategy %s; one of %s" % (name, ", ".join(STRATEGIES)))
    with open(args.out, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["function", "strategy", "seed", "eval", "best_regret"])
        for fid in functions:
            f, bounds, minimum = FUNCTIONS[fid]
            for sid in strategies:
                finals = []
                started = time.time()
                for seed in range(args.seeds):
                    best = math.inf
                    for e, value in enumerate(STRATEGIES[sid](f, bounds, args.budget, seed), start=1):
                        best = min(best, value)
                        writer.writerow([fid, sid, seed, e, "%.6g" % (best - minimum)])
                    finals.append(best - minimum)
                    out.flush()
                print("%-16s %-7s budget %d: median final regret %.4g (seeds %d, %.0f s)"
                      % (fid, sid, args.budget, statistics.median(finals), args.seeds, time.time() - started))
                sys.stdout.flush()


if __name__ == "__main__":
    main()
