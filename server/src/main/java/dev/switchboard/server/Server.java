package dev.switchboard.server;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import dev.switchboard.api.ApiConfig;
import dev.switchboard.api.ApiServer;
import dev.switchboard.api.AudioImporter;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.schema.SchemaValidator;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The running server: store, API and UI, wired from a {@link ServerConfig}. */
public final class Server implements AutoCloseable {
    /** How often old call records and traces are looked for. */
    private static final Duration PURGE_PERIOD = Duration.ofHours(1);

    private final JdbcDocumentStore store;
    private final ApiServer api;
    private final CallRecordPurge purge;

    private Server(JdbcDocumentStore store, ApiServer api, CallRecordPurge purge) {
        this.store = store;
        this.api = api;
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
                AudioImporter.AS_SENT, SchemaValidator.load(), metrics, clock);
        DemoSeed.ensure(store, api, config.dataDir(), config.httpPort(),
                new DemoSeed.SipAddress(config.sipAddress(), config.sipPort(), config.sipTlsPort()));
        api.start();
        CallRecordPurge purge = new CallRecordPurge(store.callRecords(), clock, config.cdrRetention(),
                config.traceRetention()).start(PURGE_PERIOD);
        return new Server(store, api, purge);
    }

    public int httpPort() {
        return api.port();
    }

    public String storeKind() {
        return store.kind();
    }

    @Override
    public void close() {
        purge.close();
        api.stop();
        store.close();
    }
}
