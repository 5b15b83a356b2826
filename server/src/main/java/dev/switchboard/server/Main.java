package dev.switchboard.server;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

/** Starts Switchboard: store, API and UI, demo account on first start. */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.fromEnvironment(System.getenv());
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
        DemoSeed.ensure(store, api, config.dataDir());
        api.start();
        LOG.atInfo().setMessage("switchboard started").addKeyValue("api", "http://localhost:" + api.port() + "/v2")
                .addKeyValue("store", store.kind()).log();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.stop();
            store.close();
        }, "shutdown"));
    }
}
