package dev.switchboard.core.actions;

import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import dev.switchboard.core.call.BridgeEndpoint;
import dev.switchboard.core.call.BridgeRequest;
import dev.switchboard.core.call.BridgeResult;
import dev.switchboard.core.call.DigitRequest;
import dev.switchboard.core.call.Digits;
import dev.switchboard.core.call.Media;
import dev.switchboard.core.call.Party;
import dev.switchboard.core.engine.ActionContext;
import dev.switchboard.core.engine.CallOutcome;
import dev.switchboard.core.engine.Next;

/**
 * The TwiML a Pivot server may answer with ({@code req_format: twiml}), run verb by verb on the call:
 * {@code Say} (voice, language, loop), {@code Play} (loop), {@code Pause} (length), {@code Gather} (action, method,
 * timeout, finishOnKey, numDigits; nested Say, Play and Pause are its prompts), {@code Dial} (timeout, callerId,
 * action, method; {@code Number} nouns or a bare number), {@code Redirect} (method), {@code Hangup} and
 * {@code Reject} (reason). Gather with digits, Redirect and a Dial with an action fetch the next document
 * (relative URLs resolve against the current one; POST by default). The call ends when a document runs out; an
 * unknown verb, an unreadable document or a failed fetch continues the flow to "_".
 */
final class Twiml {
    static final int MOST_DOCUMENTS = 50;
    private static final int MOST_GATHER_PROMPT_LOOPS = 10;
    private static final int MOST_DIGITS = 64;

    /** Fetches a document: the body of a 2xx answer, else empty. */
    interface Fetcher {
        Optional<String> fetch(String method, String url, Map<String, String> params);
    }

    /** Where a verb leaves the document. */
    private sealed interface Step {
    }

    private record Proceed() implements Step {
    }

    private record Fetch(String url, String method, Map<String, String> params) implements Step {
    }

    private record End(Next next) implements Step {
    }

    private static final Step PROCEED = new Proceed();

    private final ActionContext ctx;
    private final Fetcher fetcher;

    Twiml(ActionContext ctx, Fetcher fetcher) {
        this.ctx = ctx;
        this.fetcher = fetcher;
    }

    /** Runs the document {@code body} fetched from {@code url}, and the ones it leads to, at most {@value #MOST_DOCUMENTS}. */
    Next run(String url, String body) {
        String current = url;
        String document = body;
        for (int documents = 1; ; documents++) {
            Optional<Element> response = parse(document);
            if (response.isEmpty()) {
                ctx.event("twiml:invalid");
                return Next.CONTINUE;
            }
            Step step = verbs(response.get(), current);
            if (step instanceof End end) {
                return end.next();
            }
            if (!(step instanceof Fetch fetch)) {
                return new Next.HardStop();
            }
            if (documents == MOST_DOCUMENTS) {
                ctx.event("twiml:too_many_documents");
                return Next.CONTINUE;
            }
            Map<String, String> params = PivotParams.twiml(ctx);
            params.putAll(fetch.params());
            Optional<String> next = fetcher.fetch(fetch.method(), fetch.url(), params);
            if (next.isEmpty()) {
                return Next.CONTINUE;
            }
            current = fetch.url();
            document = next.get();
        }
    }

    private Step verbs(Element response, String url) {
        for (Element verb : elements(response)) {
            Step step = verb(verb, url);
            if (!(step instanceof Proceed)) {
                return step;
            }
        }
        return PROCEED;
    }

    private Step verb(Element verb, String url) {
        switch (verb.getTagName()) {
            case "Say", "Play" -> {
                ctx.call().answer();
                Optional<Media> media = media(verb, url);
                int loop = integer(verb, "loop", 1);
                for (int i = 0; media.isPresent() && (loop <= 0 || i < loop); i++) {
                    ctx.call().play(media.get(), "");
                }
                return PROCEED;
            }
            case "Pause" -> {
                ctx.call().answer();
                ctx.call().pause(Duration.ofSeconds(Math.clamp(integer(verb, "length", 1), 0, 3600)));
                return PROCEED;
            }
            case "Gather" -> {
                return gather(verb, url);
            }
            case "Dial" -> {
                return dial(verb, url);
            }
            case "Redirect" -> {
                ctx.call().answer();
                return new Fetch(HttpCalls.resolve(url, verb.getTextContent()), method(verb), Map.of());
            }
            case "Hangup" -> {
                return new End(new Next.HardStop());
            }
            case "Reject" -> {
                boolean busy = verb.getAttribute("reason").equals("busy");
                int code = busy ? 486 : 503;
                ctx.call().respond(code, busy ? "Busy Here" : "Service Unavailable");
                ctx.state().outcome(new CallOutcome("responded", String.valueOf(code), null));
                return new End(new Next.HardStop());
            }
            default -> {
                ctx.event("twiml:unsupported:" + verb.getTagName());
                return new End(Next.CONTINUE);
            }
        }
    }

