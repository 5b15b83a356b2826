package dev.switchboard.server.sipp;

import java.io.IOException;
import java.time.Duration;

import dev.switchboard.server.TestServer;

/** sipp playing phones of an account: registered ones that answer as a scenario says, and callers. */
public final class Phones {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

    private final TestServer server;
    private final TestServer.TestAccount account;

    public Phones(TestServer server, TestServer.TestAccount account) {
        this.server = server;
        this.account = account;
    }

    /**
     * Registers {@code username} from a free port, then listens on that port with {@code scenario} (the address
     * the server reaches the phone at is where its REGISTER came from).
     */
    public SippRunner.Running registered(String username, String password, String scenario)
            throws IOException, InterruptedException {
        int port = SippRunner.freeUdpPort(TestServer.HOST);
        SippRunner.Result registered = SippRunner.scenario("register.xml", TestServer.HOST, port)
                .key("username", username).key("domain", account.realm()).args("-au", username, "-ap", password)
                .run(TestServer.HOST, server.sipPort(), CALL_TIMEOUT);
        if (!registered.passed()) {
            throw new IllegalStateException("phone " + username + " did not register:\n" + registered.errors());
        }
        return SippRunner.scenario(scenario, TestServer.HOST, port).listen();
    }

    /** {@code username} calls {@code dial} with a caller scenario and waits for it to finish. */
    public SippRunner.Result call(String username, String password, String dial, String scenario)
            throws IOException, InterruptedException {
        return SippRunner.scenario(scenario, TestServer.HOST).key("username", username)
                .key("domain", account.realm()).key("dial", dial).args("-au", username, "-ap", password)
                .run(TestServer.HOST, server.sipPort(), CALL_TIMEOUT);
    }
}
