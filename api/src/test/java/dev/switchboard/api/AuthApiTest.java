package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchboard.api.auth.PasswordHasher;
import dev.switchboard.core.doc.Document;
import dev.switchboard.core.doc.DocumentKind;
import dev.switchboard.core.doc.Json;
import tools.jackson.databind.node.ObjectNode;

class AuthApiTest {
    private ApiHarness api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiHarness(ApiConfig.defaults().withLoginFailures(3));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    private ApiHarness.Response userAuth(String credentials, String account) {
        ObjectNode data = Json.object().put("credentials", credentials).put("account_name", account);
        return api.put(null, "/v2/user_auth", data);
    }

    @Test
    void signsInWithMd5CredentialsAndReturnsAToken() {
        ApiHarness.Response r = userAuth(PasswordHasher.md5Hex("rootadmin:" + ApiHarness.ROOT_ADMIN_PASSWORD), "root");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("auth_token").asString()).hasSize(48);
        assertThat(r.data().get("account_id").asString()).isEqualTo(api.root.id());
        assertThat(r.data().get("owner_id").asString()).isNotEmpty();
        String token = r.body().get("auth_token").asString();
        assertThat(api.get(token, "/v2/accounts/" + api.root.id()).status()).isEqualTo(200);
    }

    @Test
    void signsInWithSha1CredentialsAndAccountNameInAnyCase() {
        String sha1 = PasswordHasher.sha1Hex("rootadmin:" + ApiHarness.ROOT_ADMIN_PASSWORD);
        ApiHarness.Response r = api.put(null, "/v2/user_auth", Json.object().put("credentials", sha1)
                .put("account_name", "ROOT").put("method", "sha"));
        assertThat(r.status()).isEqualTo(201);
    }

    @Test
    void wrongPasswordOrAccountIsA401WithoutDetail() {
        ApiHarness.Response wrong = userAuth(PasswordHasher.md5Hex("rootadmin:nope"), "root");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("message").asString()).isEqualTo("invalid_credentials");
        ApiHarness.Response noAccount = userAuth(PasswordHasher.md5Hex("rootadmin:" + ApiHarness.ROOT_ADMIN_PASSWORD), "nowhere");
        assertThat(noAccount.status()).isEqualTo(401);
    }

    @Test
    void missingFieldsAreNamed() {
        ApiHarness.Response r = api.put(null, "/v2/user_auth", Json.object().put("account_name", "root"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.data().has("credentials")).isTrue();
    }

    @Test
    void repeatedFailuresAreThrottledEvenWithTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertThat(userAuth(PasswordHasher.md5Hex("rootadmin:guess" + i), "root").status()).isEqualTo(401);
        }
        ApiHarness.Response blocked = userAuth(PasswordHasher.md5Hex("rootadmin:" + ApiHarness.ROOT_ADMIN_PASSWORD), "root");
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body().get("message").asString()).isEqualTo("too_many_requests");
    }

    @Test
    void passwordsAreNeverStoredNorReturned() {
        Document user = api.createUser(api.root.id(), "alice", "alice-secret", false);
        String stored = user.body().toString();
        assertThat(stored).doesNotContain("alice-secret")
                .doesNotContain(PasswordHasher.md5Hex("alice:alice-secret"))
                .contains("pbkdf2$");
        ApiHarness.Response read = api.get(api.rootToken, "/v2/accounts/" + api.root.id() + "/users/" + user.id());
        assertThat(read.data().toString()).doesNotContain("pbkdf2").doesNotContain("pvt_").doesNotContain("\"password\"");
    }

    @Test
    void apiKeySignsInAsTheAccount() {
        String key = api.get(api.rootToken, "/v2/accounts/" + api.root.id() + "/api_key").data().get("api_key").asString();
        ApiHarness.Response r = api.put(null, "/v2/api_auth", Json.object().put("api_key", key));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.data().get("account_id").asString()).isEqualTo(api.root.id());
        assertThat(api.put(null, "/v2/api_auth", Json.object().put("api_key", "0".repeat(64))).status()).isEqualTo(401);
    }

    @Test
    void tokenAuthDescribesAndLogoutRevokes() {
        ApiHarness.Response info = api.get(api.rootToken, "/v2/token_auth");
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.data().get("account_id").asString()).isEqualTo(api.root.id());
        assertThat(info.data().get("expires_in_s").asLong()).isBetween(3500L, 3600L);
        assertThat(api.delete(api.rootToken, "/v2/token_auth").status()).isEqualTo(200);
        assertThat(api.get(api.rootToken, "/v2/token_auth").status()).isEqualTo(401);
    }

    @Test
    void noTokenOrABadTokenIs401() {
        assertThat(api.get(null, "/v2/accounts/" + api.root.id() + "/callflows").status()).isEqualTo(401);
        assertThat(api.get("f".repeat(48), "/v2/accounts/" + api.root.id() + "/callflows").status()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        try (ApiHarness shortLived = new ApiHarness(new ApiConfig(0, Duration.ofSeconds(1), 10, Duration.ofMinutes(5),
                11_534_336, null))) {
            assertThat(shortLived.get(shortLived.rootToken, "/v2/token_auth").status()).isEqualTo(200);
            Thread.sleep(1100);
            assertThat(shortLived.get(shortLived.rootToken, "/v2/token_auth").status()).isEqualTo(401);
        }
    }

    @Test
    void aPlainUserReadsButCannotWrite() {
        api.createUser(api.root.id(), "bob", "bob-secret", false);
        String token = api.login("bob", "bob-secret", "root");
        String callflows = "/v2/accounts/" + api.root.id() + "/callflows";
        assertThat(api.get(token, callflows).status()).isEqualTo(200);
        ObjectNode cf = Json.object();
        cf.putArray("numbers").add("1000");
        cf.putObject("flow").put("module", "answer").putObject("data");
        ApiHarness.Response r = api.put(token, callflows, cf);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void aUserDeletedDisabledOrDemotedLosesTheirSessions() {
        String users = "/v2/accounts/" + api.root.id() + "/users";
        Document carol = api.createUser(api.root.id(), "carol", "carol-secret", true);
        Document dave = api.createUser(api.root.id(), "dave", "dave-secret", false);
        Document erin = api.createUser(api.root.id(), "erin", "erin-secret", false);
        String carolToken = api.login("carol", "carol-secret", "root");
        String daveToken = api.login("dave", "dave-secret", "root");
        String erinToken = api.login("erin", "erin-secret", "root");
        String unaffected = api.login("rootadmin", ApiHarness.ROOT_ADMIN_PASSWORD, "root");

        assertThat(api.patch(api.rootToken, users + "/" + carol.id(), Json.object().put("priv_level", "user"))
                .status()).isEqualTo(200);
        assertThat(api.get(carolToken, "/v2/token_auth").status()).as("demoted").isEqualTo(401);
        assertThat(api.patch(api.rootToken, users + "/" + dave.id(), Json.object().put("enabled", false))
                .status()).isEqualTo(200);
        assertThat(api.get(daveToken, "/v2/token_auth").status()).as("disabled").isEqualTo(401);
        assertThat(api.delete(api.rootToken, users + "/" + erin.id()).status()).isEqualTo(200);
        assertThat(api.get(erinToken, "/v2/token_auth").status()).as("deleted").isEqualTo(401);

        assertThat(api.patch(api.rootToken, users + "/" + carol.id(), Json.object().put("first_name", "Caroline"))
                .status()).isEqualTo(200);
        String carolAgain = api.login("carol", "carol-secret", "root");
        assertThat(api.patch(api.rootToken, users + "/" + carol.id(), Json.object().put("last_name", "Renamed"))
                .status()).isEqualTo(200);
        assertThat(api.get(carolAgain, "/v2/token_auth").status()).as("other changes keep the session").isEqualTo(200);
        assertThat(api.get(unaffected, "/v2/token_auth").status()).isEqualTo(200);
    }

    @Test
    void endingAUsersSessionsLeavesTheSameUserIdOfAnotherAccountAlone() {
        Document other = api.subAccount(api.root, "twins");
        for (String account : List.of(api.root.id(), other.id())) {
            api.server().documents().create(account, DocumentKind.USER, Json.object().put("id", "twin")
                    .put("first_name", "Twin").put("last_name", "Test").put("username", "twin")
                    .put("password", "twin-secret").put("priv_level", "user"));
        }
        String inRoot = api.login("twin", "twin-secret", "root");
        String inOther = api.login("twin", "twin-secret", "twins");
        api.delete(api.rootToken, "/v2/accounts/" + api.root.id() + "/users/twin");
        assertThat(api.get(inRoot, "/v2/token_auth").status()).isEqualTo(401);
        assertThat(api.get(inOther, "/v2/token_auth").status()).isEqualTo(200);
    }
}
