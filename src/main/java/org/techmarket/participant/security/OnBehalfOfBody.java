package org.techmarket.participant.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.techmarket.participant.MandateCodes;
import org.techmarket.shared.Rejection;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client a broker names in a JSON body's top-level {@code onBehalfOf} field, the same as the
 * {@code X-On-Behalf-Of} header. The field is taken out of the body before the endpoint reads it, so every endpoint
 * sees the body it declares; a body the field is not in, or that is not a JSON object, passes untouched. Only bodies
 * of a declared length are read here (the size limit has already refused longer ones).
 */
final class OnBehalfOfBody {

    static final String FIELD = "onBehalfOf";

    private static final byte[] QUOTED_FIELD = ("\"" + FIELD + "\"").getBytes(StandardCharsets.UTF_8);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The request the endpoint reads, and the client named in its body, if any. */
    record Read(HttpServletRequest request, Optional<String> client) {}

    private OnBehalfOfBody() {}

    /**
     * Reads the client from the body of {@code request} and reconciles it with the header's {@code headerClient}: the
     * two together must name the same client (400 {@code ON_BEHALF_OF_MISMATCH}), and the field must be a non-blank
     * string (400 {@code INVALID_ON_BEHALF_OF}).
     */
    static Read read(HttpServletRequest request, Optional<String> headerClient) throws IOException {
        if (request.getContentLengthLong() <= 0 || !isJson(request.getContentType())) {
            return new Read(request, headerClient);
        }
        byte[] body = request.getInputStream().readAllBytes();
        Optional<ObjectNode> object = indexOf(body, QUOTED_FIELD) < 0 ? Optional.empty() : object(body);
        if (object.isEmpty() || !object.get().has(FIELD)) {
            return new Read(new Body(request, body), headerClient);
        }
        JsonNode named = object.get().remove(FIELD);
        if (!named.isString() || named.asString().isBlank()) {
            throw Rejection.invalid(
                    MandateCodes.INVALID_ON_BEHALF_OF, FIELD, "onBehalfOf names the client's organization id");
        }
        String client = named.asString().strip();
        if (headerClient.isPresent() && !headerClient.get().equals(client)) {
            throw Rejection.invalid(
                    MandateCodes.ON_BEHALF_OF_MISMATCH,
                    FIELD,
                    "the X-On-Behalf-Of header and the body's onBehalfOf name different clients");
        }
        return new Read(new Body(request, MAPPER.writeValueAsBytes(object.get())), Optional.of(client));
    }

    private static Optional<ObjectNode> object(byte[] body) {
        try {
            return MAPPER.readTree(body) instanceof ObjectNode node ? Optional.of(node) : Optional.empty();
        } catch (JacksonException unreadable) {
            // the endpoint refuses it as it refuses any malformed body
            return Optional.empty();
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    private static int indexOf(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= body.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The request with its body read once and given again to the endpoint. */
    private static final class Body extends HttpServletRequestWrapper {

        private final byte[] bytes;

        Body(HttpServletRequest request, byte[] bytes) {
            super(request);
            this.bytes = bytes;
        }

        @Override
        public int getContentLength() {
            return bytes.length;
        }

        @Override
        public long getContentLengthLong() {
            return bytes.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
