package dev.hpo.localkafka;

import java.io.IOException;

/**
 * Runs {@code kafka.Kafka} and ends it when its standard input closes, which happens when the JVM that
 * started it is gone, even killed with SIGKILL, where no shutdown hook runs. Used for attached brokers
 * only; it runs inside the broker's JVM.
 */
public final class AttachedBrokerMain {

    private AttachedBrokerMain() {
    }

    /** Starts the broker with {@code args} (the path of {@code server.properties}) and the stdin watchdog. */
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(AttachedBrokerMain::exitWhenStdinCloses, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        // Reflection: kafka_2.13 is only on the broker's classpath, never on this module's consumers'.
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) args);
    }

    private static void exitWhenStdinCloses() {
        try {
            while (System.in.read() != -1) {
                // The parent never writes; any byte is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone too.
        }
        // System.exit runs Kafka's own shutdown hook: a controlled shutdown, as on SIGTERM.
        System.exit(0);
    }
}