    private Step gather(Element gather, String url) {
        ctx.call().answer();
        List<Media> prompts = new ArrayList<>();
        for (Element nested : elements(gather)) {
            Optional<Media> prompt = nested.getTagName().equals("Pause")
                    ? Optional.of(new Media.Silence(1000 * Math.clamp(integer(nested, "length", 1), 0, 3600)))
                    : media(nested, url);
            int loop = integer(nested, "loop", 1);
            for (int i = 0; prompt.isPresent() && i < (loop <= 0 ? MOST_GATHER_PROMPT_LOOPS
                    : Math.min(loop, MOST_GATHER_PROMPT_LOOPS)); i++) {
                prompts.add(prompt.get());
            }
        }
        Duration timeout = Duration.ofSeconds(Math.clamp(integer(gather, "timeout", 5), 1, 3600));
        String finishOnKey = gather.hasAttribute("finishOnKey") ? gather.getAttribute("finishOnKey") : "#";
        int numDigits = integer(gather, "numDigits", MOST_DIGITS);
        Digits digits = ctx.call().collect(new DigitRequest(prompts, 1, Math.clamp(numDigits, 1, MOST_DIGITS), timeout,
                timeout, finishOnKey));
        if (digits.isEmpty()) {
            return PROCEED;
        }
        return new Fetch(HttpCalls.resolve(url, gather.getAttribute("action")), method(gather),
                Map.of("Digits", digits.digits()));
    }

    private Step dial(Element dial, String url) {
        List<String> numbers = new ArrayList<>();
        for (Element noun : elements(dial)) {
            if (noun.getTagName().equals("Number") && !noun.getTextContent().isBlank()) {
                numbers.add(noun.getTextContent().trim());
            }
        }
        if (numbers.isEmpty() && elements(dial).isEmpty() && !dial.getTextContent().isBlank()) {
            numbers.add(dial.getTextContent().trim());
        }
        if (numbers.isEmpty()) {
            ctx.event("twiml:unsupported:Dial");
            return new End(Next.CONTINUE);
        }
        int timeout = Math.clamp(integer(dial, "timeout", 30), 5, 600);
        String callerId = dial.getAttribute("callerId");
        List<BridgeEndpoint> endpoints = numbers.stream()
                .map(n -> new BridgeEndpoint("number", n, null, null, n, 0, timeout, Map.of())).toList();
        BridgeResult result = ctx.call().bridge(new BridgeRequest(endpoints, "simultaneous", timeout, null, false,
                callerId.isBlank() ? ctx.call().callerId() : Party.of(callerId), false));
        if (result.answered()) {
            ctx.state().outcome(new CallOutcome("bridged", "NORMAL_CLEARING",
                    result.answeredBy() == null ? null : result.answeredBy().id()));
        }
        String status = result.answered() ? "completed" : switch (result.cause()) {
            case "USER_BUSY" -> "busy";
            case "NO_ANSWER" -> "no-answer";
            default -> "failed";
        };
        if (dial.getAttribute("action").isBlank()) {
            return PROCEED;
        }
        return new Fetch(HttpCalls.resolve(url, dial.getAttribute("action")), method(dial),
                Map.of("DialCallStatus", status));
    }

    /** What a Say or Play element makes the caller hear; nothing for an empty one. */
    private Optional<Media> media(Element element, String url) {
        String text = element.getTextContent().trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (element.getTagName()) {
            case "Say" -> Optional.of(new Media.Tts(text, voice(element.getAttribute("voice")),
                    element.getAttribute("language").isBlank() ? null : element.getAttribute("language")));
            case "Play" -> Optional.of(new Media.Url(HttpCalls.resolve(url, text)));
            default -> Optional.empty();
        };
    }

    private static String voice(String twilioVoice) {
        return switch (twilioVoice.toLowerCase(Locale.ROOT)) {
            case "man", "male" -> "male";
            case "woman", "female", "alice" -> "female";
            default -> null;
        };
    }

    private static String method(Element verb) {
        String method = verb.getAttribute("method").trim();
        return method.isEmpty() ? "post" : method.toLowerCase(Locale.ROOT);
    }

    private static int integer(Element element, String attribute, int otherwise) {
        try {
            return element.hasAttribute(attribute) ? Integer.parseInt(element.getAttribute(attribute).trim()) : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static List<Element> elements(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    /** The {@code Response} root of a document from the network: no DTDs, no external entities. */
    private static Optional<Element> parse(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            Element root = builder.parse(new InputSource(new StringReader(body))).getDocumentElement();
            return root.getTagName().equals("Response") ? Optional.of(root) : Optional.empty();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return Optional.empty();
        }
    }

    /** Parse errors become an unreadable document, not noise on standard error. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
