package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /search}: name and number search over one document type, paged like a listing. */
class SearchApiTest {
    private static ApiHarness api;
    private static String account;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        account = "/v2/accounts/" + api.root.id();
        token = api.rootToken;
        callflow("Sales line", "4125550100");
        callflow("Support queue", "2001");
        callflow("Night SALES", "2002");
        callflow("Reception", "3000");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static void callflow(String name, String number) {
        ObjectNode cf = Json.object().put("name", name);
        cf.putArray("numbers").add(number);
        cf.putObject("flow").put("module", "answer").putObject("data");
        assertThat(api.put(token, account + "/callflows", cf).status()).isEqualTo(201);
    }

    private static List<String> names(ApiHarness.Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        r.data().forEach(row -> names.add(row.path("name").asString()));
        return names;
    }

    @Test
    void findsByPartOfTheNameWhateverTheCase() {
        assertThat(names(api.get(token, account + "/search?t=callflow&q=name&v=sales")))
                .containsExactlyInAnyOrder("Sales line", "Night SALES");
    }

    @Test
    void findsByPartOfANumberAndReturnsListingRows() {
        ApiHarness.Response r = api.get(token, account + "/search?t=callflow&q=number&v=5550100");
        assertThat(names(r)).containsExactly("Sales line");
        JsonNode row = r.data().get(0);
        assertThat(row.get("numbers").get(0).asString()).isEqualTo("+14125550100");
        assertThat(row.has("modules")).isTrue();
    }

    @Test
    void nameAndNumberMatchesEitherAndPages() {
        ApiHarness.Response first = api.get(token, account + "/search?t=callflow&q=name_and_number&v=200&page_size=1");
        assertThat(names(first)).hasSize(1);
        String next = first.body().get("next_start_key").asString();
        ApiHarness.Response second = api.get(token,
                account + "/search?t=callflow&q=name_and_number&v=200&page_size=1&start_key=" + next);
        List<String> both = new ArrayList<>(names(first));
        both.addAll(names(second));
        assertThat(both).containsExactlyInAnyOrder("Support queue", "Night SALES");
        assertThat(second.body().has("next_start_key")).isFalse();
    }

    @Test
    void listingFiltersStillApply() {
        assertThat(names(api.get(token, account + "/search?t=callflow&q=name&v=s&filter_not_name=Reception")))
                .doesNotContain("Reception").contains("Sales line");
    }

    @Test
    void aBadQuestionIsAFieldError() {
        ApiHarness.Response noType = api.get(token, account + "/search?t=spaceship&q=name&v=x");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.data().get("t").has("enum")).isTrue();
        ApiHarness.Response noText = api.get(token, account + "/search?t=callflow&q=name");
        assertThat(noText.status()).isEqualTo(400);
        assertThat(noText.data().get("v").has("required")).isTrue();
    }
}
