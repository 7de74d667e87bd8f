package org.techmarket.demo.tools;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Regenerates {@code src/main/resources/demo/us-patents.tsv.gz} from USPTO grant full-text XML files.
 *
 * <p>It uses only the JDK, so Java's single-file launcher runs it without a build. From the project root:
 * <pre>
 * java src/test/java/org/techmarket/demo/tools/PatentXmlConverter.java \
 *      ../shared/data/patents src/main/resources/demo/us-patents.tsv.gz
 * </pre>
 * Both arguments are optional and default to the paths shown. Each {@code ipg*.xml} file is a weekly bulk
 * file: many XML documents concatenated, each with its own declaration and DOCTYPE, so it is split and
 * every document parsed on its own. Documents that are not grants (sequence listings) or have no title are
 * skipped. The output is gzip, UTF-8, a header line, one grant per line, tab-separated.
 */
public final class PatentXmlConverter {

    /** Column names of the output, in order; {@code DemoPatents} reads the same layout. */
    public static final String HEADER =
            "number\tkind\ttitle\tabstract\tfirst_claim\tipc\tassignee\tfiled_on\tgranted_on";

    private static final Pattern DOCUMENT_START = Pattern.compile("(?=<\\?xml )");
    private static final Pattern CANONICAL_IPC = Pattern.compile("[A-H]\\d{2}[A-Z] \\d{1,4}/\\d{2,6}");
    // Pre-2006 grants carry IPC edition 7 as one fixed-width string: subclass (4), main group right-aligned
    // in 3, subgroup; some sources put the edition digit in front or write "021/00" with a slash.
    private static final Pattern LEGACY_IPC = Pattern.compile("\\d?([A-H]\\d{2}[A-Z])(.+)");
    private static final Pattern NUMBER = Pattern.compile("([A-Z]*)0*(\\d+)");
    // Paragraph-like elements whose text would otherwise run into the next word ("comprising:a housing").
    private static final Set<String> BLOCK_ELEMENTS = Set.of("p", "claim-text", "br", "li", "heading", "entry", "row");

    private PatentXmlConverter() {}

    public static void main(String[] args) throws IOException {
        Path input = Path.of(args.length > 0 ? args[0] : "../shared/data/patents");
        Path output = Path.of(args.length > 1 ? args[1] : "src/main/resources/demo/us-patents.tsv.gz");
        List<String> lines = new ArrayList<>();
        for (Path file : bulkFiles(input)) {
            List<String> fromFile = convertFile(file);
            System.err.printf("%s: %d grants%n", file.getFileName(), fromFile.size());
            lines.addAll(fromFile);
        }
        write(output, lines);
        System.err.printf("wrote %d grants to %s%n", lines.size(), output);
    }

