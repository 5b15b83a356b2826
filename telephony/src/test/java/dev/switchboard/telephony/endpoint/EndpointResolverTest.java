package dev.switchboard.telephony.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchboard.core.actions.Carriers;
import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.registration.Binding;
import dev.switchboard.core.sim.MemoryDocuments;

class EndpointResolverTest {
    private static final Party CALLER = new Party("1001", "Alice");
    private final MemoryDocuments docs = MemoryDocuments.withAccount();
    private final Map<String, List<Binding>> registered = new java.util.HashMap<>();
    private final EndpointResolver resolver = new EndpointResolver(docs,
            (account, device) -> registered.getOrDefault(device, List.of()), "acme.example");

    private Binding contact(String deviceId, String uri, String host, int port) {
        return new Binding(docs.accountId(), deviceId, uri, "udp", host, port, null, Instant.now().plusSeconds(300),
                "reg-" + uri, 1, "test");
    }

    private static BridgeEndpoint device(String id, String target) {
        return new BridgeEndpoint("device", id, "u1", null, target, 0, 20, Map.of("Alert-Info", "ring2"));
    }

    @Test
    void aDeviceRingsEveryRegisteredContactAtTheAddressItRegisteredFrom() {
        docs.add("device", "d1", """
                {"name":"desk","sip":{"username":"1001","password":"x"}}""");
        registered.put("d1", List.of(contact("d1", "sip:1001@192.168.1.20:5062", "203.0.113.7", 40123),
                contact("d1", "sip:1001@10.0.0.3", "10.0.0.3", 5060)));

        Dialable d = resolver.resolve(device("d1", "1001"), CALLER);

        assertThat(d.attempts()).hasSize(1);
        List<SipTarget> together = d.attempts().getFirst();
        assertThat(together).extracting(SipTarget::requestUri)
                .containsExactly("sip:1001@192.168.1.20:5062", "sip:1001@10.0.0.3");
        assertThat(together.getFirst().hop()).isEqualTo(new Hop("udp", "203.0.113.7", 40123, null));
        assertThat(together.getFirst().callerId()).isEqualTo(CALLER);
        assertThat(together.getFirst().headers()).containsEntry("Alert-Info", "ring2");
        assertThat(together.getFirst().credentials()).isNull();
    }

    @Test
    void inviteFormatUsernameAndStaticInviteShapeTheRequestUri() {
        docs.add("device", "d1", """
                {"name":"desk","sip":{"username":"1001","invite_format":"username"}}""");
        docs.add("device", "d2", """
                {"name":"desk2","sip":{"username":"1002"}}""");
        registered.put("d1", List.of(contact("d1", "sip:abc@10.0.0.3", "10.0.0.3", 5060)));
        registered.put("d2", List.of(contact("d2", "sip:xyz@10.0.0.4", "10.0.0.4", 5060)));

        assertThat(resolver.resolve(device("d1", "1001"), CALLER).attempts().getFirst().getFirst().requestUri())
                .isEqualTo("sip:1001@acme.example");
        assertThat(resolver.resolve(device("d2", "front-desk"), CALLER).attempts().getFirst().getFirst().requestUri())
                .as("static_invite").isEqualTo("sip:front-desk@acme.example");
    }

    @Test
    void anIpAuthenticatedDeviceIsReachedWithoutRegistering() {
        docs.add("device", "pbx", """
                {"name":"old pbx","sip":{"username":"pbx","method":"ip","ip":"198.51.100.9"}}""");

        SipTarget t = resolver.resolve(device("pbx", "pbx"), CALLER).attempts().getFirst().getFirst();

        assertThat(t.requestUri()).isEqualTo("sip:pbx@198.51.100.9");
        assertThat(t.hop()).isEqualTo(new Hop("udp", "198.51.100.9", 5060, null));
    }

