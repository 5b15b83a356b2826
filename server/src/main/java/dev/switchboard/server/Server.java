package dev.switchboard.server;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.api.ApiConfig;
import dev.switchboard.api.ApiServer;
import dev.switchboard.api.AudioImporter;
import dev.switchboard.core.actions.VoicemailRetention;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.engine.Notifier;
import dev.switchboard.core.schema.SchemaValidator;
import dev.switchboard.notify.Mailer;
import dev.switchboard.notify.Templates;
import dev.switchboard.store.JdbcDocumentStore;
import dev.switchboard.store.StoreConfig;
import dev.switchboard.store.Stores;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The running server: store, API and UI, mailer and voicemail purge, wired from a {@link ServerConfig}. */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** How often old call records, traces and voicemail messages are looked for. */
    private static final Duration PURGE_PERIOD = Duration.ofHours(1);

    private final JdbcDocumentStore store;
    private final ApiServer api;
    private final CallRecordPurge purge;
    private final Mailer mailer;
    private final ScheduledExecutorService housekeeping;

    private Server(JdbcDocumentStore store, ApiServer api, CallRecordPurge purge, Mailer mailer,
                   ScheduledExecutorService housekeeping) {
        this.store = store;
        this.api = api;
        this.purge = purge;
        this.mailer = mailer;
        this.housekeeping = housekeeping;
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
        VoicemailSettings mail = config.voicemail();
        ApiConfig apiConfig = ApiConfig.defaults().withPort(config.httpPort()).withStaticResources("/public")
                .withMessagesAsMp3(mail.storeAsMp3());
        ApiServer api = new ApiServer(apiConfig, store, store, store.callRecords(), store.bindings(),
                AudioImporter.AS_SENT, SchemaValidator.load(), metrics, clock);
        DemoSeed.ensure(store, api, config.dataDir(), config.httpPort(),
                new DemoSeed.SipAddress(config.sipAddress(), config.sipPort(), config.sipTlsPort()));
        Mailer mailer = new Mailer(mail.smtp(), mail.backoff(), new Templates(mail.templates()), store, store, clock,
                metrics);
        mailer.start();
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("voicemail-purge").daemon().factory());
        VoicemailRetention retention = new VoicemailRetention(store, store, clock, mail.retention(), mail.deletedKept());
        housekeeping.scheduleWithFixedDelay(() -> purge(retention), 1, PURGE_PERIOD.toMinutes(), TimeUnit.MINUTES);
        api.start();
        CallRecordPurge purge = new CallRecordPurge(store.callRecords(), clock, config.cdrRetention(),
                config.traceRetention()).start(PURGE_PERIOD);
        return new Server(store, api, purge, mailer, housekeeping);
    }

    private static void purge(VoicemailRetention retention) {
        try {
            int purged = retention.purge();
            LOG.atInfo().setMessage("voicemail purge done").addKeyValue("purged", purged).log();
        } catch (RuntimeException e) {
            // the next run tries again; a failed run must not end the schedule
            LOG.atError().setMessage("voicemail purge failed").setCause(e).log();
        }
    }

    /** E-mail for the call path: durable once {@code send} returns. */
    public Notifier notifier() {
        return mailer;
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
        housekeeping.shutdownNow();
        mailer.close();
        store.close();
    }
}