    private static List<Path> bulkFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("ipg.*\\.xml"))
                    .sorted()
                    .toList();
        }
    }

    /** Converts one bulk file to TSV lines, one per grant with a title, in document order. */
    static List<String> convertFile(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String xml : DOCUMENT_START.split(content)) {
            if (!xml.isBlank()) {
                grantLine(parse(xml)).ifPresent(lines::add);
            }
        }
        return lines;
    }

    private static void write(Path output, List<String> lines) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        // GZIPOutputStream writes no timestamp, so regenerating from the same input gives identical bytes.
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(output)), StandardCharsets.UTF_8)) {
            out.write(HEADER + "\n");
            for (String line : lines) {
                out.write(line + "\n");
            }
        }
    }

    static Document parse(String xml) {
        try {
            return newBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("unparseable grant document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // The DOCTYPEs name USPTO DTDs that are not at hand; never fetch them, nor any external entity.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setValidating(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The TSV line for a grant, or empty for a sequence listing or a grant without a title. */
    static Optional<String> grantLine(Document document) {
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("us-patent-grant")) {
            return Optional.empty();
        }
        Element biblio = child(root, "us-bibliographic-data-grant").orElseThrow();
        Optional<String> title =
                child(biblio, "invention-title").map(PatentXmlConverter::text).filter(t -> !t.isEmpty());
        if (title.isEmpty()) {
            return Optional.empty();
        }
        Element publication =
                path(biblio, "publication-reference", "document-id").orElseThrow();
        Element application =
                path(biblio, "application-reference", "document-id").orElseThrow();
        List<String> columns = List.of(
                normaliseNumber(childText(publication, "doc-number")),
                childText(publication, "kind"),
                title.get(),
                child(root, "abstract").map(PatentXmlConverter::text).orElse(""),
                path(root, "claims", "claim").map(PatentXmlConverter::text).orElse(""),
                String.join(";", ipcCodes(biblio)),
                owner(biblio),
                isoDate(childText(application, "date")),
                isoDate(childText(publication, "date")));
        return Optional.of(String.join("\t", columns));
    }

    /** "06836899" becomes "US6836899", "D0513425" "USD513425", "RE039000" "USRE39000". */
    static String normaliseNumber(String docNumber) {
        Matcher m = NUMBER.matcher(docNumber.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected document number: " + docNumber);
        }
        return "US" + m.group(1) + m.group(2);
    }

    /** IPC codes in canonical form ("G06N 3/08"), de-duplicated in document order; designs have none. */
    static List<String> ipcCodes(Element biblio) {
        Set<String> codes = new LinkedHashSet<>();
        child(biblio, "classifications-ipcr").ifPresent(ipcr -> {
            for (Element c : children(ipcr, "classification-ipcr")) {
                String raw = text(c);
                keepIfCanonical(
                        codes,
                        raw,
                        ipc(
                                childText(c, "section"),
                                childText(c, "class"),
                                childText(c, "subclass"),
                                childText(c, "main-group"),
                                childText(c, "subgroup")));
            }
        });
        // Only the grant's own classification: citations carry classification-ipc elements of their own.
        for (Element ipc : children(biblio, "classification-ipc")) {
            for (Element symbol : children(ipc, "main-classification", "further-classification")) {
                keepIfCanonical(codes, symbol.getTextContent(), legacyIpc(symbol.getTextContent()));
            }
        }
        return List.copyOf(codes);
    }

    private static void keepIfCanonical(Set<String> codes, String raw, Optional<String> code) {
        code.filter(c -> CANONICAL_IPC.matcher(c).matches())
                .ifPresentOrElse(
                        codes::add, () -> System.err.println("skipped IPC symbol that does not parse: '" + raw + "'"));
    }

    static Optional<String> ipc(String section, String clazz, String subclass, String mainGroup, String subgroup) {
        String main = mainGroup.strip().replaceFirst("^0+(?=\\d)", "");
        String sub = subgroup.strip();
        if (main.isEmpty() || sub.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(section.strip() + clazz.strip() + subclass.strip() + " " + main + "/"
                + (sub.length() < 2 ? "0" + sub : sub));
    }

    /** Parses an IPC edition-7 symbol such as "A45F  504", "C07C24900", "7G06F 1700" or " H01L021/00". */
    static Optional<String> legacyIpc(String symbol) {
        Matcher m = LEGACY_IPC.matcher(symbol.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String subclass = m.group(1);
        String groups = m.group(2);
        int slash = groups.indexOf('/');
        if (slash >= 0) {
            return ipc(
                    subclass.substring(0, 1),
                    subclass.substring(1, 3),
                    subclass.substring(3),
                    groups.substring(0, slash),
                    groups.substring(slash + 1));
        }
        if (groups.length() < 5) {
            return Optional.empty();
        }
        return ipc(
                subclass.substring(0, 1),
                subclass.substring(1, 3),
                subclass.substring(3),
                groups.substring(0, 3),
                groups.substring(3));
    }

    /** The first assignee's name; a grant without an assignee belongs to its first inventor. */
    static String owner(Element biblio) {
        Optional<Element> assignee = path(biblio, "assignees", "assignee", "addressbook");
        Optional<Element> inventor = path(biblio, "us-parties", "inventors", "inventor", "addressbook")
                .or(() -> path(biblio, "parties", "applicants", "applicant", "addressbook"));
        return assignee.or(() -> inventor).map(PatentXmlConverter::name).orElse("");
    }

    private static String name(Element addressbook) {
        String organisation = childText(addressbook, "orgname");
        if (!organisation.isEmpty()) {
            return organisation;
        }
        return (childText(addressbook, "first-name") + " " + childText(addressbook, "last-name")).strip();
    }

    private static String isoDate(String yyyymmdd) {
        return LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE).toString();
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String... names) {
        Set<String> wanted = Set.of(names);
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && wanted.contains(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** Follows first children by name: path(root, "claims", "claim") is the first claim. */
    private static Optional<Element> path(Element from, String... names) {
        Optional<Element> current = Optional.of(from);
        for (String name : names) {
            current = current.flatMap(e -> child(e, name));
        }
        return current;
    }

    private static String childText(Element parent, String name) {
        return child(parent, name).map(PatentXmlConverter::text).orElse("");
    }

    /** Plain text of an element, whitespace (tabs and newlines included) collapsed to single spaces. */
    static String text(Element element) {
        StringBuilder out = new StringBuilder();
        appendText(element, out);
        return out.toString().replaceAll("[\\s\\u00A0]+", " ").strip();
    }

    private static void appendText(Node node, StringBuilder out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                out.append(n.getNodeValue());
            } else if (n instanceof Element e) {
                boolean block = BLOCK_ELEMENTS.contains(e.getTagName());
                if (block) {
                    out.append(' ');
                }
                appendText(e, out);
                if (block) {
                    out.append(' ');
                }
            }
        }
    }
}
