package dev.switchboard.server;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import dev.switchboard.api.ApiConfig;
import dev.switchboard.api.ApiServer;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.engine.Services;
import dev.switchboard.core.schema.SchemaValidator;
import dev.switchboard.sip.transport.Transport;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;
import dev.switchboard.telephony.Telephony;
import dev.switchboard.telephony.TelephonyConfig;
import dev.switchboard.telephony.registrar.RegistrarSettings;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The running server: store, API and UI, SIP and media, wired from a {@link ServerConfig}. */
public final class Server implements AutoCloseable {
    /** How often old call records and traces are looked for. */
    private static final Duration PURGE_PERIOD = Duration.ofHours(1);

    private final JdbcDocumentStore store;
    private final ApiServer api;
    private final Telephony telephony;
    private final CallRecordPurge purge;

    private Server(JdbcDocumentStore store, ApiServer api, Telephony telephony, CallRecordPurge purge) {
        this.store = store;
        this.api = api;
        this.telephony = telephony;
        this.purge = purge;
    }

    public static Server start(ServerConfig config) throws IOException {
        Clock clock = Clock.systemUTC();
        StoreConfig storeConfig = config.jdbcUrl().startsWith("jdbc:postgresql:")
                ? StoreConfig.postgresql(config.jdbcUrl(), config.dbUser(), config.dbPassword())
                : new StoreConfig(config.jdbcUrl(), null, null, 4);
        JdbcDocumentStore store = Stores.open(storeConfig, new DocumentIndexes(), clock);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmGcMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        ApiConfig apiConfig = ApiConfig.defaults().withPort(config.httpPort()).withStaticResources("/public");
        ApiServer api = new ApiServer(apiConfig, store, store, store.callRecords(), store.bindings(),
                new MediaAudioImporter(), SchemaValidator.load(), metrics, clock);
        LoggedNotices notices = new LoggedNotices();
        Services services = new Services(notices, new HttpWebClient(), notices, accountId -> java.util.List.of());
        Telephony telephony = Telephony.start(telephonyConfig(config), store, store, store.bindings(),
                store.callRecords(), new CallRunner(ActionRegistry.load(), api.router()), services, clock, metrics);
        try {
            api.webSocket("/ws", new SipWebSocket(telephony.webSocket()));
            DemoSeed.ensure(store, api, config.dataDir(), config.httpPort(), new DemoSeed.SipAddress(
                    config.sipAddress(), telephony.port(Transport.UDP), telephony.port(Transport.TLS)));
            api.start();
        } catch (IOException | RuntimeException e) {
            telephony.close();
            throw e;
        }
        CallRecordPurge purge = new CallRecordPurge(store.callRecords(), clock, config.cdrRetention(),
                config.traceRetention()).start(PURGE_PERIOD);
        return new Server(store, api, telephony, purge);
    }

    private static TelephonyConfig telephonyConfig(ServerConfig config) {
        boolean anyRtpPort = config.rtpPortMin() == 0;
        return new TelephonyConfig(config.sipAddress(), config.sipPort(), config.sipTlsPort(), config.tlsCertificate(),
                config.tlsPrivateKey(), anyRtpPort ? 20000 : config.rtpPortMin(),
                anyRtpPort ? 59999 : config.rtpPortMax(), config.dataDir().resolve("cache"), "us",
                RegistrarSettings.DEFAULTS, config.digestAlgorithms(), config.sessionKeepAlive());
    }

    public int httpPort() {
        return api.port();
    }

    /** The port of a SIP transport (the real one when 0 was configured). */
    public int sipPort(Transport transport) {
        return telephony.port(transport);
    }

    public Telephony telephony() {
        return telephony;
    }

    /** The write pipeline of the API: documents written through it are validated and routed at once. */
    public dev.switchboard.api.DocumentService documents() {
        return api.documents();
    }

    public dev.switchboard.api.AccountService accounts() {
        return api.accountService();
    }

    public String storeKind() {
        return store.kind();
    }

    @Override
    public void close() {
        purge.close();
        telephony.close();
        api.stop();
        store.close();
    }
}
