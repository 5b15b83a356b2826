package dev.switchboard.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.api.ApiServer;
import dev.switchboard.api.DocumentService;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * On first start, a demo account one can sign in to and call: an admin user, two users each with a SIP device and a
 * voicemail box, extensions 1001 and 1002 (the user, then voicemail), and a main number 2000 / +15555550100 with a
 * menu: 1 rings both users, 2 rings them in business hours and plays a closed message otherwise, no key reaches
 * voicemail. The credentials are written to {@code <data>/demo-credentials.txt} and printed at every start; nothing
 * is seeded twice (an account seeded before the phones existed gets them once).
 */
final class DemoSeed {
    static final String ACCOUNT_NAME = "demo";
    static final String ADMIN_USERNAME = "admin";
    static final String REALM = "demo.switchboard.local";
    static final List<String> MAIN_NUMBERS = List.of("2000", "+15555550100");
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One seeded person: the user, the phone and the box, by extension. */
    private record Extension(String number, String firstName, Document user, Document device, Document vmbox) {
    }

    /** Where phones reach the server, for the credentials file. */
    record SipAddress(String host, int udpTcpPort, int tlsPort) {
    }

    private DemoSeed() {
    }

    static void ensure(DocumentStore store, ApiServer api, Path dataDir, int httpPort, SipAddress sip)
            throws IOException {
        Path file = dataDir.resolve("demo-credentials.txt");
        Files.createDirectories(dataDir);
        List<Document> existing = store.findByIndex(null, DocumentIndexes.ACCOUNT_NAME, ACCOUNT_NAME);
        Document account;
        if (existing.isEmpty()) {
            ObjectNode accountData = Json.object().put("name", ACCOUNT_NAME).put("realm", REALM)
                    .put("timezone", "America/New_York").put("language", "en-us");
            account = api.accountService().create(null, accountData);
            String password = randomPassword(16);
            ObjectNode admin = Json.object().put("first_name", "Demo").put("last_name", "Admin")
                    .put("username", ADMIN_USERNAME).put("password", password).put("priv_level", "admin")
                    .put("email", "admin@demo.switchboard.local");
            api.documents().create(account.id(), DocumentKind.USER, admin);
            Files.write(file, List.of("account: " + ACCOUNT_NAME, "username: " + ADMIN_USERNAME,
                    "password: " + password));
        } else {
            account = existing.getFirst();
        }
        if (store.findByIndex(account.id(), DocumentIndexes.DEVICE_SIP_USERNAME, "1001").isEmpty()) {
            Files.write(file, phones(api.documents(), account, sip), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            LOG.atInfo().setMessage("demo phones seeded").addKeyValue("account_id", account.id()).log();
        }
        System.out.println("Demo account: sign in at http://localhost:" + httpPort + "/ and register two softphones");
        Files.readAllLines(file).forEach(l -> System.out.println("  " + l));
        System.out.println("(also in " + file.toAbsolutePath() + ")");
    }

    /** Seeds the calling part of the demo and returns the lines that tell how to register and what to dial. */
    private static List<String> phones(DocumentService docs, Document account, SipAddress sip) {
        String accountId = account.id();
        List<Extension> people = List.of(person(docs, accountId, "1001", "Alice"), person(docs, accountId, "1002", "Bob"));
        for (Extension e : people) {
            ObjectNode flow = node("user", Json.object().put("id", e.user().id()));
            flow.putObject("children").set("_", node("voicemail", Json.object().put("id", e.vmbox().id())));
            callflow(docs, accountId, "Extension " + e.number(), List.of(e.number()), flow);
        }
        Document greeting = docs.create(accountId, DocumentKind.MEDIA, tts("Demo main menu greeting",
                "Thank you for calling the switchboard demo. For sales, press 1. For support, press 2."));
        Document closed = docs.create(accountId, DocumentKind.MEDIA, tts("Demo closed message",
                "Our office is closed. Please call again on a weekday between nine and five."));
        Document menu = docs.create(accountId, DocumentKind.MENU, Json.object().put("name", "Demo main menu")
                .put("max_extension_length", 1).put("retries", 3)
                .set("media", Json.object().put("greeting", greeting.id())));
        ArrayNode weekdays = Json.array().add("monday").add("tuesday").add("wednesday").add("thursday").add("friday");
        Document hours = docs.create(accountId, DocumentKind.TEMPORAL_RULE, Json.object()
                .put("name", "Business hours").put("cycle", "weekly").put("interval", 1)
                .put("time_window_start", 9 * 3600).put("time_window_stop", 17 * 3600).set("wdays", weekdays));

        ObjectNode timeOfDay = node("temporal_route", Json.object().set("rules", Json.array().add(hours.id())));
        timeOfDay.putObject("children").set(hours.id(), ringGroup(people));
        timeOfDay.withObjectProperty("children").set("_", node("play", Json.object().put("id", closed.id())));
        ObjectNode main = node("menu", Json.object().put("id", menu.id()));
        ObjectNode children = main.putObject("children");
        children.set("1", ringGroup(people));
        children.set("2", timeOfDay);
        children.set("timeout", node("voicemail", Json.object().put("id", people.getFirst().vmbox().id())));
        callflow(docs, accountId, "Main number", MAIN_NUMBERS, main);

        List<String> lines = new ArrayList<>();
        lines.add("sip domain (realm): " + REALM);
        lines.add("sip server: " + sip.host() + " port " + sip.udpTcpPort() + " (UDP, TCP), " + sip.tlsPort() + " (TLS)");
        for (Extension e : people) {
            lines.add("sip user " + e.number() + " (" + e.firstName() + ") password: "
                    + e.device().body().path("sip").path("password").asString());
        }
        lines.add("dial: 1001, 1002 (each other), " + String.join(" or ", MAIN_NUMBERS)
                + " (menu: 1 ring group, 2 business hours, no key voicemail)");
        return lines;
    }

    private static Extension person(DocumentService docs, String accountId, String number, String firstName) {
        ObjectNode callerId = Json.object();
        callerId.putObject("internal").put("number", number).put("name", firstName + " Demo");
        Document user = docs.create(accountId, DocumentKind.USER, Json.object().put("first_name", firstName)
                .put("last_name", "Demo").put("presence_id", number).set("caller_id", callerId));
        ObjectNode sip = Json.object().put("username", number).put("password", randomPassword(12));
        Document device = docs.create(accountId, DocumentKind.DEVICE, Json.object().put("name", "demo-" + number)
                .put("owner_id", user.id()).put("device_type", "softphone").set("sip", sip));
        Document vmbox = docs.create(accountId, DocumentKind.VMBOX, Json.object().put("name", firstName + "'s box")
                .put("mailbox", number).put("owner_id", user.id()).put("pin", randomDigits(4)));
        return new Extension(number, firstName, user, device, vmbox);
    }

    private static ObjectNode ringGroup(List<Extension> people) {
        ArrayNode endpoints = Json.array();
        people.forEach(e -> endpoints.addObject().put("id", e.user().id()).put("endpoint_type", "user"));
        return node("ring_group", Json.object().put("name", "Everyone").put("strategy", "simultaneous")
                .put("timeout", 20).set("endpoints", endpoints));
    }

    private static ObjectNode node(String module, ObjectNode data) {
        ObjectNode node = Json.object().put("module", module);
        node.set("data", data);
        return node;
    }

    private static void callflow(DocumentService docs, String accountId, String name, List<String> numbers,
                                 ObjectNode flow) {
        ArrayNode list = Json.array();
        numbers.forEach(list::add);
        docs.create(accountId, DocumentKind.CALLFLOW, Json.object().put("name", name).<ObjectNode>set("numbers", list)
                .set("flow", flow));
    }

    private static ObjectNode tts(String name, String text) {
        return Json.object().put("name", name).put("media_source", "tts").put("streamable", true)
                .set("tts", Json.object().put("text", text).put("voice", "female/en-US"));
    }

    private static String randomPassword(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static String randomDigits(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.toString();
    }
}
