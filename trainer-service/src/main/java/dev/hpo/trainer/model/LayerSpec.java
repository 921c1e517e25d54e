package dev.hpo.trainer.model;

import java.util.Map;
import org.nd4j.linalg.activations.Activation;

/** One layer of a Sequential network, with every value resolved. */
public sealed interface LayerSpec {

    /** Activation names accepted in templates, after Keras's names. */
    Map<String, Activation> ACTIVATIONS = Map.of(
            "relu", Activation.RELU, "tanh", Activation.TANH, "sigmoid", Activation.SIGMOID,
            "elu", Activation.ELU, "selu", Activation.SELU, "leaky_relu", Activation.LEAKYRELU,
            "gelu", Activation.GELU, "swish", Activation.SWISH, "linear", Activation.IDENTITY);

    /** A fully connected layer. */
    record Dense(int units, Activation activation) implements LayerSpec {
    }

    /** Inverted dropout: zeroes a share {@code rate} of the activations in training, scales the rest by 1/(1-rate). */
    record Dropout(double rate) implements LayerSpec {
    }

    /** Batch normalisation with Keras's defaults (moving-average momentum 0.99, epsilon 1e-3). */
    record BatchNorm() implements LayerSpec {
    }

    /** The single sigmoid output unit, trained with binary cross-entropy. */
    record Output() implements LayerSpec {
    }
}
