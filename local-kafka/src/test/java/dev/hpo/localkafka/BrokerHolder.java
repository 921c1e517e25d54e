package dev.hpo.localkafka;

import java.nio.file.Path;

/** Starts an attached broker in the directory given as argument, prints its pid and waits to be killed. */
public final class BrokerHolder {

    private BrokerHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalKafka kafka = LocalKafka.builder().directory(Path.of(args[0])).start();
        System.out.println("broker-pid " + kafka.pid());
        Thread.sleep(Long.MAX_VALUE);
    }
}