    @Test
    void anUnregisteredDeviceFailsUnlessItHasAFailover() {
        docs.add("device", "d1", """
                {"name":"desk","sip":{"username":"1001"}}""");
        docs.add("resource", "carrier1", """
                {"name":"carrier","rules":["^\\\\+1(\\\\d{10})$"],"gateways":[{"server":"gw.example","prefix":"9"}]}""");

        Dialable plain = resolver.resolve(device("d1", "1001"), CALLER);
        assertThat(plain.reachable()).isFalse();
        assertThat(plain.cause()).isEqualTo("USER_NOT_REGISTERED");
        assertThat(plain.sipCode()).isEqualTo("sip:404");

        BridgeEndpoint forward = new BridgeEndpoint("number", "4155550100", "u1", null, "4155550100", 0, 20, Map.of(),
                null, false, null);
        BridgeEndpoint withFailover = new BridgeEndpoint("device", "d1", "u1", null, "1001", 0, 20, Map.of(), null,
                false, forward);
        Dialable failedOver = resolver.resolve(withFailover, CALLER);
        assertThat(failedOver.attempts()).hasSize(1);
        SipTarget t = failedOver.attempts().getFirst().getFirst();
        assertThat(t.endpoint()).isSameAs(forward);
        assertThat(t.requestUri()).isEqualTo("sip:94155550100@gw.example");
        assertThat(resolver.resolve(device("missing", "x"), CALLER).cause()).isEqualTo("UNALLOCATED_NUMBER");
    }

    @Test
    void carrierLegsGoToTheirGatewayWithItsCredentialsRealmAndFromRealm() {
        docs.add("resource", "res", """
                {"name":"carrier","rules":["^\\\\+?1?(\\\\d{10})$"],"format_from_uri":true,"from_uri_realm":"pbx.acme",
                 "gateways":[{"server":"10.1.1.1","port":5080,"username":"trunk","password":"s3cret",
                              "realm":"sip.carrier.net","prefix":"+1","suffix":";npdi"},
                             {"server":"10.1.1.2"}]}""");
        List<BridgeEndpoint> legs = Carriers.forNumber(docs, "+14155550100", CALLER, 60);
        assertThat(legs).hasSize(2);

        SipTarget first = resolver.resolve(legs.get(0), CALLER).attempts().getFirst().getFirst();
        assertThat(first.requestUri()).isEqualTo("sip:+14155550100;npdi@sip.carrier.net");
        assertThat(first.hop()).isEqualTo(new Hop("udp", "10.1.1.1", 5080, null));
        assertThat(first.credentials()).isEqualTo(new DigestCredentials("trunk", "s3cret", "sip.carrier.net"));
        assertThat(first.fromHost()).isEqualTo("pbx.acme");
        SipTarget second = resolver.resolve(legs.get(1), CALLER).attempts().getFirst().getFirst();
        assertThat(second.requestUri()).isEqualTo("sip:4155550100@10.1.1.2");
        assertThat(second.credentials()).isNull();
    }

    @Test
    void aForwardNumberTriesTheCarriersGatewaysInTurnAndKeepsItsOwnCallerId() {
        docs.add("resource", "cheap", """
                {"name":"cheap","weight_cost":10,"rules":["^\\\\+1(\\\\d{10})$"],"gateways":[{"server":"a.example"},{"server":"b.example"}]}""");
        docs.add("resource", "dear", """
                {"name":"dear","weight_cost":90,"rules":["^(\\\\+\\\\d+)$"],"gateways":[{"server":"c.example","route":"sip:trunk@c.example:5070"}]}""");
        Party forwarding = new Party("+14155559999", "Bob Cell");
        BridgeEndpoint forward = new BridgeEndpoint("number", "4155550100", "u1", null, "4155550100", 0, 25, Map.of(),
                forwarding, true, null);

        Dialable d = resolver.resolve(forward, CALLER);

        assertThat(d.attempts()).hasSize(3);
        assertThat(d.attempts()).allSatisfy(a -> assertThat(a).hasSize(1));
        assertThat(d.attempts().stream().map(a -> a.getFirst().requestUri()))
                .containsExactly("sip:4155550100@a.example", "sip:4155550100@b.example", "sip:trunk@c.example:5070");
        assertThat(d.attempts().get(2).getFirst().hop()).isEqualTo(new Hop("udp", "c.example", 5070, null));
        assertThat(d.attempts()).allSatisfy(a -> {
            assertThat(a.getFirst().callerId()).isEqualTo(forwarding);
            assertThat(a.getFirst().endpoint()).isSameAs(forward);
        });
    }

    @Test
    void aNumberNoCarrierTakesFailsWithNoRoute() {
        Dialable d = resolver.resolve(new BridgeEndpoint("number", "911", null, null, "911", 0, 20, Map.of()), CALLER);
        assertThat(d.reachable()).isFalse();
        assertThat(d.cause()).isEqualTo("NO_ROUTE_DESTINATION");
    }
}
