package dev.switchboard.server.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The test phone's digest answers match the RFCs' own examples, so a failed sign-in is the server's doing. */
class DigestAnswerTest {

    @Test
    void answersRfc2617sMd5Example() {
        Map<String, String> challenge = DigestAnswer.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\","
                + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
        String answer = DigestAnswer.answer(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", "0a4f113b");
        assertThat(DigestAnswer.parse(answer)).containsEntry("response", "6629fae49393a05397450978507c4ef1")
                .containsEntry("opaque", "5ccc069c403ebaf9f0171e9517f40e41").containsEntry("nc", "00000001");
    }

    @Test
    void prefersSha256AndAnswersRfc7616sExample() {
        String nonce = "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
        Map<String, String> challenge = DigestAnswer.strongest(List.of(
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, " + nonce,
                "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, " + nonce));
        String answer = DigestAnswer.answer(challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html",
                "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        assertThat(DigestAnswer.parse(answer)).containsEntry("algorithm", "SHA-256")
                .containsEntry("response", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void answersWithoutQopAsRfc2069() {
        Map<String, String> challenge = DigestAnswer.parse("Digest realm=\"testrealm@host.com\","
                + " nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\"");
        String answer = DigestAnswer.answer(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", "x");
        assertThat(DigestAnswer.parse(answer)).doesNotContainKey("qop").doesNotContainKey("cnonce")
                .containsEntry("response", "670fd8c2df070c60b045671b8b24ff02");
    }
}
