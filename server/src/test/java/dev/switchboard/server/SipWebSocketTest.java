package dev.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchboard.core.doc.DocumentKind;

/** SIP over WebSocket on the HTTP port: subprotocol {@code sip} at /ws reaches the registrar. */
class SipWebSocketTest {
    private static TestServer server;
    private static TestServer.TestAccount acme;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        acme = server.account("wsphone");
        acme.create(DocumentKind.DEVICE, """
                {"name":"browser","sip":{"username":"web1","password":"web-secret"}}""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBrowserPhoneIsChallengedOverItsWebSocket() throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("sip")
                .buildAsync(URI.create("ws://" + TestServer.HOST + ":" + server.httpPort() + "/ws"),
                        new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    answer.complete(text.toString());
                                }
                                socket.request(1);
                                return null;
                            }
                        }).get(20, TimeUnit.SECONDS);
        assertThat(ws.getSubprotocol()).isEqualTo("sip");
        String register = String.join("\r\n",
                "REGISTER sip:" + acme.realm() + " SIP/2.0",
                "Via: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKws1",
                "Max-Forwards: 70",
                "From: <sip:web1@" + acme.realm() + ">;tag=ws1",
                "To: <sip:web1@" + acme.realm() + ">",
                "Call-ID: ws-call-1",
                "CSeq: 1 REGISTER",
                "Contact: <sip:web1@df7jal23ls0d.invalid;transport=ws>",
                "Expires: 600",
                "Content-Length: 0", "", "");
        ws.sendText(register, true).get(10, TimeUnit.SECONDS);

        String response = answer.get(30, TimeUnit.SECONDS);
        assertThat(response).startsWith("SIP/2.0 401").contains("realm=\"" + acme.realm() + "\"")
                .contains("Call-ID: ws-call-1");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }
}
