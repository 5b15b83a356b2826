package dev.switchboard.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchboard.api.ApiServer;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentIndexes;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.DocumentStore;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * On first start, a demo account with an admin user, so that a newcomer can sign in at once. The credentials are
 * printed and written to {@code <data>/demo-credentials.txt}; nothing is seeded again once the account exists.
 */
final class DemoSeed {
    static final String ACCOUNT_NAME = "demo";
    static final String ADMIN_USERNAME = "admin";
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoSeed() {
    }

    static void ensure(DocumentStore store, ApiServer api, Path dataDir, int httpPort) throws IOException {
        Path file = dataDir.resolve("demo-credentials.txt");
        if (!store.findByIndex(null, DocumentIndexes.ACCOUNT_NAME, ACCOUNT_NAME).isEmpty()) {
            LOG.info("demo account exists; its credentials are in {}", file.toAbsolutePath());
            return;
        }
        ObjectNode accountData = Json.object().put("name", ACCOUNT_NAME).put("realm", "demo.switchboard.local")
                .put("timezone", "America/New_York").put("language", "en-us");
        Document account = api.accountService().create(null, accountData);
        String password = randomPassword();
        ObjectNode admin = Json.object().put("first_name", "Demo").put("last_name", "Admin")
                .put("username", ADMIN_USERNAME).put("password", password).put("priv_level", "admin")
                .put("email", "admin@demo.switchboard.local");
        api.documents().create(account.id(), DocumentKind.USER, admin);
        Files.createDirectories(dataDir);
        List<String> lines = List.of("account: " + ACCOUNT_NAME, "username: " + ADMIN_USERNAME,
                "password: " + password);
        Files.write(file, lines);
        System.out.println("Demo account created. Sign in at http://localhost:" + httpPort + "/ with:");
        lines.forEach(l -> System.out.println("  " + l));
        System.out.println("(also written to " + file.toAbsolutePath() + ")");
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
