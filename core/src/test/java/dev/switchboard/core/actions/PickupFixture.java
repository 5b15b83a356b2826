package dev.switchboard.core.actions;

import dev.switchboard.core.sim.MemoryDocuments;

/**
 * An office for pickup, intercept and eavesdrop tests: Ann (phones annphone, SIP user "ann", and anndesk), Bob
 * (bobphone, SIP user "bob"), Carol (carolphone); group "sales" = user Ann + device bobphone; extensions 1001 →
 * user Ann, 1002 → bobphone after a greeting, 1003 → a ring group starting with Bob.
 */
final class PickupFixture {
    private PickupFixture() {
    }

    static MemoryDocuments office() {
        MemoryDocuments docs = MemoryDocuments.withAccount();
        docs.add("user", "ann", """
                {"first_name":"Ann","last_name":"Lee"}""");
        docs.add("user", "bob", """
                {"first_name":"Bob","last_name":"Ray"}""");
        docs.add("user", "carol", """
                {"first_name":"Carol","last_name":"Kim"}""");
        docs.add("device", "annphone", """
                {"name":"Ann's phone","owner_id":"ann","sip":{"username":"ann"}}""");
        docs.add("device", "anndesk", """
                {"name":"Ann's desk","owner_id":"ann","sip":{"username":"anndesk"}}""");
        docs.add("device", "bobphone", """
                {"name":"Bob's phone","owner_id":"bob","sip":{"username":"Bob"}}""");
        docs.add("device", "carolphone", """
                {"name":"Carol's phone","owner_id":"carol","sip":{"username":"carol"}}""");
        docs.add("group", "sales", """
                {"name":"Sales","endpoints":{"ann":{"type":"user"},"bobphone":{"type":"device"}}}""");
        docs.add("callflow", "ext1001", """
                {"numbers":["1001"],"flow":{"module":"user","data":{"id":"ann"}}}""");
        docs.add("callflow", "ext1002", """
                {"numbers":["1002"],"flow":{"module":"play","data":{"id":"hello"},
                 "children":{"_":{"module":"device","data":{"id":"bobphone"}}}}}""");
        docs.add("callflow", "ext1003", """
                {"numbers":["1003"],"flow":{"module":"ring_group","data":{"endpoints":[
                 {"id":"bob","endpoint_type":"user"},{"id":"annphone","endpoint_type":"device"}]}}}""");
        docs.add("callflow", "ext1009", """
                {"numbers":["1009"],"flow":{"module":"play","data":{"id":"closed"}}}""");
        return docs;
    }

    /** A feature-code callflow: {@code **<digits>} runs {@code module} with {@code data}. */
    static void featureCode(MemoryDocuments docs, String module, String data) {
        docs.add("callflow", "feature", """
                {"patterns":["^\\\\*\\\\*(.+)$"],"flow":{"module":"%s","data":%s}}""".formatted(module, data));
    }
}
