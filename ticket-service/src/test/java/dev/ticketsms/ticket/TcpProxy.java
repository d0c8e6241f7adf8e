package dev.ticketsms.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * A TCP forwarder on a fixed local port that a test can take down and bring back: while it is down, connections
 * to the port are refused and every open one is cut, which is what a client sees when its broker disappears.
 */
final class TcpProxy implements AutoCloseable {

    private final int port;
    private final IntSupplier targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    /** @param targetPort asked at each connection, so the target may start after the proxy */
    TcpProxy(int port, IntSupplier targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Starts listening; does nothing while it already listens. */
    synchronized void start() {
        if (server != null && !server.isClosed()) {
            return;
        }
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            Thread.ofVirtual().name("tcp-proxy-accept-" + port).start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses new connections and cuts the open ones. */
    synchronized void stop() {
        closeQuietly(server);
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connect(client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        try {
            int to = targetPort.getAsInt();
            if (to == port) {
                throw new IllegalStateException("the proxy would forward to itself");
            }
            Socket target = new Socket(InetAddress.getLoopbackAddress(), to);
            open.add(client);
            open.add(target);
            pipe(client, target);
            pipe(target, client);
        } catch (IOException | RuntimeException e) {
            closeQuietly(client);
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side went away: the other is closed below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
