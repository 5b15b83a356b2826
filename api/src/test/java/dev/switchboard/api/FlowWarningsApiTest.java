package dev.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Saving a callflow answers with warnings KAZOO never gives, without refusing the save. */
class FlowWarningsApiTest {
    private static ApiHarness api;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
        base = "/v2/accounts/" + api.root.id() + "/callflows";
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static ObjectNode callflow(String json) {
        return (ObjectNode) Json.parse(json);
    }

    @Test
    void aMissingUserIsWarnedAboutButSaved() {
        ApiHarness.Response r = api.put(api.rootToken, base, callflow("""
                {"numbers":["8000"],"flow":{"module":"user","data":{"id":"0123456789abcdef0123456789abcdef"}}}
                """));
        assertThat(r.status()).isEqualTo(201);
        JsonNode w = r.body().get("warnings").get(0);
        assertThat(w.get("path").asString()).isEqualTo("flow.data.id");
        assertThat(w.get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void childrenAModuleCannotProduceAreWarned() {
        String menuId = api.put(api.rootToken, "/v2/accounts/" + api.root.id() + "/menus",
                Json.object().put("name", "Main").put("max_extension_length", 1)).data().get("id").asString();
        ApiHarness.Response r = api.put(api.rootToken, base, callflow("""
                {"numbers":["8001"],"flow":{"module":"menu","data":{"id":"%s"},"children":{
                  "1":{"module":"hangup","data":{}},
                  "12":{"module":"hangup","data":{},"children":{"_":{"module":"play","data":{"id":"http://x/y.wav"}}}},
                  "timeout":{"module":"hangup","data":{}}}}}
                """.formatted(menuId)));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.body().get("warnings").toString())
                .contains("flow.children.12", "unreachable_child")
                .contains("flow.children.12.children._")
                .doesNotContain("flow.children.1\"").doesNotContain("flow.children.timeout");
        ApiHarness.Response temporal = api.put(api.rootToken, base, callflow("""
                {"numbers":["8002"],"flow":{"module":"temporal_route","data":{},"children":{
                  "no-such-rule":{"module":"hangup","data":{}}}}}
                """));
        assertThat(temporal.body().get("warnings").toString()).contains("flow.children.no-such-rule");
    }

    @Test
    void aLoopOfCallflowsWithoutCallerInputIsWarned() {
        ApiHarness.Response a = api.put(api.rootToken, base, callflow("""
                {"id":"loop_a","numbers":["8100"],"flow":{"module":"callflow","data":{"id":"loop_b"}}}
                """));
        assertThat(a.body().get("warnings").toString()).contains("not_found");
        ApiHarness.Response b = api.put(api.rootToken, base, callflow("""
                {"id":"loop_b","numbers":["8101"],"flow":{"module":"callflow","data":{"id":"loop_a"}}}
                """));
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.body().get("warnings").toString()).contains("loop", "loop_b → loop_a → loop_b");
        ApiHarness.Response withMenu = api.post(api.rootToken, base + "/loop_b", callflow("""
                {"numbers":["8101"],"flow":{"module":"menu","data":{},"children":{"1":
                  {"module":"callflow","data":{"id":"loop_a"}}}}}
                """));
        assertThat(withMenu.body().has("warnings")).isFalse();
    }
}
