package io.xenpulse.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Entry point of {@code bin/xenpulse}: dispatches sub-commands. */
public final class XenpulseCli {

    private static final String USAGE = """
            usage: xenpulse demo [--report FILE]
              demo    run the whole pipeline on a local broker and registry against a simulated
                      4-node Xen cluster and replay the xend-restart incident; exit 0 when the
                      safety invariants held and every incident recovered
            """;

    private static final String LOGBACK_CONFIG = "logback.configurationFile";

    private XenpulseCli() {
    }

    public static void main(String[] args) throws Exception {
        // Each app jar ships its own logback.xml; the CLI, which has them all on its classpath, picks its own.
        if (System.getProperty(LOGBACK_CONFIG) == null) {
            System.setProperty(LOGBACK_CONFIG, "xenpulse-cli-logback.xml");
        }
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("demo")) {
            System.err.print(USAGE);
            return 64;
        }
        Optional<Path> report = Optional.empty();
        for (int i = 1; i < args.size(); i++) {
            if (args.get(i).equals("--report") && i + 1 < args.size()) {
                report = Optional.of(Path.of(args.get(++i)));
            } else {
                System.err.println("unknown argument: " + args.get(i));
                System.err.print(USAGE);
                return 64;
            }
        }
        return new DemoCommand(System.out).run(report);
    }
}
