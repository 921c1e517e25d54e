package dev.hpo.trainer.model;

import dev.hpo.trainer.training.HyperParameters;
import dev.hpo.trainer.training.TrialException;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * Turns a trial's {@code optimizer}, {@code learning_rate} and per-optimizer parameters ({@code <name>_<optimizer>},
 * e.g. {@code beta_1_adam}) into DL4J settings. Defaults are Keras 3's ({@code keras.optimizers.*}), as the reference
 * experiment is a Keras one; in particular epsilon is 1e-7 and SGD's learning rate 0.01.
 */
public final class Optimizers {

    public static final List<String> NAMES = List.of("adam", "adamw", "lion", "nadam", "rmsprop", "sgd");
    public static final String DEFAULT = "adam";

    /** Every parameter this class reads, whichever optimizer is chosen. */
    public static final Set<String> PARAMETER_NAMES = Set.of("optimizer", "learning_rate",
            "beta_1_adam", "beta_2_adam", "epsilon_adam",
            "beta_1_adamw", "beta_2_adamw", "epsilon_adamw", "weight_decay_adamw",
            "beta_1_nadam", "beta_2_nadam", "epsilon_nadam",
            "rho_rmsprop", "epsilon_rmsprop",
            "momentum_sgd",
            "beta_1_lion", "beta_2_lion", "weight_decay_lion");

    private static final double KERAS_EPSILON = 1e-7;
    private static final double KERAS_LEARNING_RATE = 1e-3;
    private static final double KERAS_SGD_LEARNING_RATE = 1e-2;
    /** Keras 3's AdamW default (PyTorch's is 0.01). */
    private static final double KERAS_ADAMW_WEIGHT_DECAY = 0.004;

    private Optimizers() {
    }

    /** The settings for the trial; an unknown optimizer name fails with the list of known ones. */
    public static OptimizerSettings fromParams(HyperParameters params) {
        String name = params.choice("optimizer", DEFAULT, NAMES);
        double lr = params.positive("learning_rate", name.equals("sgd") ? KERAS_SGD_LEARNING_RATE : KERAS_LEARNING_RATE);
        return switch (name) {
            case "adam" -> new OptimizerSettings(name, adam(params, "adam", lr), 0);
            case "adamw" -> new OptimizerSettings(name, adam(params, "adamw", lr),
                    params.nonNegative("weight_decay_adamw", KERAS_ADAMW_WEIGHT_DECAY));
            case "nadam" -> new OptimizerSettings(name, new Nadam(lr, params.fraction("beta_1_nadam", 0.9),
                    params.fraction("beta_2_nadam", 0.999), params.positive("epsilon_nadam", KERAS_EPSILON)), 0);
            case "rmsprop" -> new OptimizerSettings(name, new RmsProp(lr, params.fraction("rho_rmsprop", 0.9),
                    params.positive("epsilon_rmsprop", KERAS_EPSILON)), 0);
            case "sgd" -> new OptimizerSettings(name, sgd(params, lr), 0);
            case "lion" -> new OptimizerSettings(name, new Lion(lr, params.fraction("beta_1_lion", Lion.DEFAULT_BETA1),
                    params.fraction("beta_2_lion", Lion.DEFAULT_BETA2)), params.nonNegative("weight_decay_lion", 0));
            default -> throw new TrialException("optimizer (" + name + ") must be one of " + String.join(", ", NAMES));
        };
    }

    private static Adam adam(HyperParameters params, String suffix, double lr) {
        return new Adam(lr, params.fraction("beta_1_" + suffix, 0.9), params.fraction("beta_2_" + suffix, 0.999),
                params.positive("epsilon_" + suffix, KERAS_EPSILON));
    }

    /** DL4J has no classical (heavy-ball) momentum updater, so momentum > 0 means Nesterov momentum. */
    private static IUpdater sgd(HyperParameters params, double lr) {
        double momentum = params.fraction("momentum_sgd", 0);
        return momentum > 0 ? new Nesterovs(lr, momentum) : new Sgd(lr);
    }
}
