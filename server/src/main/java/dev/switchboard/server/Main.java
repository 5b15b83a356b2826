package dev.switchboard.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code bin/switchboard run}: the server, configured from the environment, until the process is stopped. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Server server = Server.start(ServerConfig.fromEnvironment(System.getenv()));
        LOG.atInfo().setMessage("switchboard started")
                .addKeyValue("api", "http://localhost:" + server.httpPort() + "/v2")
                .addKeyValue("ui", "http://localhost:" + server.httpPort() + "/")
                .addKeyValue("store", server.storeKind()).log();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
    }
}
