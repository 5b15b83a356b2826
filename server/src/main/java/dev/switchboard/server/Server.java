package dev.switchboard.server;

import java.io.IOException;
import java.time.Clock;

import dev.switchboard.api.ApiConfig;
import dev.switchboard.api.ApiServer;
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
    private final JdbcDocumentStore store;
    private final ApiServer api;

    private Server(JdbcDocumentStore store, ApiServer api) {
        this.store = store;
        this.api = api;
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
        ApiServer api = new ApiServer(apiConfig, store, store, SchemaValidator.load(), metrics, clock);
        DemoSeed.ensure(store, api, config.dataDir(), config.httpPort());
        api.start();
        return new Server(store, api);
    }

    public int httpPort() {
        return api.port();
    }

    public String storeKind() {
        return store.kind();
    }

    @Override
    public void close() {
        api.stop();
        store.close();
    }
}
