package com.apexshare.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP proxy in front of one server (the local run puts it between notification-service and SMTP) that
 * can refuse connections for a while, as a server that is down does: {@link #refuseConnections()} cuts every open
 * connection and resets every new one until the outage is closed. Otherwise it copies bytes both ways unchanged.
 */
public final class RefusingProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefusingProxy.class);

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "refusing-proxy");
        t.setDaemon(true);
        return t;
    });
    /** Open connections: client side to server side. */
    private final Map<Socket, Socket> open = new ConcurrentHashMap<>();
    private final AtomicBoolean refusing = new AtomicBoolean();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean closed;

    private RefusingProxy(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Listens on a free loopback port and forwards to {@code targetHost:targetPort}. */
    public static RefusingProxy start(String targetHost, int targetPort) {
        try {
            ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            RefusingProxy proxy = new RefusingProxy(server, targetHost, targetPort);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a proxy to " + targetHost + ":" + targetPort, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Cuts every open connection and resets every new one until the returned outage is closed.
     */
    public Outage refuseConnections() {
        refusing.set(true);
        open.forEach((client, target) -> {
            refused.incrementAndGet();
            reset(client);
            reset(target);
        });
        return () -> refusing.set(false);
    }

    /** Connections reset (open ones cut and new ones refused) since the proxy started. */
    public int refusedConnections() {
        return refused.get();
    }

    /** An outage, ended by {@link #close()}. */
    @FunctionalInterface
    public interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("devstack proxy: accept failed: {}", e.toString());
                }
                return;
            }
            if (refusing.get()) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket target = new Socket();
        try {
            target.connect(new InetSocketAddress(targetHost, targetPort), 10_000);
        } catch (IOException e) {
            reset(client);
            closeQuietly(target);
            return;
        }
        open.put(client, target);
        if (refusing.get()) {
            // The outage began while this connection was being set up.
            open.remove(client);
            refused.incrementAndGet();
            reset(client);
            reset(target);
            return;
        }
        threads.execute(() -> pipe(client, target));
        pipe(target, client);
        open.remove(client);
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // One side went away (or the outage cut it): the other side is closed below.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Closes with a TCP reset (linger 0), as a server that is gone answers. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // nothing to do
        }
        open.forEach((client, target) -> {
            closeQuietly(client);
            closeQuietly(target);
        });
        threads.shutdownNow();
    }
}
