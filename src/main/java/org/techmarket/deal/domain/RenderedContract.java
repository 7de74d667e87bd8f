package org.techmarket.deal.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.stream.Collectors;

/**
 * A contract's text in Chinese and English, both canonical (Unicode NFC, LF line ends, no trailing blanks, no
 * runs of blank lines, one final newline), and the hash of the two together. Rendering the same terms again gives
 * the same bytes.
 */
public record RenderedContract(String zh, String en, ContractHash hash) {

    /** The format marker at the head of the envelope; a new layout would get a new marker, never reuse this one. */
    public static final String ENVELOPE_VERSION = "techmarket-contract-v1";

    public RenderedContract {
        zh = canonical(zh);
        en = canonical(en);
        ContractHash expected = ContractHash.of(envelope(zh, en));
        if (!expected.equals(hash)) {
            throw new IllegalArgumentException("the hash does not match the texts");
        }
    }

    /** Canonicalises both texts and hashes their envelope. */
    public static RenderedContract of(String zh, String en) {
        String canonicalZh = canonical(zh);
        String canonicalEn = canonical(en);
        return new RenderedContract(canonicalZh, canonicalEn, ContractHash.of(envelope(canonicalZh, canonicalEn)));
    }

    public String text(ContractLanguage language) {
        return language == ContractLanguage.ZH ? zh : en;
    }

    /**
     * The exact text whose SHA-256 is the contract hash: the version marker, then each language's tag and the
     * length of its text in UTF-8 bytes on a line of their own, then the text. The lengths make the boundary
     * between the texts unambiguous whatever they contain. Anyone can rebuild it from the two texts and check the
     * hash with a stock SHA-256 tool.
     */
    public String envelope() {
        return envelope(zh, en);
    }

    private static String envelope(String zh, String en) {
        return ENVELOPE_VERSION + "\n"
                + "zh " + zh.getBytes(StandardCharsets.UTF_8).length + "\n" + zh
                + "en " + en.getBytes(StandardCharsets.UTF_8).length + "\n" + en;
    }

    static String canonical(String text) {
        String lines = Normalizer.normalize(text, Normalizer.Form.NFC)
                .lines()
                .map(String::stripTrailing)
                .collect(Collectors.joining("\n"));
        // An optional clause left empty must not leave a gap that would make equal contracts differ in layout.
        return lines.replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }
}
