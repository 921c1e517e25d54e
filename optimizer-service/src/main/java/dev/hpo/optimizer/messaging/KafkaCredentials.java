package dev.hpo.optimizer.messaging;

import dev.hpo.optimizer.recovery.TopicSetup;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.jboss.logging.Logger;

/**
 * Lets the optimizer's Kafka clients start only once Kafka accepted its credentials. At start-up it asks the
 * cluster once ({@code describeCluster}); until Kafka answers, the incoming channels stay unsubscribed
 * ({@code pausable.late-subscription} in {@code application.properties}), the outgoing ones have no producer
 * ({@code lazy-client}) and the ownership consumer is not made. If Kafka refuses the credentials (SASL or TLS), or no
 * client can be made with them (a keystore file that is not there), it logs that once and asks again every
 * {@link #REFUSED_RETRY}, rather than leave a dozen clients to fail, and have Kafka's client log it, every second;
 * a failed start-up would only restart the optimizer into the same refusal. Once Kafka answers it resumes the
 * channels and fires {@link Accepted}, which makes the replica join the ownership group (StudyOwnership).
 */
@ApplicationScoped
public class KafkaCredentials {

    /** How often an optimizer whose credentials Kafka refused asks again. */
    static final Duration REFUSED_RETRY = Duration.ofSeconds(30);
    /** How long one question waits for the cluster. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** The pause before the next question after no answer (Kafka not up yet): short, so start-up is not delayed. */
    static final Duration UNANSWERED_RETRY = Duration.ofSeconds(2);
    /** The incoming channels, each {@code pausable.late-subscription} in {@code application.properties}. */
    static final List<String> INCOMING = List.of("results", "progress");
    private static final Logger LOG = Logger.getLogger(KafkaCredentials.class);

    /** Fired once, when Kafka first answers with the optimizer's credentials. */
    public record Accepted() {
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    ChannelRegistry channels;

    @Inject
    Event<Accepted> accepted;

    private volatile String refusal;
    private volatile boolean answered;
    private volatile Thread checker;

    /**
     * After SmallRye Reactive Messaging wired the channels (its start-up observer has priority 1000), so that the
     * pausable channels are registered by the time Kafka answers.
     */
    void start(@Observes @Priority(1100) StartupEvent event) {
        Thread t = new Thread(this::checkUntilAccepted, "kafka-credentials");
        t.setDaemon(true);
        checker = t;
        t.start();
    }

    void stop(@Observes ShutdownEvent event) {
        Thread t = checker;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Why Kafka refuses the optimizer's credentials, while it does; empty once it answered (or before it said). */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Whether Kafka answered with these credentials, so that the optimizer's clients run. */
    public boolean accepted() {
        return answered;
    }

    private void checkUntilAccepted() {
        Map<String, Object> config = TopicSetup.clientConfig(kafkaConfig);
        try {
            for (Answer answer = ask(config); !answer.answered(); answer = ask(config)) {
                if (answer.refusal() == null) {
                    Thread.sleep(UNANSWERED_RETRY.toMillis());
                    continue;
                }
                if (refusal == null) {
                    LOG.errorf("Kafka at %s refused this optimizer's credentials (%s); its Kafka clients stay idle and "
                            + "it is not ready until Kafka accepts them, asking every %d s. Check KAFKA_SASL_USERNAME, "
                            + "KAFKA_SASL_PASSWORD and the TLS settings (docs/operations.md, \"Kafka security\")",
                            config.get("bootstrap.servers"), answer.refusal(), REFUSED_RETRY.toSeconds());
                }
                refusal = answer.refusal();
                Thread.sleep(REFUSED_RETRY.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (refusal != null) {
            LOG.info("Kafka accepted this optimizer's credentials: starting its Kafka clients");
        }
        refusal = null;
        answered = true;
        INCOMING.forEach(name -> channels.getPausable(name).resume());
        accepted.fire(new Accepted());
    }

    /** What one question to the cluster gave: an answer, a refusal of the credentials (why), or neither. */
    private record Answer(boolean answered, String refusal) {
    }

    /**
     * Asks the cluster once. No answer (not up yet, not reachable) is neither an answer nor a refusal: Kafka's
     * client logs it by itself, and the next question follows shortly.
     */
    private static Answer ask(Map<String, Object> config) {
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) ANSWER_TIMEOUT.toMillis()))
                    .clusterId().get(ANSWER_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new Answer(true, null);
        } catch (ExecutionException e) {
            return new Answer(false, e.getCause() instanceof AuthenticationException refused ? describe(refused) : null);
        } catch (TimeoutException e) {
            return new Answer(false, null);
        } catch (KafkaException e) {
            // Admin.create: no client can be made. A keystore or truststore that cannot be read is the credentials'
            // fault (the innermost cause names the file); a bootstrap name that does not resolve (yet) is not.
            Throwable cause = innermost(e);
            return new Answer(false, cause instanceof ConfigException ? null : describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, null);
        }
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
