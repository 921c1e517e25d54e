package dev.hpo.trainer.worker;

import java.time.Duration;

/**
 * How one worker runs its trials.
 *
 * @param id             the worker's name in progress and results
 * @param renewEvery     how often the trial's record lock is renewed while it trains
 * @param trialTimeLimit the time limit of a trial that sets none ({@code trainer.timeLimitSeconds})
 * @param deliveryLimit  the delivery at which a trial is given up as FAILED without training: every earlier
 *                       taker died or gave it up. At most the broker's {@code group.share.delivery.count.limit}
 *                       (default 5), after which Kafka sets the record aside without telling anyone
 * @param faultInjection whether a study's {@code trainer.faults} is obeyed (tests only; see {@link Faults})
 */
public record WorkerSettings(String id, Duration renewEvery, Duration trialTimeLimit, int deliveryLimit,
        boolean faultInjection) {

    public WorkerSettings {
        if (deliveryLimit < 2 || deliveryLimit > 10) {
            throw new IllegalArgumentException("hpo.worker.delivery-limit must be in [2, 10] as Kafka's "
                    + "group.share.delivery.count.limit, got " + deliveryLimit);
        }
    }
}
