package dev.switchboard.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import dev.switchboard.api.auth.LoginThrottle;
import dev.switchboard.api.auth.Session;
import dev.switchboard.api.auth.Tokens;
import dev.switchboard.core.cdr.CallRecords;
import dev.switchboard.core.doc.AttachmentStore;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.DocumentNotFound;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import dev.switchboard.core.doc.RevisionConflict;
import dev.switchboard.core.engine.ActionRegistry;
import dev.switchboard.core.registration.Bindings;
import dev.switchboard.core.engine.CallRunner;
import dev.switchboard.core.routing.Router;
import dev.switchboard.core.schema.SchemaValidator;
import dev.switchboard.core.sim.Simulator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.Endpoint;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsHandlerType;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import tools.jackson.databind.JsonNode;

/** The HTTP server: every route of {@link #routes()} behind request ids, auth, tenant checks, metrics and logs. */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ROUTED = "sb.routed";
    /** A request at least this slow is logged even when it succeeded. */
    private static final long SLOW_REQUEST_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    private final ApiConfig config;
    private final PrometheusMeterRegistry metrics;
    private final Tokens tokens;
    private final AccountDirectory accounts;
    private final DocumentService documents;
    private final AccountService accountService;
    private final List<Route> routes = new ArrayList<>();
    private final Router router;
    private final Map<String, Consumer<WsConfig>> webSockets = new LinkedHashMap<>();
    private Javalin app;

    /**
     * @param audioImporter what uploaded audio becomes before it is stored ({@link AudioImporter#AS_SENT}, or the
     *                      media engine's decoder)
     */
    public ApiServer(ApiConfig config, DocumentStore store, AttachmentStore attachments, CallRecords callRecords,
                     Bindings bindings, AudioImporter audioImporter, SchemaValidator validator,
                     PrometheusMeterRegistry metrics, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.tokens = new Tokens(store, clock, config.tokenLifetime());
        this.accounts = new AccountDirectory(store);
        this.documents = new DocumentService(store, validator, accounts, clock);
        this.accountService = new AccountService(store, validator, accounts);
        LoginThrottle throttle = new LoginThrottle(config.loginFailures(), config.loginWindow(), clock);
        RawAudio raw = new RawAudio(attachments, config.maxMediaBytes(), audioImporter);
        // sub-resources first: a fixed segment ("/media/prompts") must win over the collection's "/{id}"
        routes.addAll(new AuthResource(store, tokens, throttle, metrics).routes());
        routes.addAll(new MediaResource(documents, raw).routes());
        routes.addAll(new VmboxMessageResource(documents, raw).routes());
        routes.addAll(new ListEntryResource(documents).routes());
        routes.addAll(new ImportExportResource(documents).routes());
        router = new Router();
        documents.onChange(doc -> {
            if (doc.type().equals(DocumentKind.CALLFLOW.type())) {
                router.invalidate(doc.accountId());
            }
        });
        routes.addAll(new SimulateResource(store, attachments, documents,
                new Simulator(new CallRunner(ActionRegistry.load(), router))).routes());
        routes.addAll(new CallRecordResource(callRecords).routes());
        routes.addAll(new RegistrationResource(bindings, documents, clock).routes());
        routes.addAll(new AccountResource(store, accountService).routes());
        routes.addAll(new CollectionResource(documents, attachments, tokens).routes());
        routes.addAll(new SystemResource(store, validator, metrics, clock, this::routes).routes());
    }

    /** The callflow router, kept current as callflows change through the API: real calls route with it too. */
    public Router router() {
        return router;
    }

    /** The write pipeline, for seeding documents the way the API would write them. */
    public DocumentService documents() {
        return documents;
    }

    public AccountService accountService() {
        return accountService;
    }

    /** A WebSocket endpoint on the HTTP port (SIP over WebSocket at /ws); add before {@link #start()}. */
    public void webSocket(String path, Consumer<WsConfig> handler) {
        webSockets.put(path, handler);
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public ApiServer start() {
        app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = maxRequestSize();
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            if (config.staticResources() != null) {
                cfg.staticFiles.add(config.staticResources(), Location.CLASSPATH);
            }
            for (Route route : routes) {
                cfg.routes.addEndpoint(new Endpoint(route.method(), route.path(), wrap(route), Set.of()));
            }
            webSockets.forEach((path, handler) -> cfg.routes.addWsHandler(WsHandlerType.WEBSOCKET, path, handler));
            // Javalin calls these for every response with the status, a route's own 404 (bad_identifier) included
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.path().startsWith("/v2") && !routed(ctx)) {
                    requestId(ctx);
                    Envelope.error(ctx, new ApiException(404, "not_found",
                            Json.object().put("message", "no route " + ctx.method() + " " + ctx.path())));
                }
            });
            cfg.routes.error(405, "*", ctx -> {
                if (!routed(ctx)) {
                    requestId(ctx);
                    Envelope.error(ctx, new ApiException(405, "invalid_method",
                            Json.object().put("message", ctx.method() + " is not allowed on " + ctx.path())));
                }
            });
        });
        app.start(config.port());
        return this;
    }

    /** The most Javalin reads of any body: an upload of the largest audio, or a JSON envelope. */
    private long maxRequestSize() {
        return (long) config.maxMediaBytes() + RequestBody.MAX_JSON_BYTES;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private Handler wrap(Route route) {
        return ctx -> {
            ctx.attribute(ROUTED, route);
            long start = System.nanoTime();
            String requestId = requestId(ctx);
            MDC.put("request_id", requestId);
            try {
                Session session = null;
                Document account = null;
                if (route.access() != Route.Access.PUBLIC) {
                    session = authenticate(ctx);
                    MDC.put("auth_account_id", session.accountId());
                }
                if (route.access() == Route.Access.ACCOUNT) {
                    account = accounts.reachable(session, ctx.pathParam("account_id"));
                    MDC.put("account_id", account.id());
                }
                route.handler().handle(new RequestScope(ctx, session, account));
            } catch (ApiException e) {
                Envelope.error(ctx, e);
            } catch (HttpResponseException e) {
                // Javalin refuses by itself a body past its cap when the length was not declared up front (chunked)
                Envelope.error(ctx, e.getStatus() == 413 ? RequestBody.tooLarge("a request body", maxRequestSize())
                        : new ApiException(e.getStatus(), e.getMessage(), Json.object()));
            } catch (RevisionConflict e) {
                Envelope.error(ctx, ApiException.conflict(e.getMessage()));
            } catch (DocumentNotFound e) {
                Envelope.error(ctx, ApiException.badIdentifier(e.id()));
            } catch (Exception e) {
                LOG.error("request failed", e);
                Envelope.error(ctx, new ApiException(500, "unspecified_fault",
                        Json.object().put("message", "the server failed; see its log for request " + requestId)));
            } finally {
                long nanos = System.nanoTime() - start;
                timer(route, ctx.statusCode()).record(nanos, TimeUnit.NANOSECONDS);
                logRequest(ctx, nanos);
                MDC.clear();
            }
        };
    }

    /** A builder per request: a shared one would let concurrent requests swap their status tags. */
    private Timer timer(Route route, int status) {
        return Timer.builder("http_server_requests")
                .description("API requests by route")
                .publishPercentileHistogram()
                .tag("method", route.method().name())
                .tag("route", route.path())
                .tag("status", Integer.toString(status))
                .register(metrics);
    }

    /** True when one of our routes answered the request, so its response stands. */
    private static boolean routed(Context ctx) {
        return ctx.attribute(ROUTED) != null;
    }

    /**
     * One JSON line for each failed (4xx, 5xx) or slow request; the others only at DEBUG. A synchronous line per
     * request to stdout cost a fifth of the CPU time of a GET of a callflow (bench/RESULTS.md), and the
     * {@code http_server_requests} metric counts every request anyway.
     */
    private static void logRequest(Context ctx, long nanos) {
        int status = ctx.statusCode();
        Level level = status >= 400 || nanos >= SLOW_REQUEST_NANOS ? Level.INFO : Level.DEBUG;
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        long millis = nanos / 1_000_000;
        LOG.atLevel(level).setMessage("{} {} {} {}ms")
                .addArgument(ctx.method()).addArgument(ctx.path()).addArgument(status).addArgument(millis)
                .addKeyValue("method", ctx.method().name()).addKeyValue("path", ctx.path())
                .addKeyValue("status", status).addKeyValue("duration_ms", millis).log();
    }

    private static String requestId(Context ctx) {
        String given = ctx.header("X-Request-ID");
        String id;
        if (given != null && given.matches("[A-Za-z0-9._-]{1,64}")) {
            id = given;
        } else {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            id = HexFormat.of().formatHex(bytes);
        }
        ctx.attribute(Envelope.REQUEST_ID, id);
        ctx.header("X-Request-ID", id);
        return id;
    }

    private Session authenticate(Context ctx) {
        String token = ctx.header("X-Auth-Token");
        if (token == null) {
            token = ctx.queryParam("auth_token");
        }
        if (token == null && RequestBody.present(ctx) && isJson(ctx)) {
            JsonNode inBody = RequestBody.envelope(ctx).get("auth_token");
            token = inBody == null ? null : inBody.asString(null);
        }
        Session session = tokens.find(token).orElseThrow(ApiException::unauthorized);
        ctx.attribute(Envelope.AUTH_TOKEN, session.token());
        return session;
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return type == null || type.contains("json");
    }
}
