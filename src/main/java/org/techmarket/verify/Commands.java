package org.techmarket.verify;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.techmarket.verify.client.HttpMarketLog;
import org.techmarket.verify.client.LogVerifier;
import org.techmarket.verify.witness.Witness;
import org.techmarket.verify.witness.WitnessKeyFile;
import org.techmarket.verify.witness.WitnessServer;
import org.techmarket.verify.witness.WitnessState;

/**
 * The commands the market's jar runs without starting the market (no Spring, no database):
 *
 * <pre>
 * verify-log &lt;market URL&gt; [--state &lt;dir&gt;] [--entry &lt;index&gt; ...] [--key &lt;vkey&gt;] [--witness &lt;vkey&gt; ...]
 * witness --port &lt;port&gt; --state &lt;dir&gt; --key &lt;file&gt; --log &lt;vkey&gt; [--origin &lt;origin&gt;] ... [--name &lt;name&gt;]
 * </pre>
 *
 * {@code verify-log} exits 0 when every check passed, 1 when one failed, 2 on a wrong command line, 3 when the market
 * could not be read.
 */
public final class Commands {

    public static final int VERIFIED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;

    private static final String USAGE_TEXT = """
            usage: verify-log <market URL> [--state <dir>] [--entry <index> ...] [--key <vkey>] [--witness <vkey> ...]
                   witness --port <port> --state <dir> --key <file> --log <vkey> [--origin <origin>] ... [--name <name>]""";

    private Commands() {}

    /** Whether the command line names one of these commands rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("verify-log") || args[0].equals("witness"));
    }

    /** Runs the command; returns the exit status ({@code witness} returns only when stopped). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(List.of(args).subList(1, args.length));
            return args[0].equals("verify-log") ? verifyLog(options, out, err) : witness(options, out);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
    }

    private static int verifyLog(Options options, PrintStream out, PrintStream err) {
        URI market = URI.create(options.single("market", null));
        if (market.getScheme() == null || !market.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("the market URL starts with http:// or https://");
        }
        Path root = Path.of(options.single(
                "--state",
                Path.of(System.getProperty("user.home"), ".techmarket-verify").toString()));
        List<Long> entries = new ArrayList<>();
        for (String entry : options.all("--entry")) {
            entries.add(Options.number(entry, "--entry"));
        }
        Optional<VerifierKey> pinned = options.optional("--key").map(Commands::key);
        List<VerifierKey> witnesses =
                options.all("--witness").stream().map(Commands::key).toList();
        try {
            new LogVerifier(new HttpMarketLog(market), root, out).verify(pinned, witnesses, entries);
            out.println("verified " + market);
            return VERIFIED;
        } catch (NotVerified e) {
            err.println("FAILED " + e.failure() + ": " + e.getMessage());
            return e.failure() == NotVerified.Failure.UNREACHABLE ? UNREACHABLE : FAILED;
        }
    }

    private static int witness(Options options, PrintStream out) {
        int port = (int) Options.number(options.single("--port", null), "--port");
        Path state = Path.of(options.single("--state", null));
        NoteSigner key = WitnessKeyFile.readOrCreate(
                Path.of(options.single("--key", null)), options.single("--name", "witness.techmarket.local"));
        Map<String, List<VerifierKey>> logs = new LinkedHashMap<>();
        List<String> origins = options.all("--origin");
        List<String> vkeys = options.all("--log");
        if (vkeys.isEmpty()) {
            throw new IllegalArgumentException("a witness needs the key of at least one log (--log <vkey>)");
        }
        for (int i = 0; i < vkeys.size(); i++) {
            VerifierKey logKey = key(vkeys.get(i));
            String origin = i < origins.size() ? origins.get(i) : logKey.name();
            logs.computeIfAbsent(origin, o -> new ArrayList<>()).add(logKey);
        }
        Witness witness = new Witness(key, logs, new WitnessState(state), Clock.systemUTC());
        try (WitnessServer server = WitnessServer.start(witness, new InetSocketAddress(port))) {
            out.println("witness " + key.verifierKey() + " listening on port " + server.port() + " for "
                    + String.join(", ", logs.keySet()));
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return VERIFIED;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot listen on port " + port + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return VERIFIED;
        }
    }

    private static VerifierKey key(String vkey) {
        try {
            return VerifierKey.parse(vkey);
        } catch (NotVerified e) {
            throw new IllegalArgumentException("not a verifier key: " + vkey + " (" + e.getMessage() + ")");
        }
    }

    /** A command line of {@code --name value} pairs and at most one bare argument (the market URL). */
    private record Options(Map<String, List<String>> values) {

        static Options parse(List<String> args) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.startsWith("--")) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    values.computeIfAbsent(arg, a -> new ArrayList<>()).add(args.get(++i));
                } else {
                    values.computeIfAbsent("market", a -> new ArrayList<>()).add(arg);
                }
            }
            return new Options(values);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        Optional<String> optional(String name) {
            List<String> given = all(name);
            if (given.size() > 1) {
                throw new IllegalArgumentException((name.equals("market") ? "one market URL" : name) + " only once");
            }
            return given.stream().findFirst();
        }

        String single(String name, String otherwise) {
            return optional(name)
                    .or(() -> Optional.ofNullable(otherwise))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "missing " + (name.equals("market") ? "the market URL" : name)));
        }

        static long number(String text, String name) {
            try {
                long value = Long.parseLong(text);
                if (value >= 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException(name + " takes a number of zero or more, not " + text);
        }
    }
}
