package dev.hpo.cli.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stands in for a Quarkus service in the stack tests: answers 200 on {@code /q/health/ready} on
 * {@code QUARKUS_HTTP_PORT} and shows the environment the stack gave it on {@code /env}; with the
 * argument {@code fail} it exits at once instead.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("fail")) {
            System.out.println("fake failure: this service refuses to start");
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        // Both services' checks in one answer, as ./hpo local status reads them.
        server.createContext("/q/health/ready", exchange -> respond(exchange, "{\"status\":\"UP\",\"checks\":["
                + "{\"name\":\"study-recovery\",\"data\":{\"partitions\":\"0-11\",\"partitionCount\":12,\"runningStudies\":0}},"
                + "{\"name\":\"trial-worker\",\"data\":{\"busy\":false}}]}"));
        server.createContext("/q/health/live", exchange -> respond(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> respond(exchange, String.join("\n",
                "HPO_WORKER_ID=" + System.getenv("HPO_WORKER_ID"),
                "HPO_REPLICA_ID=" + System.getenv("HPO_REPLICA_ID"),
                "OMP_NUM_THREADS=" + System.getenv("OMP_NUM_THREADS"),
                kafkaVariables())));
        server.start();
        System.out.println("fake service listening on " + port);
    }

    /** Every {@code KAFKA_*} variable, {@code KAFKA_BOOTSTRAP} and the security settings alike, sorted. */
    private static String kafkaVariables() {
        return new TreeMap<>(System.getenv()).entrySet().stream().filter(e -> e.getKey().startsWith("KAFKA_"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static void respond(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
