package io.xenpulse.probe.cli;

import java.util.List;

/**
 * The probe's command line: {@code [--once] [--print]}. {@code --print} writes observations as JSON on
 * stdout instead of publishing them (no Kafka needed); {@code --once} gathers a single observation and exits.
 */
public record ProbeArguments(boolean once, boolean print) {

    public static final String USAGE = """
            usage: xenpulse probe [--once] [--print]
              (no option)  probe this node every XENPULSE_PROBE_INTERVAL and publish to Kafka until SIGTERM
              --print      write observations as JSON on stdout instead of publishing (no Kafka needed)
              --once       gather one observation, then exit (0 when gathered)
            configuration: environment variables, see the README (XENPULSE_CLUSTER, XENPULSE_NODE, ...)
            """;

    public static ProbeArguments parse(List<String> args) {
        boolean once = false;
        boolean print = false;
        for (String arg : args) {
            switch (arg) {
                case "--once" -> once = true;
                case "--print" -> print = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new ProbeArguments(once, print);
    }
}
