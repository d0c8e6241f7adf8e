package dev.ticketsms.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The dev token issuer alone, as the docker-compose stack's identity provider: listens on all interfaces of its
 * container and names itself by the address the services reach it at. Configured by environment variables:
 * {@code DEV_IDP_ISSUER} (required, e.g. {@code http://dev-idp:9000}), {@code DEV_IDP_PORT} (default 9000) and
 * {@code DEV_IDP_CLIENTS}, the OAuth2 clients as {@code id:secret[,id:secret...]}. Never for production.
 */
public final class DevIdentityProvider {

    private DevIdentityProvider() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String issuer = System.getenv("DEV_IDP_ISSUER");
        if (issuer == null || issuer.isBlank()) {
            System.err.println("DEV_IDP_ISSUER must name the URL the services reach this issuer at, e.g. http://dev-idp:9000");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("DEV_IDP_PORT", "9000"));
        Map<String, String> clients = clients(System.getenv().getOrDefault("DEV_IDP_CLIENTS", ""));
        var stopped = new CountDownLatch(1);
        DevTokenIssuer started = DevTokenIssuer.start(new InetSocketAddress(port), issuer, clients);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            stopped.countDown();
        }, "dev-idp-stop"));
        System.out.println("Dev identity provider " + issuer + " on port " + port + ", clients " + clients.keySet());
        stopped.await();
    }

    static Map<String, String> clients(String spec) {
        var clients = new LinkedHashMap<String, String>();
        for (String client : spec.split(",")) {
            if (client.isBlank()) {
                continue;
            }
            int colon = client.indexOf(':');
            if (colon <= 0 || colon == client.length() - 1) {
                throw new IllegalArgumentException("DEV_IDP_CLIENTS: '" + client.strip() + "' is not id:secret");
            }
            clients.put(client.substring(0, colon).strip(), client.substring(colon + 1).strip());
        }
        return clients;
    }
}
