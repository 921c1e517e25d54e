package dev.hpo.optimizer.messaging;

import dev.hpo.common.message.MessageCodec;
import dev.hpo.optimizer.study.StudyService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code hpo.results} and folds each result into its study; a record that is not a valid
 * {@code hpo.result/v1} for a known study is nacked, which sends it to {@code hpo.dlq} with the reason.
 */
@ApplicationScoped
public class ResultConsumer {

    @Inject
    StudyService studies;

    @Inject
    StudyInput input;

    @Incoming("results")
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> record) {
        return input.consume(Topics.RESULTS, record, payload -> studies.onResult(MessageCodec.decodeResult(payload)));
    }
}
