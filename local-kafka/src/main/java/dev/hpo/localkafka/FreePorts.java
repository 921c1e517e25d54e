package dev.hpo.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks TCP ports on the loopback interface that nothing listens on right now. */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns one free port. */
    public static int pick() {
        return pick(1).get(0);
    }

    /**
     * Returns {@code count} distinct free ports; all sockets stay open until every port is chosen, so
     * the operating system cannot hand out the same port twice.
     */
    public static List<Integer> pick(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free local port", e);
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    /** Returns whether a server socket can be bound to {@code port} on the loopback interface now. */
    public static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // The port was only probed; a failed close leaves nothing to clean up.
        }
    }
}
